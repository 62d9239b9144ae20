"""When a sample was taken sits between a test that needs a value and that value (`ĐH đói 8,2 mmol/L`, `ĐH sau ăn
1h 9,4`, `ĐH sáng 9,4`): it belongs to the test's name, and the value is its RESULT. Without a value after it the
word is no test (`mạch đói lả` is no pulse)."""
from __future__ import annotations

from vimednlp.clinical import extract


def pairs(text):
    return [(s.label, s.text) for s in extract(text)]


def test_fasting_and_after_meal_readings():
    got = pairs("Nhật ký: ĐH đói 5,0-5,6 mmol/L, ĐH sau ăn 1h 8,7-9,4 mmol/L.")
    assert ("TEST", "ĐH đói") in got and ("TEST", "ĐH sau ăn 1h") in got
    assert ("RESULT", "5,0-5,6 mmol/L") in got


def test_timing_without_a_value_is_no_test():
    assert not any(label == "TEST" for label, _ in pairs("Bé mạch đói lả, quấy khóc."))
