"""A side written between a test and its value (`ABI P 0,6`) leaves the value the test's RESULT."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,test,value", [
    ("Mạch chi dưới: ABI P 0,6, mạch mu chân yếu.", "ABI", "0,6"),
    ("Khám: ABI phải 0,85; monofilament còn cảm giác.", "ABI", "0,85"),
])
def test_value_after_a_side(text, test, value):
    spans = labelled(text)
    assert any(lab == "TEST" and t.startswith(test) for lab, t in spans)
    assert ("RESULT", value) in spans


def test_side_without_a_value_is_no_reading():
    assert not [t for lab, t in labelled("Đau hố chậu P, ấn đau.") if lab == "RESULT"]
