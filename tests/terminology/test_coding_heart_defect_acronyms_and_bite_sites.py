"""ICD-10 coding (issue 18, round 13): congenital heart defects written by their English or French acronyms (ASD /
CIA, VSD / CIV, PDA, TOF) are expanded before ranking (abbreviations.tsv); a bite's region is read only from a site
word that cannot be a common word once marks are gone (`tại nhà` is no ear, `mã gì` no cheek: combinations.tsv).
Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


def top3(q):
    cands = code(q, k=5)
    return cands[0].code[:3] if cands else None


@pytest.mark.parametrize("mention,expected", [
    ("ASD lỗ thứ phát", "Q21"), ("CIV", "Q21"), ("PDA", "Q25"), ("TOF", "Q21"),
])
def test_heart_defect_acronyms(vi_cache, mention, expected):
    assert top3(mention) == expected


def test_a_common_word_is_not_read_as_the_bitten_site(vi_cache):
    # `tai` here is tại (at), `ma` is mã (a code): the site is the one named after `vào`
    assert top3("be bi cho can tai nha, can vao dui trai, ma ghi sao a") == "S71"
    assert top3("bị chó cắn vào má trái") == "S01"
