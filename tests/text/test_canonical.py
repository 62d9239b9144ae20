"""The canonical view: what each rule reads, exact offsets back to the input, and no change to ordinary text."""
from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vimednlp.text.canonical import canonical_view


@pytest.mark.parametrize("text, view", [
    # invisible and control characters inside a token go; between words a control becomes a space
    ("SĐT 0912\u200b345 678", "SĐT 0912345 678"),
    ("SĐT 091\x002 345 678", "SĐT 0912 345 678"),
    ("Hà\x00 Nội", "Hà  Nội"),
    ("BN An \ud800", "BN An \ufffd"),                         # a lone surrogate
    ("mặt cười \ud83d\ude00", "mặt cười \U0001F600"),          # a surrogate pair is its character
    ("SĐT ０９１２ ３４５ ６７８", "SĐT 0912 345 678"),          # full-width
    ("mã ٣٤٥", "mã 345"),                                       # another script's digits
    ("Nguy&#7877;n&nbsp;Văn An &amp; vợ", "Nguyễn Văn An & vợ"),  # HTML entities
    ("Nguy&#x1EC5;n", "Nguyễn"),
    ("Vào viện ngày l0/O8/2O25", "Vào viện ngày 10/08/2025"),  # OCR confusables in digit tokens
    ("SĐT O9l2.7O4.336", "SĐT 0912.704.336"),
    ("Tái khám ngày O3/ll/2O25", "Tái khám ngày 03/11/2025"),       # a date shape with a group of no real digit
    ("Hà Giang, ngày O4 tháng lO năm 2O25", "Hà Giang, ngày 04 tháng 10 năm 2025"),  # numbers beside date words
    ("Vào viện lúc l6 giờ 3O phút", "Vào viện lúc 16 giờ 30 phút"),
    ("sinh lúc O4 giờ 1O phút, ngày 2l tháng 1O năm 2O26", "sinh lúc 04 giờ 10 phút, ngày 21 tháng 10 năm 2026"),
    ("HA l2O/8O mmHg, mạch 9O l/p", "HA 120/80 mmHg, mạch 90 l/p"),
    ("Sinh năm: l96O, vợ - l963, con - 2Ol6", "Sinh năm: 1960, vợ - 1963, con - 2016"),  # OCR'd years  # vital signs (then the allow list keeps them)
    ("BỆNH VlỆN ĐA KH0A TỈNH", "BỆNH VIỆN ĐA KHOA TỈNH"),      # and in header words
    ("sdt 0 9 7 2 . 1 1 8 . 3 4 5 nha", "sdt 0972118345 nha"),  # digits spaced out one by one
    ("vào viện ngày 12 03 2024 vì sốt", "vào viện ngày 12/03/2024 vì sốt"),
    ("người nhà N.V.An gọi", "người nhà N.V. An gọi"),
    ("an.nguyen [at] gmail [dot] com", "an.nguyen@gmail.com"),
    ("Email: an.nguyen (at) bv-bachmai.org.vn nhé", "Email: an.nguyen@bv-bachmai.org.vn nhé"),
    ("mail an.nguyen at gmail dot com", "mail an.nguyen@gmail.com"),
    ("mail an.nguyen a còng gmail chấm com", "mail an.nguyen@gmail.com"),
    ("Bệnh nhân Nguy-\nễn Văn An", "Bệnh nhân Nguyễn Văn An"),  # hyphenated across a line break
    ("e\u0301 hoa\u0300", "é hoà"),                              # NFC
])
def test_view_reads_the_hidden_form(text, view):
    v = canonical_view(text)
    assert v.text == view
    assert v.original == text
    assert v.to_original(0, len(v.text)) == (0, len(text))


