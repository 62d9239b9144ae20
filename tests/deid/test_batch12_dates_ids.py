"""Date, age, phone and ID fixes found on the twelfth batch of hand-written development notes, and clinical values
that are no date (sentences written for these tests, not copied from any note)."""
from __future__ import annotations

from .helpers import texts


def test_day_month_with_a_clock_time_after_it(rules):
    note = "--\n12/3 - 14g15\nBN tỉnh, còn ho, không sốt.\nKhí máu (12/3 06h): pH 7,36.\n--\n13/3/2026 - 9g\nĐỡ khó thở."
    assert texts(rules, note, "DATE") == ["12/3 - 14g15", "12/3 06h", "13/3/2026 - 9g"]
    # after 'lúc' the time is a span of its own; a chat message stamp keeps its time of sending out
    assert texts(rules, "Hẹn chị chiều thứ Năm 19/3 lúc 14h30 nhé.", "DATE") == ["19/3", "14h30"]
    assert texts(rules, "[19/3 21:05] Hoa: bác sĩ ơi cháu sốt lại", "DATE") == ["19/3"]


def test_daily_dose_hour_written_per_day_is_a_dosage(rules):
    rx = "2) Losartan 50mg ........ 30 viên\n     Ngày 1 viên lúc 7 giờ\n3) Metformin 850mg, ngày 2 viên lúc 20h"
    assert texts(rules, rx, "DATE") == []
    assert texts(rules, "Nhập viện ngày 4 tháng 5 lúc 9 giờ.", "DATE") == ["ngày 4 tháng 5 lúc 9 giờ"]


def test_pain_out_of_ten_and_reference_ranges_are_no_date(rules):
    assert texts(rules, "Tỉnh, đau vết mổ 5/10, bụng mềm. Sáng: đau giảm 3/10.", "DATE") == []
    assert texts(rules, "Đau bụng từ 5/10, sốt nhẹ.", "DATE") == ["5/10"]
    lab = "Tiểu cầu (PLT)          95   L            G/L           150 - 450\nBạch cầu                9,1               G/L           4 - 10\n"
    assert texts(rules, lab, "DATE") == []


def test_age_in_months_after_the_age_field_and_in_a_table_column_with_a_unit(rules):
    assert texts(rules, "Ngày sinh: 03/05/2023    Tuổi: 31 tháng    Nam", "AGE") == ["31 tháng"]
    assert texts(rules, "Tuổi: 45 Ngày sinh: 02/03/1980", "AGE") == ["45"]
    table = ("| STT | Họ tên | Tuổi (tháng) | Ghi chú |\n"
             "| 1 | Lê Gia Hân | 26 | sốt |\n| 2 | Phạm Minh Đức | 33 | ho |\n")
    assert texts(rules, table, "AGE") == ["26", "33"]


def test_phone_forms(rules):
    assert texts(rules, "Tổng đài tư vấn 1900 58 72 14 (8h-17h)", "PHONE") == ["1900 58 72 14"]
    assert texts(rules, "SĐT mẹ: 0938 – 214 – 657", "PHONE") == ["0938 – 214 – 657"]
    assert texts(rules, "Người liên hệ: chị gái, +84 (0) 912 48 3317", "PHONE") == ["+84 (0) 912 48 3317"]
    assert texts(rules, "Bạch cầu 4 - 10 G/L, tiểu cầu 150 - 450 G/L", "PHONE") == []


def test_record_and_certificate_codes(rules):
    assert texts(rules, "KHOA NHI - HỒ SƠ: NT-26-004512", "ID") == ["NT-26-004512"]
    assert texts(rules, "Bảo hiểm tai nạn, số GCN BV-HN-2026-0045178.", "ID") == ["BV-HN-2026-0045178"]
    assert texts(rules, "Đã hoàn thiện hồ sơ 2 bộ gửi phòng KHTH.", "ID") == []


def test_counter_numbers_and_line_breaks_are_no_id(rules):
    assert texts(rules, "Phiếu khám - lượt số 0218\nNgày khám: 04/03/2026", "ID") == []
    assert texts(rules, "Mời bệnh nhân đến quầy số 3 nhận thuốc.", "ID") == []
    assert texts(rules, "GIẤY KHÁM SỨC KHỎE NGƯỜI LÁI XE       SỐ: 0934/GKSKLX-26", "ID") == ["0934/GKSKLX-26"]
    note = "Ngày lập phiếu: 2026.03.04\n1. Thông tin người bệnh"
    assert texts(rules, note, "DATE") == ["2026.03.04"]
    assert texts(rules, note, "ID") == []
