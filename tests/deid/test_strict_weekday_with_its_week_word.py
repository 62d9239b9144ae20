"""The strict profile and a weekday said with the week word after it ('chủ nhật vừa rồi', 'thứ tư tuần trước'):
the week word goes with the day, as annotators take it; after 'bữa' or 'hôm' ('bữa thứ năm vừa rồi') the weekday
is still a day, though 'bữa thứ hai' alone (the second meal) is an ordinal and stays."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def dates(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, []) if s.label == "DATE"]


@pytest.mark.parametrize("text, day", [
    ("bữa chủ nhật vừa rồi con dẫn má đi chợ Cái Răng", "chủ nhật vừa rồi"),
    ("hôm thứ tư tuần trước bà bị chóng mặt té trong nhà tắm", "thứ tư tuần trước"),
    ("bữa thứ năm vừa rồi ổng quên uống thuốc huyết áp", "thứ năm vừa rồi"),
])
def test_strict_removes_a_weekday_with_its_week_word(text, day):
    assert day in dates(text)


def test_strict_keeps_a_meal_counted_with_bua():
    assert dates("bữa thứ hai trong ngày bé chỉ ăn nửa chén cháo") == []