@pytest.mark.parametrize("text", [
    "Bệnh nhân Nguyễn Văn An, 45 tuổi, SĐT 0912 345 678, vào viện ngày 12/03/2024.",
    "SpO2 98%, I21.9, uống 2l nước/ngày, truyền 1500ml, T1 T2 đều, F0, Cl- 102, HbA1c 7,5%",
    "thang điểm đau 0 1 2 3 4 5 6 7 8 9 10",                    # a scale is not a phone number
    "điểm\t3\t4\t2\t5\t1\t4\t3\t2\t5",                          # nor a table row of scores
    "Thở 10l oxy, tầng 2O",                                      # a short number beside no number word
    "gặp at home, TP.HCM, Q.Bình Thạnh, BS. Lê",                # an English 'at'; abbreviated places
    "Hà Nội - Nam Định\n- sốt\n- ho",                            # list dashes are not hyphenation
    "Tô 2 lần 1 ngày 2024",
    "năm nay bé So với năm ngoái",                                # a word beside a date word stays
    "phòng 12O, giờ thứ 3",
    "Ngày | Giờ | Mạch | HA\n3.6 | 06h | 102 | 100/60",          # a cell divider beside a date word
])
def test_ordinary_text_is_its_own_view(text):
    v = canonical_view(text)
    assert v.text == text
    assert not v.changed


def test_spans_map_back_over_whole_edits():
    text = "BN Nguy&#7877;n Văn An, SĐT 091\x002 345 678, ngày l0/O8/2O25."
    v = canonical_view(text)
    for found in ("Nguyễn Văn An", "0912 345 678", "10/08/2025"):
        s = v.text.index(found)
        a, b = v.to_original(s, s + len(found))
        # the input's span holds the whole entity, the NUL and the confusables, nothing more
        assert canonical_view(text[a:b]).text == found
    s = v.text.index("Văn")
    assert text[slice(*v.to_original(s, s + 3))] == "Văn"  # outside edits the map is exact
    s = v.text.index("ễ")
    assert text[slice(*v.to_original(s, s + 1))] == "&#7877;"


def test_one_by_one_edits_keep_letter_boundaries():
    v = canonical_view("KH0A NỘI")
    assert v.text == "KHOA NỘI"
    assert v.to_original(2, 3) == (2, 3)
    v = canonical_view("ＮＧＵＹＥＮ")
    assert v.text == "NGUYEN"
    assert v.to_original(1, 3) == (1, 3)


def test_wrong_type_is_a_clear_error():
    with pytest.raises(TypeError, match="str"):
        canonical_view(b"bytes")  # type: ignore[arg-type]


_PIECES = ["Nguyễn", "Văn", "An", "hoà", "BN1234", "0912", "345", "678", "12", "03", "2024", "l0/O8/2O25", "KH0A",
           "VlỆN", "N.V.An", "[at]", "[dot]", "gmail", "com", "an.nguyen", "a còng", "chấm", "\u200b", "\x00", "\x01",
           "\ud800", "\ud83d\ude00", "０９", "Ａ", "٣", "&#7877;", "&amp;", "&nbsp;", "&", "e\u0301", "\u0301", "-\n",
           "\n", " ", " ", " ", ".", ",", "0", "9", "O", "l", "S", "|"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.data())
def test_any_view_span_maps_back_inside_the_input_in_order(text, data):
    v = canonical_view(text)
    n = len(v.text)
    assert v.to_original(0, n) == (0, len(text)) or not v.text
    cuts = sorted(data.draw(st.lists(st.integers(0, n), min_size=2, max_size=6)))
    mapped = [v.to_original(a, b) for a, b in pairwise(cuts)]
    for (a, b), (s, e) in zip(pairwise(cuts), mapped):
        assert 0 <= s <= e <= len(text)
        s2, e2 = v.to_view(s, e)
        # the input span holds the whole view span (but for a space the view inserted: 'N.V. An')
        assert (s2 <= a or not v.text[a:s2].strip()) and (e2 >= b or not v.text[e2:b].strip())
    for (s1, e1), (s2, e2) in pairwise(mapped):
        assert s1 <= s2 and e1 <= e2  # in order
    assert "\ud800" not in v.text and "\x00" not in v.text


@pytest.mark.parametrize("text", ["tra cứu ?ma=SS260620117.", "chuyến bay IO4405 nhập cảnh", "mã SO12345678"])
def test_a_codes_letter_prefix_is_not_an_ocr_digit(text):
    assert canonical_view(text).text == text


def test_an_ocr_letter_inside_a_spaced_phone_is_a_digit():
    assert canonical_view("sdt e 09o8 334 217 hư r").text == "sdt e 0908 334 217 hư r"
