"""A reading told a few words after its test in a chat or speech (`spo2 kẹp tay đo được 90`, `cân thì được 12 ký`,
`nhiệt độ còn 37 độ 8`) is the test's RESULT; `cân` is the weight only before a value."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,test,value", [
    ("Thu (con gai): may spo2 kep ngon tay do dc 89 thoi bs", "spo2", "89"),
    ("Mẹ bé Na: cân thì được 14 ký, bé ăn ít", "cân", "14"),
    ("Chị Hà: nhiệt độ còn 38 độ 1, bé vẫn quấy", "nhiệt độ", "38"),
    ("e do nhiet dc 38.6 luc 5h sang", "nhiet", "38.6"),
])
def test_reading_told_after_its_test(text, test, value):
    spans = labelled(text)
    assert ("TEST", test) in spans
    assert any(lab == "RESULT" and t.startswith(value) for lab, t in spans)


@pytest.mark.parametrize("text", [
    "Cân nhắc chuyển tuyến nếu không đỡ.",
    "Ăn uống cân đối, tập thể dục đều.",
])
def test_weigh_word_without_a_value_is_no_test(text):
    assert not [t for lab, t in labelled(text) if lab == "TEST"]
