"""ICD-10 coding (issue 18, round 7): lay and regional words for skin, ear and throat conditions, a verb that says a
rash broke out (`lên`), and an English head of two words before Vietnamese words. Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code
from vimednlp.terminology.canonical import canonical_mention


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


@pytest.mark.parametrize("mention,expected", [
    ("bị nám da", "L81"), ("da bị tàn nhang", "L81"), ("nổi hột cơm ở ngón tay", "B07"), ("ráy tai nhiều", "H61"),
    ("viêm họng hạt lâu năm", "J31"), ("con em lên sởi", "B05"), ("đi cầu ra máu", "K92"),
])
def test_lay_words(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code[:3] == expected


def test_an_english_head_of_two_words(vi_cache):
    assert canonical_mention("heart failure độ 3") == "suy tim độ 3"
    c = top("otitis media ứ dịch tai trái")
    assert c is not None and c.code[:3] == "H65"


def test_a_genital_wart_is_not_a_common_wart(vi_cache):
    c = top("mụn cơm sinh dục")
    assert c is not None and c.code[:3] == "A63"
