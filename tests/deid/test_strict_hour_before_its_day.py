"""The strict profile and an hour written before its day ('hẹn 7g sáng 14/12', 'lúc 9h thứ 6'): after a time or
appointment word it is part of the date; a dose before a date ('cefazolin 2g sáng 14/12') is no hour."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def dates(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, []) if s.label == "DATE"]


@pytest.mark.parametrize("text, hour", [
    ("Đã dặn người nhà: hẹn 7g sáng 14/12 quay lại lấy máu.", "7g"),
    ("bà nhớ đến lúc 9h thứ 6 nha, nhịn ăn sáng", "9h"),
])
def test_strict_removes_an_hour_before_its_day(text, hour):
    assert any(d.startswith(hour) for d in dates(text))


def test_strict_keeps_a_dose_before_a_date():
    assert not any(d.startswith("2g") for d in dates("Tiêm cefazolin 2g sáng 14/12 trước mổ."))
