"""The strict profile and a blood pressure that OCR wrote with O for 0 and l for 1 ('HA 9O/6O', 'l3O/8O'): no
date, though its shape is two numbers joined by '/'; an OCR'd date whose day and month can be one ('2l/l2',
'l5/O1/2O27') still goes."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, [])]


@pytest.mark.parametrize("text", ["Trong lọc HA tụt 9O/6O, giảm UF, bù dịch.", "HA sau lọc l3O/8O mmHg, mạch 84."])
def test_strict_keeps_an_ocr_blood_pressure(text):
    assert removed(text) == []


@pytest.mark.parametrize("text, date", [("Đồng ý mổ ngày 2l/l2 tại viện tỉnh.", "2l/l2"),
                                        ("Hẹn tái khám l5/O1/2O27.", "l5/O1/2O27")])
def test_strict_still_removes_an_ocr_date(text, date):
    assert any(date in r for r in removed(text))
