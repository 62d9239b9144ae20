"""OCR'd and coded identifiers read through the canonical view and the ID pack (sentences written for these tests)."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer
from vimednlp.text.canonical import canonical_view


@pytest.fixture(scope="module")
def rules():
    return Analyzer(model=None)


def labelled(an, text, label):
    return [s.text for s in an.analyze(text) if s.label == label]


@pytest.mark.parametrize("raw,read", [
    ("Nhập viện lúc l4h3O ngày hôm đó", "Nhập viện lúc 14h30 ngày hôm đó"),
    ("Sổ rau O3g1O, rau đủ", "Sổ rau 03g10, rau đủ"),
    ("Điện thoại: (O24) 38l2 66O1", "Điện thoại: (024) 3812 6601"),
    ("Tuổi: 7l   Giới: Nữ", "Tuổi: 71   Giới: Nữ"),
])
def test_ocr_clock_with_h_area_code_in_brackets_and_age(raw, read):
    v = canonical_view(raw)
    assert v.text == read
    assert v.to_original(0, len(v.text)) == (0, len(raw))


@pytest.mark.parametrize("raw", ["SpO2 97%, thở oxy 2l/ph", "uống 1 viên lúc 8h (sáng)", "Oh, ok (l) chị"])
def test_words_and_doses_stay_as_written(raw):
    assert canonical_view(raw).text == raw


def test_ocr_forms_are_found(rules):
    assert labelled(rules, "Vào viện: l4h3O ngày 12/03/2024", "DATE")[0].startswith("l4h3O")
    assert labelled(rules, "Phòng khám An Bình  ĐT: (O24) 38l2 66O1", "PHONE") == ["(O24) 38l2 66O1"]
    assert labelled(rules, "Họ tên: Lê Văn Bình   Tuổi: 7l   Giới: Nam", "AGE") == ["7l"]


def test_a_code_of_two_letter_groups_after_ma_and_a_word(rules):
    assert labelled(rules, "đã chuyển hồ sơ, mã chuyển QN-TB-25-0418 nhé", "ID") == ["QN-TB-25-0418"]
    assert labelled(rules, "bà có mã hồ sơ thai BD-PC-26/117 ở trạm", "ID") == ["BD-PC-26/117"]


@pytest.mark.parametrize("raw,read", [
    ("truyền Albumin 2O% x 100 ml", "truyền Albumin 20% x 100 ml"),
    ("Enoxaparin 4O mg tiêm dưới da", "Enoxaparin 40 mg tiêm dưới da"),
    ("tim thai 15O l/p, Tiểu cầu 9O G/L", "tim thai 150 l/p, Tiểu cầu 90 G/L"),
    ("giờ 3    llO/7O    84", "giờ 3    110/70    84"),
    ("CỘNG HÒA XÃ HỘl CHỦ NGHĨA VlỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
])
def test_ocr_zeros_pressures_and_header_words(raw, read):
    v = canonical_view(raw)
    assert v.text == read
    assert v.to_original(0, len(v.text)) == (0, len(raw))


@pytest.mark.parametrize("raw", ["nhóm máu O+, Rh+", "uống l/2 viên", "mã B2O", "tầng 2O, phòng 12O",
                                 "huyết áp 12O/8O mmHg"])
def test_o_and_l_that_are_letters_stay(raw):
    assert canonical_view(raw).text == raw


def test_ocr_numbers_and_motto_are_no_place(rules):
    t = "SỞ Y TẾ HẢI PHÒNG        CỘNG HOÀ XÃ HỘl CHỦ NGHĨA VlỆT NAM\nDùng Propranolol 4O mg, truyền Albumin 2O%."
    assert labelled(rules, t, "LOCATION") == []


def test_an_ocr_d_title_before_a_name(rules):
    assert labelled(rules, "(ký, đóng dấu)\nBSCKl Hà Văn Lợi", "NAME") == ["Hà Văn Lợi"]


@pytest.mark.parametrize("raw,read", [
    ("(ký tên)\n   BS Lò Văn P ả", "(ký tên)\n   BS Lò Văn Pả"),
    ("Trưởng khoa: BSCKII Hà Xuân Tá m", "Trưởng khoa: BSCKII Hà Xuân Tám"),
    ("Attending physician: Dr. Cao Văn Th\nịnh (Orthopaedics)", "Attending physician: Dr. Cao Văn Thịnh (Orthopaedics)"),
    ("Ng ày 19 tháng 12 năm 2025", "Ngày 19 tháng 12 năm 2025"),
])
def test_a_word_cut_in_two_is_read_whole(raw, read):
    v = canonical_view(raw)
    assert v.text == read
    assert v.to_original(0, len(v.text)) == (0, len(raw))


@pytest.mark.parametrize("raw", ["siêu âm: thận P ứ nước độ I", "Nguyễn Văn B và Trần Thị C", "BN Lê Văn T\nảnh hưởng ít",
                                 "cách nhà 5 m, đi bộ"])
def test_pieces_that_are_words_or_initials_stay(raw):
    assert canonical_view(raw).text == raw


def test_a_cut_name_is_found_whole(rules):
    assert labelled(rules, "Bác sĩ điều trị\n\nBS Lò Văn P ả", "NAME") == ["Lò Văn P ả"]


def test_spaced_phone_whose_first_zero_is_a_letter_o():
    assert canonical_view("goi so di O 9 7 9 . 3 3 4 . 1 8 0 nha").text == "goi so di 0979334180 nha"
    assert canonical_view("Nhóm O 1 2 3 4 5 6 7 8").text == "Nhóm O 1 2 3 4 5 6 7 8"  # a count, no number


def test_hang_xom_is_a_neighbour_no_hamlet(rules):
    t = "ĐT nhờ hàng xóm Lục Văn Khúng 0866 417 093."
    assert labelled(rules, t, "LOCATION") == []
    assert labelled(rules, t, "PHONE") == ["0866 417 093"]
    assert labelled(rules, "nhà ở xóm 3, thôn Đông Xá", "LOCATION") == ["xóm 3, thôn Đông Xá"]


@pytest.mark.parametrize("raw,read", [
    ("hen 28/02 chup luc 1 8 g 3 0 / Thu", "hen 28/02 chup luc 18g30 / Thu"),
    ("chup luc 7 g / Nhi", "chup luc 7g / Nhi"),
    ("Lúc 9 h sáng bé sốt", "Lúc 9h sáng bé sốt"),
])
def test_a_clock_typed_digit_by_digit(raw, read):
    v = canonical_view(raw)
    assert v.text == read
    assert v.to_original(0, len(v.text)) == (0, len(raw))


@pytest.mark.parametrize("raw", ["uống 2 g mỗi ngày", "tăng từ 2 g lên 4 g", "ngay 2 h sau mo"])
def test_grams_and_hours_of_a_duration_stay(raw):
    assert canonical_view(raw).text == raw


@pytest.mark.parametrize("raw,read", [
    ("Friend: +44 7845 883B79 (WhatsApp)", "Friend: +44 7845 883879 (WhatsApp)"),
    ("đã gọi (0991633S7B) lúc 15:54", "đã gọi (0991633578) lúc 15:54"),
    ("Năm sinh | l9B3 |", "Năm sinh | 1983 |"),
])
def test_an_ocr_d_eight_read_as_b(raw, read):
    assert canonical_view(raw).text == read


@pytest.mark.parametrize("raw", ["Vitamin B12, Villa B12", "Ward 5B", "phòng B2-105", "KQ: 1B/2B"])
def test_b_in_codes_and_wards_stays(raw):
    assert canonical_view(raw).text == raw


def test_a_title_of_confusable_letters_stays():
    assert canonical_view("đã hỏi BS Triết: ngưng thuốc").text == "đã hỏi BS Triết: ngưng thuốc"


def test_a_bank_name_glued_before_an_ocr_d_account_stays_a_word():
    assert canonical_view("mình ck từ TK ACB 8927 347l 49l rồi nhé").text == "mình ck từ TK ACB 8927 3471 491 rồi nhé"


def test_a_plate_s_series_letter_stays_a_letter():
    assert canonical_view("xe anh biển số 85B1-402.17 đứng trước cổng").text == "xe anh biển số 85B1-402.17 đứng trước cổng"
