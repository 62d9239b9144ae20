"""Times, dates, years and ages said aloud in transcripts without the cue words the older rules needed."""
from __future__ import annotations

import pytest

from tests.deid.helpers import texts


@pytest.mark.parametrize(("text", "said"), [
    ("người nhà ừ cảm ơn em nhé (kết thúc chín giờ hai mươi hai)", "chín giờ hai mươi hai"),
    ("dạ chị báo giùm em chừng sáu giờ bốn mươi là tới cổng", "sáu giờ bốn mươi"),
    ("em báo trước cho bác sĩ bên nhi chiều nay ba giờ em lên viện trực", "ba giờ"),
    ("thẻ hộ nghèo hạn đến ba mốt tháng mười hai năm hai không hai sáu người nhà ừ", "ba mốt tháng mười hai năm hai không hai sáu"),
    ("anh em gọi từ phòng khám hôm thứ hai mười bảy anh bị ngã xe đấy ạ", "thứ hai mười bảy"),
    ("chị sinh năm hai ngàn lẻ ba năm nay có thai lần đầu", "hai ngàn lẻ ba"),
    ("à quên tôi sinh năm bốn tư tên đầy đủ là", "bốn tư"),
])
def test_said_dates_and_times(rules, text, said):
    assert said in texts(rules, text, "DATE")


def test_age_in_days_or_weeks(rules):
    assert texts(rules, "giờ bé được tám ngày tuổi mà vàng da tới bụng", "AGE") == ["tám ngày tuổi"]


@pytest.mark.parametrize("text", [
    "truyền dịch trong hai giờ ba mươi phút thì dừng",
    "uống thuốc lần thứ hai mười ngày sau, thứ ba hai viên",
    "mỗi ngày đi bộ hai giờ, sinh năm con thứ hai",
])
def test_counts_and_ordinals_are_not_dates(rules, text):
    assert texts(rules, text, "DATE") == []


@pytest.mark.parametrize("text,said", [
    ("bàn giao xong mọi việc trong khoa chốt sổ lúc chuyển ca tám giờ hai mươi", "tám giờ hai mươi"),
    ("mẹ bé gọi lại báo bé đã hết sốt em ghi nhận cuộc gọi mười giờ mười lăm.", "mười giờ mười lăm"),
    ("người nhà đưa bà vào cổng cấp cứu năm giờ bốn mươi sáng", "năm giờ bốn mươi sáng"),
])
def test_hours_and_minutes_said_without_phut_are_a_clock(rules, text, said):
    assert said in texts(rules, text, "DATE")


@pytest.mark.parametrize("text", [
    "bé truyền dịch trong hai giờ mười rồi mới ngủ",        # a duration word before the hours
    "bà ngủ được ba giờ mười lăm phút thì dậy đi vệ sinh",   # 'phút' said: hours and minutes of sleep
    "dặn cho uống thuốc hạ sốt hai giờ một lần nếu còn sốt",  # 'một lần': every two hours
    "mỗi hai giờ mười lăm đo lại huyết áp cho cụ",            # 'mỗi': an interval
])
def test_hours_said_as_a_duration_are_no_clock(rules, text):
    assert texts(rules, text, "DATE") == []
