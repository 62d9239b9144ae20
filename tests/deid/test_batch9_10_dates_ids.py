"""Date, age, ID and phone fixes found on the ninth and tenth batches of hand-written development notes
(sentences written for these tests, not copied from any note)."""
from __future__ import annotations

from .helpers import texts


def test_clock_time_after_luc_with_a_colon_after_the_minutes(rules):
    assert "21 giờ 37" in texts(rules, "Siêu âm tim lúc 21 giờ 37: EF 35%, giảm động thành trước.", "DATE")


def test_clock_time_after_start_and_stop_verbs(rules):
    got = texts(rules, "Dopamin pha bơm tiêm điện, bắt đầu 06h20, ngừng 18h; mổ kết thúc 10 giờ 40.", "DATE")
    assert {"06h20", "18h", "10 giờ 40"} <= set(got)
    # a duration stays out
    assert texts(rules, "Truyền dịch trong 6h, theo dõi sát.", "DATE") == []


def test_administration_time_after_a_tick(rules):
    got = texts(rules, "- Ceftriaxon 2g tiêm TM   ✓ 7h\n- Omeprazol 40mg   ✓ 9h30", "DATE")
    assert got == ["7h", "9h30"]


def test_collection_period_before_a_colon_is_no_time(rules):
    assert texts(rules, "Protein niệu 24h: 3,2 g. Nước tiểu 24h: 900 ml.", "DATE") == []
    assert texts(rules, "Khí máu 6h: pH 7,28.", "DATE") == ["6h"]


def test_clock_time_after_a_relative_day(rules):
    assert texts(rules, "bs oi mai 8h e dua be len kham lai nhe", "DATE") == ["8h"]
    assert texts(rules, "Hôm nay 2g Cefotaxim chia 2 lần.", "DATE") == []


def test_bare_cells_under_date_time_and_age_columns(rules):
    table = ("Ngày | Giờ | Mạch | HA | SpO2 | Ký\n"
             "3.6.2026 | 06h | 102 | 100/60 | 94% | Loan\n"
             "3.6 | 12h | 96 | 110/70 | 96% | Loan\n")
    got = texts(rules, table, "DATE")
    assert {"3.6.2026", "06h", "3.6", "12h"} <= set(got)
    assert not {"102", "96", "94%"} & set(got)
    contacts = ("STT | Họ tên | Tuổi | Quan hệ | SĐT\n"
                "1 | Đinh Văn Lực | 63 | bố | 0912 448 170\n"
                "2 | Đinh Thị Na | 9 | em gái | —\n")
    assert texts(rules, contacts, "AGE") == ["63", "9"]
    # a count under a column of another name stays
    assert texts(rules, "Thuốc | Số lượng\nAmoxicillin 500mg | 21\n", "AGE") == []
    assert texts(rules, "Ngày giờ | Diễn biến\n05-06 14h | NB tỉnh\n", "DATE") == ["05-06", "14h"]


def test_weekday_and_time_range_between_a_time_and_its_date(rules):
    assert texts(rules, "Lịch hẹn: 8h30 thứ Năm 18/06/2026, phòng khám số 2.", "DATE") == ["8h30 thứ Năm 18/06/2026"]
    assert texts(rules, "Ca trực tuyến: 14:00 - 14:40, thứ Sáu 03/07/2026.", "DATE") == ["14:00 - 14:40, thứ Sáu 03/07/2026"]
    assert texts(rules, "Mổ lúc 7 giờ 20 phút sáng Chủ nhật, 5/7/2026 tại phòng mổ 3.", "DATE") \
        == ["7 giờ 20 phút sáng Chủ nhật, 5/7/2026"]
    # the minutes of a time range are no day/month
    assert "30 - 11" not in texts(rules, "Giờ khám 10:30 - 11:15 mỗi sáng.", "DATE")


def test_day_range_glued_by_a_dash_is_one_date(rules):
    assert texts(rules, "Nghỉ phép ngày 14-15/8/2025 để chăm con.", "DATE") == ["14-15/8/2025"]


def test_clock_times_opening_clauses_of_a_dated_timeline(rules):
    line = "- Ngày 4/6: khoảng 8h đi chợ Đồng Xuân; 11h–14h ăn giỗ nhà bác; 18h30 về nhà.\n"
    got = texts(rules, line, "DATE")
    assert {"4/6", "8h", "11h–14h", "18h30"} <= set(got)
    # durations after a colon or a semicolon stay out
    got = texts(rules, "Ngày 4/6: 6h đầu truyền 1000 ml; 2h sau mổ tỉnh hẳn.", "DATE")
    assert got == ["4/6"]
    # a line without a day names no moment
    assert texts(rules, "Kế hoạch: 6h truyền dịch rồi đánh giá lại.", "DATE") == []


def test_motorbike_plate_with_a_dash_after_the_province(rules):
    assert texts(rules, "Xe của người bệnh biển số 43-E1 217.09 để ở nhà xe.", "ID") == ["43-E1 217.09"]


def test_ten_digit_hotline(rules):
    assert texts(rules, "Tổng đài tư vấn 1900 5588 12 (8h-17h).", "PHONE") == ["1900 5588 12"]
    assert texts(rules, "Gọi 1900 1234 để đặt lịch.", "PHONE") == ["1900 1234"]


def test_tumour_markers_and_values_per_millilitre_are_no_identifier(rules):
    assert texts(rules, "CEA 12 ng/mL; CA 19-9 1250 U/mL; CA 15-3 45 U/mL.") == []


def test_lookup_code_practising_licence_and_admission_number(rules):
    assert texts(rules, "ket qua xem tai web, ma tra cuu 884120 nhe", "ID") == ["884120"]
    assert texts(rules, "Bác sĩ khám: Lê Minh Tâm - số CCHN 012345/HNO-CCHN", "ID") == ["012345/HNO-CCHN"]
    assert texts(rules, "bn so vao vien 2511-0456, nam giuong 7", "ID") == ["2511-0456"]


def test_form_numbers_categories_and_short_numbers_after_ma_are_no_identifier(rules):
    assert texts(rules, "GIẤY RA VIỆN (Mẫu số 02/BV-01)", "ID") == []
    assert texts(rules, "Mã khu vực: K3     Mã thẻ BHYT: DN4010123456789", "ID") == ["DN4010123456789"]
    assert texts(rules, "uong thuoc roi ma 3 tieng sau van sot", "ID") == []
    # a document number after 'Số:' stays
    assert texts(rules, "Số: 215/GCN-BV", "ID") == ["215/GCN-BV"]


def test_baby_age_after_its_birth_date(rules):
    assert "14 tháng" in texts(rules, "Ngày sinh: 12/02/2025 - 14 tháng     Nữ", "AGE")
    assert "3 tuần" in texts(rules, "NS: 02/01/2026 (3 tuần), bú kém", "AGE")
