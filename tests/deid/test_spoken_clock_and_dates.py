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
