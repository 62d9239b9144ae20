"""Date, age and ID fixes found on the eleventh batch of hand-written development notes, and clinical values
that are no date (sentences written for these tests, not copied from any note)."""
from __future__ import annotations

from .helpers import texts


def test_magnet_strength_is_no_age(rules):
    assert texts(rules, "Chụp MRI 1.5T cột sống thắt lưng, máy: MRI 3T.", "AGE") == []
    assert texts(rules, "Chụp cộng hưởng từ 3T sọ não không tiêm thuốc.") == []
    assert texts(rules, "Bệnh nhân nam 67t, vào viện vì đau đầu.", "AGE") == ["67t"]


def test_clinical_counts_are_no_date(rules):
    assert texts(rules, "Yếu nửa người phải, cơ lực tay phải 3/5, chân phải 2/5.", "DATE") == []
    assert texts(rules, "CT ngực: gãy xương sườn 4-6 trái, tràn khí màng phổi.", "DATE") == []
    assert texts(rules, "Cấy máu: E. coli dương tính 2/3 mẫu.", "DATE") == []
    # a date before 'mẫu' stays a date
    assert texts(rules, "Tối 12/4 mẫu đờm được gửi đi xét nghiệm.", "DATE") == ["12/4"]


def test_daily_dose_time_on_a_prescription_line_is_a_dosage(rules):
    rx = ("1. Insulin Mixtard 100 UI/ml     01 lọ\n"
          "   Tiêm dưới da 12 UI lúc 20h\n"
          "2. Bisoprolol 2,5mg     30 viên\n"
          "   Uống 1 viên lúc 7h sáng sau ăn\n")
    assert texts(rules, rx, "DATE") == []
    # a care record names the drug: the moment the dose was given stays a time
    assert texts(rules, "Tiêm Clexane 40mg dưới da lúc 9h tối.", "DATE") == ["9h tối"]


def test_clock_times(rules):
    assert texts(rules, "Người nhà phát hiện lúc ngủ dậy, lần cuối thấy bình thường là 5 giờ 45.", "DATE") == ["5 giờ 45"]
    assert texts(rules, "Truyền trong 1 giờ 30 phút, sau 2 giờ 15 thì ngừng.", "DATE") == []
    assert texts(rules, "Dạ được chị, 14h em xuống khoa lấy kết quả.", "DATE") == ["14h"]
    assert texts(rules, "Lấy mẫu: 12/03/2026 - 08g20, trả kết quả chiều.", "DATE") == ["12/03/2026 - 08g20"]


def test_day_dot_month_after_ngay_and_day_in_brackets(rules):
    assert texts(rules, "Thuốc cấp ở trạm y tế ngày 15.03, còn đủ dùng.", "DATE") == ["15.03"]
    assert texts(rules, "Uống ngày 2.50 mg chia hai lần.", "DATE") == []
    assert texts(rules, "Lĩnh thuốc T3/2026 (ngày 12), cân nặng 50 kg.", "DATE") == ["T3/2026", "12"]


def test_day_month_before_a_chat_pronoun_t(rules):
    assert "9/3" in texts(rules, "lan oi cn 9/3 t ban roi, doi ca giup t nhe", "DATE")


def test_ranges(rules):
    assert texts(rules, "Thẻ BHYT giá trị 01/07/2025 - 30/06/2026.", "DATE") == ["01/07/2025 - 30/06/2026"]
    assert texts(rules, "Hội chẩn từ 8h30 đến 10h15 tại phòng giao ban.", "DATE") == ["8h30 đến 10h15"]


def test_key_value_table_cells(rules):
    table = ("| Họ tên | PHAN VĂN LỢI | Mã XN | HN250811-0072 |\n"
             "| Năm sinh | 1988 (37T) | Giới | Nam |\n")
    assert texts(rules, table, "ID") == ["HN250811-0072"]
    assert texts(rules, table, "DATE") == ["1988"]
    ages = ("| STT | Họ tên | Tuổi | Ghi chú |\n"
            "| 1 | Lý Thị Hồng | 56 (bán hàng ở chợ) | ổn định |\n")
    assert texts(rules, ages, "AGE") == ["56"]


def test_closing_quote_is_not_part_of_a_code(rules):
    got = texts(rules, 'Chuyển khoản STK 1903 5561 2288 01, nội dung "TT VIEN PHI 260314"', "ID")
    assert all(not g.endswith('"') for g in got)


def test_ecg_lead_range_is_no_address(rules):
    assert texts(rules, "Điện tâm đồ: ST chênh lên 2 mm, sóng Q V1-V4, T âm DIII.", "LOCATION") == []
