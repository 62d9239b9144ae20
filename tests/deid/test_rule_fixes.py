"""Regression tests for rule fixes found on hand-written development notes (sentences written for these
tests, not copied from any note): one test per class of fix."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer


@pytest.fixture(scope="module")
def rules():
    return Analyzer(model=None)


def found(an, text, label=None):
    return [(s.label, s.text) for s in an.analyze(text) if label is None or s.label == label]


def texts(an, text, label=None):
    return [t for _, t in found(an, text, label)]


# --- PHONE ----------------------------------------------------------------------------------------
def test_landline_with_one_digit_exchange(rules):
    # letterheads write the area code, a one-digit exchange, then 3 + 3 digits
    assert texts(rules, "Trạm Y tế xã Phước Hậu, điện thoại 0270 3 845 117, giờ hành chính.", "PHONE") == ["0270 3 845 117"]
    assert texts(rules, "Gọi số (0236) 3 650 208 để đặt lịch.", "PHONE") == ["(0236) 3 650 208"]
    # no cue at all, in brackets after a relative's name
    assert "0296 3 912 447" in texts(rules, "Liên lạc vợ bệnh nhân (0296 3 912 447) khi có kết quả.")
    # not a phone: a dose schedule with single digits
    assert texts(rules, "Uống 2 viên x 3 lần, tái khám sau 7 ngày.", "PHONE") == []


# --- ID -------------------------------------------------------------------------------------------
def test_code_after_a_cue_with_words_in_between(rules):
    assert texts(rules, "Mã báo cáo: BC-2024-0817\nNgười lập: Trần Thị Mai", "ID") == ["BC-2024-0817"]
    assert texts(rules, "Mã thân nhân: TN-00417 (con gái)", "ID") == ["TN-00417"]
    assert texts(rules, "Số lô sản xuất: 240915A, hạn dùng 2026", "ID") == []
    assert texts(rules, "SỐ KCB: 002381/KCB", "ID") == ["002381/KCB"]
    # clinical codes and counts behind the same shape stay
    assert texts(rules, "Mã ICD: K35.8; Số lần: 3; Số ngày: 14", "ID") == []


def test_alphanumeric_case_code_and_english_cue(rules):
    assert texts(rules, "Mã ca bệnh: DN-SXH-2024-1187, sốt ngày thứ 4.", "ID") == ["DN-SXH-2024-1187"]
    assert texts(rules, "Teleconsult session TC-241105-0092 bắt đầu 20h.", "ID") == ["TC-241105-0092"]


def test_letter_prefix_and_dot_belong_to_the_code(rules):
    assert texts(rules, "Số lưu trữ: NH.24.11.002317\nKhoa: Nội", "ID") == ["NH.24.11.002317"]


def test_bank_account_with_owner_word_between(rules):
    assert "1903 5581 226 017" in texts(rules, "mn chuyển giúp vô tk anh 1903 5581 226 017 Techcombank nha", "ID")


# --- NAME -----------------------------------------------------------------------------------------
def test_two_word_kinship_and_duty_cues(rules):
    assert "Khang" in texts(rules, "Cháu ngoại Khang ở lại trực đêm.", "NAME")
    assert "Phương" in texts(rules, "Con dâu Phương ký cam kết.", "NAME")
    assert "Thoại" in texts(rules, "Bàn giao cho BS trực Thoại lúc 19h.", "NAME")


def test_given_name_outside_the_lexicon_after_a_kinship_cue(rules):
    assert "Thạch Sô Phanh" in texts(rules, "Em trai Thạch Sô Phanh đi cùng, mang theo giấy tờ.", "NAME")


def test_southern_birth_order_names(rules):
    assert "Bảy Xệ" in texts(rules, "Hàng xóm là ông Bảy Xệ đưa vào viện.", "NAME")
    chat = "Út Mến: má ăn được chưa chị\nSáu (rể): để tối em ghé\nHai Thơ: ừ"
    names = texts(rules, chat, "NAME")
    assert "Út Mến" in names and "Sáu" in names
    # a capitalised word before ':' with a non-kinship bracket is a field, not a speaker
    assert texts(rules, "Mạch (lần/phút): 88\nNhiệt (độ C): 37", "NAME") == []


def test_surname_ong_and_given_name_after_van_thi(rules):
    assert "Ông Thị Hạnh" in texts(rules, "Người lập phiếu: ĐD Ông Thị Hạnh", "NAME")
    assert "TRAN THI BE" in texts(rules, "Ho ten: ba TRAN THI BE, 67t", "NAME")
    assert "LƯU THỊ NGỌC" in texts(rules, "NGƯỜI NHÀ: LƯU THỊ NGỌC (CON). CHẨN ĐOÁN: VIÊM PHỔI.", "NAME")


def test_titles_and_labels_are_not_names(rules):
    assert texts(rules, "BỆNH ÁN Y HỌC CỔ TRUYỀN. SỰ CỐ Y KHOA ĐÃ ĐƯỢC BÁO CÁO.", "NAME") == []
    assert texts(rules, "Lương y: Đỗ Văn Khải", "NAME") == ["Đỗ Văn Khải"]
    assert texts(rules, "BÁC SĨ: LÊ HỮU PHƯỚC", "NAME") == ["LÊ HỮU PHƯỚC"]
    assert texts(rules, "Thời gian: 10h ngày 3/5\nKỹ thuật: siêu âm Doppler\nĐơn: Paracetamol 500mg", "NAME") == []
    assert texts(rules, "Người báo cáo: CN Lê Thị Quyên", "NAME") == ["Lê Thị Quyên"]


# --- ORGANIZATION / LOCATION boundaries ------------------------------------------------------------
def test_specialty_words_inside_a_clinic_name(rules):
    assert "Phòng khám Nha khoa Nụ Cười" in texts(rules, "Em đặt lịch ở Phòng khám Nha khoa Nụ Cười chiều nay.", "ORGANIZATION")
    assert "Phòng khám Sản phụ khoa Bình An" in texts(rules, "Siêu âm tại Phòng khám Sản phụ khoa Bình An: thai 12 tuần.",
                                                   "ORGANIZATION")


def test_lower_case_schools_and_lettered_hospitals_in_mixed_chat(rules):
    chat = "Chị ơi em học lớp 10 truong thpt le quy don\nBS Hà: đau nhiều thì vào bv c hue liền nha"
    orgs = texts(rules, chat, "ORGANIZATION")
    assert "truong thpt le quy don" in orgs
    assert "bv c hue" in orgs


def test_organisation_with_abbreviated_district(rules):
    assert "TTYT H. Cầu Ngang" in texts(rules, "TTYT H. Cầu Ngang chuyển bệnh nhân lên tuyến tỉnh.", "ORGANIZATION")


def test_spans_stop_at_dash_before_department_title_or_phone(rules):
    assert texts(rules, "BỆNH VIỆN ĐA KHOA TỈNH NAM ĐỊNH - Khoa Hồi sức tích cực", "ORGANIZATION") == [
        "BỆNH VIỆN ĐA KHOA TỈNH NAM ĐỊNH"]
    got = found(rules, "Phong kham Da khoa Tam Duc - DT: 0251 3 822 470")
    assert ("ORGANIZATION", "Phong kham Da khoa Tam Duc") in got and ("PHONE", "0251 3 822 470") in got
    # a branch after a dash is still the same organisation
    assert texts(rules, "Nơi làm: Ngân hàng TMCP Quân Đội - Chi nhánh Hoàn Kiếm", "ORGANIZATION") == [
        "Ngân hàng TMCP Quân Đội - Chi nhánh Hoàn Kiếm"]


def test_place_after_comma_is_not_a_doctor(rules):
    got = found(rules, "Nơi gửi: BVĐK tỉnh Lai Châu, BS Lò Văn Pấng\nKết quả: bình thường")
    assert ("NAME", "Lò Văn Pấng") in got
    assert not any(lab == "LOCATION" and "Pấng" in t for lab, t in got)


def test_chat_particles_end_a_venue(rules):
    got = found(rules, "ba mới chuyển qua BV Chợ Rẫy r mn ơi, nằm lầu 5")
    assert ("ORGANIZATION", "BV Chợ Rẫy") in got
    assert not any("mn" in t for _, t in got)


def test_chat_function_words_after_cues_are_not_names(rules):
    assert texts(rules, "chao ban, ban de lai sdt nhe. co the la viem da day", "NAME") == []


# --- PROFESSION -----------------------------------------------------------------------------------
def test_occupation_field_value_and_qualifiers(rules):
    assert "ĐAN LÁT" in texts(rules, "DÂN TỘC: KHMER\nNGHỀ NGHIỆP: ĐAN LÁT\nĐỊA CHỈ: ẤP PHƯỚC HẢO", "PROFESSION")
    assert texts(rules, "Nghề nghiệp: không\nLý do vào viện: sốt", "PROFESSION") == []
    assert "công an phường" in texts(rules, "Chồng là anh Tạ Văn Lực (công an phường) ký giấy.", "PROFESSION")
    assert "thợ sửa điện thoại" in texts(rules, "Bệnh nhân 28 tuổi, thợ sửa điện thoại\nQuê: Hà Tĩnh", "PROFESSION")


# --- DATE -----------------------------------------------------------------------------------------
def test_time_before_iso_date_and_english_months(rules):
    assert texts(rules, "Tiếp nhận: 23:15 ngày 2024-11-02 qua tổng đài", "DATE") == ["23:15 ngày 2024-11-02"]
    assert "August 21st, 2024" in texts(rules, "Bác sĩ hẹn follow-up around August 21st, 2024 nha.", "DATE")
    assert "3 Oct 2024" in texts(rules, "Ngày hẹn: 3 Oct 2024", "DATE")
    # Vietnamese words that look like month abbreviations when folded stay
    assert texts(rules, "máy 2 hỏng, mạ 3 sào", "DATE") == []


def test_upper_case_full_name_next_to_bank_abbreviation(rules):
    assert "TRAN VAN KHOI" in texts(rules, "ck giúp vô stk 0071 000 123 456 VCB TRAN VAN KHOI nha", "NAME")


# --- precision: labels, rooms, legal thresholds, look-alike places --------------------------------
def test_form_labels_are_not_organisations_or_places(rules):
    got = found(rules, "ĐƠN VỊ CÔNG TÁC: CÔNG TY CỔ PHẦN DỆT MAY NAM ĐỊNH\nII. CHẨN ĐOÁN VÀ PHƯƠNG PHÁP ĐIỀU TRỊ: VIÊM GAN B")
    assert ("ORGANIZATION", "CÔNG TY CỔ PHẦN DỆT MAY NAM ĐỊNH") in got
    assert not any("ĐƠN VỊ" in t or t == "PHÁP" for _, t in got)
    assert texts(rules, "Chỉ định: châm cứu.\nPháp: hoạt huyết, thông kinh lạc.") == []
    assert not any("TRƯỜNG HỢP" in t for t in texts(rules, "KÝ TÊN (TRƯỜNG HỢP NGƯỜI BỆNH KHÔNG TỰ KÝ ĐƯỢC)"))


def test_upper_case_words_that_fold_to_a_country(rules):
    # 'BỊ' (is affected) folds like 'Bỉ' (Belgium): in a text with diacritics the marks decide
    assert texts(rules, "TIỀN SỬ GIA ĐÌNH: BỐ BỊ ĐÁI THÁO ĐƯỜNG.", "LOCATION") == []
    assert texts(rules, "Chồng là Việt kiều Úc, quốc tịch Úc, về nước thăm nhà.", "LOCATION") == []


def test_department_in_a_form_field_stays_out_of_the_hospital(rules):
    assert texts(rules, "Nơi gửi: Khoa Thận nhân tạo, Bệnh viện Đa khoa tỉnh Thái Bình", "ORGANIZATION") == [
        "Bệnh viện Đa khoa tỉnh Thái Bình"]
    # a centre before its hospital is an organisation of its own and stays joined
    assert texts(rules, "Nơi làm: Trung tâm Huyết học - Bệnh viện Đa khoa tỉnh Thái Bình", "ORGANIZATION") == [
        "Trung tâm Huyết học - Bệnh viện Đa khoa tỉnh Thái Bình"]


def test_rooms_seats_and_vehicle_numbers_are_not_identifiers_or_addresses(rules):
    assert texts(rules, "Xe số 05 xuất phát lúc 2 giờ. Đưa bé qua phòng khám nhi số 2.", "ID") == []
    assert texts(rules, "Xe số 05 xuất phát. Đưa bé qua phòng khám nhi số 2.", "LOCATION") == []
    assert "số 12, ngõ 5 Tôn Thất Tùng" in texts(rules, "Bệnh nhân ở số 12, ngõ 5 Tôn Thất Tùng.", "LOCATION")
    assert texts(rules, "Bàn giao BN phòng 8: bà Lý Thị Hằng, sau mổ ngày 2.", "LOCATION") == []
    # an apartment number chained to its building stays an address
    assert any(t.startswith("phòng 1508, tòa nhà Hoàng Anh") for t in texts(
        rules, "Hiện ở phòng 1508, tòa nhà Hoàng Anh, 36 Láng Hạ.", "LOCATION"))
    got = found(rules, "Quyển số: 07     Số: 1182")
    assert ("ID", "1182") in got and not any(lab == "LOCATION" for lab, _ in got)


def test_card_number_after_so_is_an_id_not_a_house(rules):
    assert ("ID", "HN4010121234567") in found(rules, "Thẻ BHYT số: HN4010121234567")


def test_role_labels_and_counters_before_colon(rules):
    got = found(rules, "Lái xe: Thạch Sung. Kíp: BS Lê Hòa\nĐD giao: Mai Anh Thư - ĐD nhận: Vũ Hà")
    assert not any(lab == "PROFESSION" for lab, _ in got)
    assert not any(t == "giao" for _, t in got)
    assert texts(rules, "- mũi 1: 20/4/2025, mũi 2: 20/5/2025", "DATE") == ["20/4/2025", "20/5/2025"]
    assert texts(rules, "Mã CSKCB: 01005", "ID") == []


# --- streets named after dates, abbreviated units, employers and jobs in mixed language ------------
def test_street_named_after_a_date_is_an_address(rules):
    got = found(rules, "Nhà trọ số 8 hẻm 14 đường 30 Tháng 4, phường Xuân Khánh, quận Ninh Kiều")
    assert ("LOCATION", "số 8 hẻm 14 đường 30 Tháng 4, phường Xuân Khánh, quận Ninh Kiều") in got
    assert not any(lab == "DATE" for lab, _ in got)
    assert texts(rules, "Tái khám ngày 30 tháng 4 năm 2025.", "DATE") == ["ngày 30 tháng 4 năm 2025"]


def test_address_field_keeps_the_dot_of_an_abbreviated_unit(rules):
    assert texts(rules, "Dia chi: to 5, ap Binh Thanh, X. Tan Phu, TP. Can Tho\nLy do: sot", "LOCATION") == [
        "to 5, ap Binh Thanh, X. Tan Phu, TP. Can Tho"]


def test_employers_and_jobs_in_mixed_language_chat(rules):
    got = found(rules, "Dạ em 31 tuổi, developer bên FPT Software, chồng em chạy xe ôm ạ")
    assert ("ORGANIZATION", "FPT Software") in got
    assert ("PROFESSION", "developer") in got and ("PROFESSION", "chạy xe ôm") in got


def test_lower_case_clinic_name_made_of_given_names(rules):
    assert "pk nhi an khang" in texts(rules, "bs dan: chi dua be qua pk nhi an khang sang mai nhe", "ORGANIZATION")


# --- batch 6 (dev-071..085): precision -------------------------------------------------------------
def test_visual_acuity_and_weekday_lists_are_not_dates(rules):
    assert texts(rules, "Thị lực không kính: mắt phải 9/10, mắt trái 6/10.", "DATE") == []
    assert texts(rules, "THỊ LỰC: MP 4/10, MT 5/10, đề nghị khám mắt.", "DATE") == []
    assert texts(rules, "Lịch lọc máu thứ 3-5-7, ca chiều.", "DATE") == []
    # a real day/month is still a date
    assert texts(rules, "Tái khám ngày 9/10 tại phòng khám.", "DATE") == ["9/10"]


def test_meeting_and_letter_labels_are_not_names_or_places(rules):
    text = ("Chủ trì: BS Lương Văn Toản. Thư ký: BS Mạc Thị Huệ.\nThành viên: BS Kha Minh Tú\n"
            "Ý kiến BS Tú: theo dõi thêm.\nLưu ý: nhịn ăn trước mổ.\nKính gửi: Ban Giám đốc bệnh viện, Tổ bảo vệ.")
    got = found(rules, text)
    assert ("NAME", "Lương Văn Toản") in got and ("NAME", "Mạc Thị Huệ") in got
    bad = {"Chủ", "Ý", "Thành viên", "Lưu ý", "Ban Giám", "Giám", "Tổ", "Chủ trì"}
    assert not [t for _, t in got if t in bad]
    assert texts(rules, "Đề nghị trả lời bằng văn bản. Tôi xin cảm ơn.", "LOCATION") == []


def test_national_motto_and_case_conference_are_not_organisations(rules):
    assert found(rules, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc") == []
    assert found(rules, "BIÊN BẢN HỘI CHẨN LIÊN KHOA") == []
    # a real association keeps its name
    assert texts(rules, "Hỗ trợ từ Hội Chữ thập đỏ xã Tân Lập.", "ORGANIZATION") == ["Hội Chữ thập đỏ xã Tân Lập"]


def test_rhesus_and_drug_after_a_cue_are_not_phi(rules):
    assert found(rules, "Cần gấp máu nhóm B Rh(-), kho đã hết máu B Rh âm.") == []
    assert texts(rules, "Nhà thuốc em còn Madopar 250mg, chị lấy mấy hộp?", "NAME") == []


# --- batch 6: recall ------------------------------------------------------------------------------
def test_ethnic_minority_names_opening_a_register_line(rules):
    text = ("DANH SÁCH KHÁM - TYT xã Ia Mơ\n1. Rơ Châm Hyơk - nam - 52t - sốt\n2. Ksor Nhen - nữ - 30t - ho\n"
            "3. Điểu Văn Brong, NS 1980, đau lưng\n4. Nie Kdăm H'Xuân - nữ - 27t - khám thai")
    got = texts(rules, text, "NAME")
    for name in ("Rơ Châm Hyơk", "Ksor Nhen", "Điểu Văn Brong", "Nie Kdăm H'Xuân"):
        assert name in got
    # a numbered heading is no name
    assert texts(rules, "1. Lý do vào viện - sốt cao\n2. Bệnh sử, tiền sử", "NAME") == []


def test_nicknames_in_brackets(rules):
    assert "Tũn" in texts(rules, "Cháu Đặng Gia Bảo (ở nhà gọi là Tũn), 5 tuổi", "NAME")
    assert "Ba Mập" in texts(rules, "Ông Lý Văn Tâm (anh em gọi Ba Mập) - thợ hồ", "NAME")
    assert texts(rules, "(gọi 115 khi cần)", "NAME") == []


def test_form_fields_in_upper_case_are_not_an_age(rules):
    assert texts(rules, "GIỚI: NỮ     TUỔI: 41", "AGE") == ["41"]
    assert texts(rules, "Bé năm tuổi, sốt", "AGE") == ["năm tuổi"]


def test_named_trades_and_jobs_after_a_name(rules):
    assert texts(rules, "Chồng là Hồ Văn Kiên, thợ sơn, hay đi làm xa.", "PROFESSION") == ["thợ sơn"]
    assert texts(rules, "Chị Nông Thị Vân, dược sĩ nhà thuốc gần chợ", "PROFESSION") == ["dược sĩ"]
    assert texts(rules, "Nghề: phục vụ quán bia", "PROFESSION") == ["phục vụ quán bia"]
    assert "thu ngân" in texts(rules, "Chị làm thu ngân ở siêu thị.", "PROFESSION")
    # breathing oxygen and a driving licence are no jobs
    assert texts(rules, "Huong xu tri: tho oxy qua gong mui", "PROFESSION") == []
    assert texts(rules, "Đủ điều kiện sức khỏe lái xe hạng B2.", "PROFESSION") == []


def test_codes_after_staff_and_register_cues(rules):
    assert texts(rules, "Công nhân Lò Văn Tính - MNV KT-10234: nghe kém", "ID") == ["KT-10234"]
    assert texts(rules, "Đã chuyển, số ĐK điều trị HN-24-0311.", "ID") == ["HN-24-0311"]
    assert texts(rules, "TRẠM Y TẾ XÃ AN HÒA     Số: 45/GXN", "ID") == ["45/GXN"]
    assert texts(rules, "Xe số 07 đưa đón", "ID") == []


def test_month_shorthand_clock_times_and_short_links(rules):
    assert texts(rules, "Khám sức khỏe định kỳ đợt T11/2025 tại xưởng", "DATE") == ["T11/2025"]
    assert texts(rules, "8h15 cùng ngày bệnh nhân tự rút kim, đến 9h05 thì ngất.", "DATE") == ["8h15", "9h05"]
    assert texts(rules, "Đo đường máu lúc 3h sáng thấy thấp.", "DATE") == ["3h sáng"]
    assert texts(rules, "Ca 1 (7h00-11h00), ca 2 (13h30 - 17h00)", "DATE") == []
    assert texts(rules, "Tham gia nhóm: zalo.me/g/abcxyz12", "URL") == ["zalo.me/g/abcxyz12"]


def test_villages_lodgings_and_community_organisations(rules):
    assert "plei Ia Glai" in texts(rules, "3. Kpă Thị Hnhí - nữ - 40t - plei Ia Glai - ho", "LOCATION")
    assert texts(rules, "Tạm trú nhà trọ Hương Sen, khu phố 3, phường Linh Xuân", "LOCATION") == \
        ["nhà trọ Hương Sen, khu phố 3, phường Linh Xuân"]
    assert texts(rules, "Chuyển Tổ chống lao huyện Gia Lâm quản lý.", "ORGANIZATION") == ["Tổ chống lao huyện Gia Lâm"]
    assert "CLB Thalassemia Đà Nẵng" in texts(rules, "Liên hệ CLB Thalassemia Đà Nẵng để được hỗ trợ.", "ORGANIZATION")
    assert texts(rules, "ăn một tòa cơm", "LOCATION") == []


def test_lower_case_hospitals_and_universities_and_a_named_child_age(rules):
    assert texts(rules, "dang uong thuoc do bs o bv cho ray ke tu thang 5", "ORGANIZATION") == ["bv cho ray"]
    assert texts(rules, "sinh vien nam 2 dh thuy loi", "ORGANIZATION") == ["dh thuy loi"]
    assert texts(rules, "Bé Hà Minh Khang, 14 tháng, sốt 2 ngày", "AGE") == ["14 tháng"]
    assert texts(rules, "bé uống sắt đều, 2 tháng.", "AGE") == []


def test_hmong_name_in_an_upper_case_field_and_staff_role_cues(rules):
    assert texts(rules, "HỌ VÀ TÊN: THÀO A DÌNH     GIỚI: NAM", "NAME") == ["THÀO A DÌNH"]
    assert "Lò Mạnh Quyết" in texts(rules, "Đồng đẳng viên: Lò Mạnh Quyết", "NAME")
    assert "Hưng" in texts(rules, "shipper Hưng sẽ gọi chị trước 5h chiều", "NAME")
    # a field label is no occupation
    assert texts(rules, "Mã học sinh: 0231456789", "PROFESSION") == []


def test_record_numbers_after_ma_ba_and_ma_bn(rules):
    assert texts(rules, "nằm giường 4, mã BA 25.0041187, chẩn đoán viêm phổi", "ID") == ["25.0041187"]
    assert texts(rules, "ma BN 209-24-0031177 nha chi", "ID") == ["209-24-0031177"]
    assert texts(rules, "BN1234 nhập viện, BN 17 ổn định", "ID") == ["BN1234", "BN 17"]
    # 'cơ quan' is an employer, not a district ('quận')
    assert texts(rules, "Y tế cơ quan: Lạc Văn Thịnh", "LOCATION") == []


def test_lower_case_name_field_in_a_text_with_diacritics(rules):
    text = "PHIẾU ĐĂNG KÝ KHÁM - Phòng khám Nhi Đồng Tâm\nHo ten: vu bao tram     Nam sinh: 2019\nGhi chú: sốt 2 ngày"
    assert "vu bao tram" in texts(rules, text, "NAME")
    assert texts(rules, "Ho ten: benh nhan nu\nGhi chú: chưa rõ", "NAME") == []


def test_rides_transfers_and_role_labels_with_a_place_word(rules):
    assert texts(rules, "Bệnh nhân tự ý bắt taxi về nhà lúc 22h.", "PROFESSION") == []
    assert texts(rules, "ông ấy lên xe ôm đi mất", "PROFESSION") == []
    assert texts(rules, "Chồng chạy xe ôm ở bến xe.", "PROFESSION") != []
    assert texts(rules, "ck em chuyen khoan roi nha chi", "NAME") == []
    got = found(rules, "Nhân viên y tế trường: Đinh Thị Hảo")
    assert ("NAME", "Đinh Thị Hảo") in got and not [t for l, t in got if l == "PROFESSION"]


def test_kinship_is_cue_and_surname_ho_is_no_lake(rules):
    assert texts(rules, "Nhà không có điện thoại, bố là A Lăng Chiến, đi rừng chưa về.", "NAME") == ["A Lăng Chiến"]
    got = found(rules, "Người nhà: bố là Hồ Văn Khải.")
    assert ("NAME", "Hồ Văn Khải") in got and not [t for l, t in got if l == "LOCATION"]
    assert texts(rules, "Nhà gần hồ Thiền Quang", "LOCATION") == ["hồ Thiền Quang"]


def test_nickname_without_brackets(rules):
    assert "Tí Nị" in texts(rules, "Cháu Sùng Thị Mai, 3 tuổi, ở nhà gọi là Tí Nị.", "NAME")
    assert texts(rules, "ở nhà gọi là bé con, rất ngoan.", "NAME") == []


def test_more_acuity_committees_and_classes(rules):
    assert texts(rules, "Thị lực hai mắt 10/10, nhãn áp bình thường.", "DATE") == []
    assert texts(rules, "BIÊN BẢN HỌP HỘI ĐỒNG THUỐC VÀ ĐIỀU TRỊ", "ORGANIZATION") == []
    assert texts(rules, "Học sinh lớp 4B, trường Tiểu học Dịch Vọng.", "LOCATION") == []
    assert texts(rules, "Nhà ở 12 Lý Thường Kiệt, Hà Nội", "LOCATION") != []


def test_ethnic_group_names_are_not_person_names(rules):
    assert texts(rules, "Bà Y Hơn, 66 tuổi, người Ba Na, ở làng Kon Rờ", "NAME") == ["Y Hơn"]
    assert texts(rules, "Mẹ là người Tà Ôi, bố người Kinh.", "NAME") == []
    assert texts(rules, "bà Na bán rau ở chợ", "NAME") == ["Na"]
