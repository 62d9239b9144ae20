"""Date, age, phone and ID fixes found on the thirteenth batch of hand-written development notes (sentences written
for these tests, not copied from any note)."""
from __future__ import annotations

from vimednlp.deid.analyzer import Analyzer

from .helpers import texts


def test_weekday_right_before_a_date_belongs_to_it(rules):
    assert texts(rules, "Hẹn tái khám thứ Tư 17/6/2026 tại phòng 5.", "DATE") == ["thứ Tư 17/6/2026"]
    assert texts(rules, "Mẹ cháu ra viện hôm thứ 3 14/4 rồi ạ", "DATE") == ["thứ 3 14/4"]
    assert texts(rules, "Ngày khám: Thứ Hai, 09/11/2026", "DATE") == ["Thứ Hai, 09/11/2026"]
    # a weekday and a bare day of the month in a chat
    assert texts(rules, "em xin dời lịch sang thứ 6 ngày 19 được không ạ", "DATE") == ["thứ 6 ngày 19"]
    # a part of the day before the weekday keeps it out, as in the older notes
    assert texts(rules, "Khám sáng thứ Năm 11/6/2026, nhịn ăn.", "DATE") == ["11/6/2026"]
    # a chat export's day divider: the weekday is layout
    assert texts(rules, "───── Thứ Ba, 16/06/2026 ─────\nLan 08:10: chị ơi", "DATE")[0] == "16/06/2026"


def test_ordinal_day_before_a_date_is_no_day_range(rules):
    assert texts(rules, "Ngày điều trị thứ 3 – 12/4/2026\nBN tỉnh, hết sốt.", "DATE") == ["12/4/2026"]


def test_clock_times_of_a_care_timeline(rules):
    note = "Diễn biến ngày 5/6:\n21h HA 85/50, tăng liều Noradrenalin.\n23h30 tỉnh, tiểu 40 ml/h.\n6h đầu tiểu ít."
    assert texts(rules, note, "DATE") == ["5/6", "21h", "23h30"]
    assert texts(rules, "Sốt 39 độ lúc 15h → chườm mát, Paracetamol 1g, 16h còn 38,2.", "DATE") == ["15h", "16h"]
    assert texts(rules, "Truyền máu lúc 10h, 2h sau kiểm tra lại Hb.", "DATE") == ["10h"]
    assert texts(rules, "Ông Hà, 70 tuổi, mới nhập 9h30 từ khoa Cấp cứu.", "DATE") == ["9h30"]


def test_age_with_a_colon_after_it_in_a_handover_list(rules):
    assert texts(rules, "G.05 – ông Đinh Văn Tám, 83t: suy tim, phù hai chân", "AGE") == ["83t"]


def test_code_after_a_labelled_field_is_not_cut_by_the_next_field(rules):
    assert texts(rules, "Mã sơ sinh: SS-270115-042     Giấy chứng sinh số 42", "ID")[0] == "SS-270115-042"


def test_landline_with_the_country_code_and_a_one_digit_exchange(rules):
    assert texts(rules, "Tổng đài: +84-292-3 812 046, fax (0292) 3 812 047", "PHONE") == ["+84-292-3 812 046", "(0292) 3 812 047"]


def test_a_range_of_a_duration_is_no_date():
    an = Analyzer()  # the tagger too: it was the tagger that took '5-10' for a day and month
    assert texts(an, "cô cho bác nằm nghỉ 10-15 phút rồi đo lại huyết áp nhé", "DATE") == []
    assert texts(an, "Sốt 2-3 ngày nay, ho khan.", "DATE") == []
    assert "5-10 tháng 3" in texts(an, "Đau bụng từ 5-10 tháng 3 năm nay", "DATE")
