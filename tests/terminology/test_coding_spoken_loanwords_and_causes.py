"""ICD-10 coding (issue 18): a loanword a transcript writes one syllable at a time (`a mi đan`, `zô na`) is read as
the index word it spells; the external cause after an injury (`do ngã xe máy`, `sau tai nạn giao thông`) is not
part of its diagnosis; a leading `bệnh` is looked past. Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code, get_index


def top(q):
    cands = code(q, k=5)
    return cands[0].code if cands else ""


@pytest.mark.parametrize("mention,expected", [
    ("viêm a mi đan mạn tính", "J35"),
    ("zô na vùng ngực phải", "B02"),
    ("gãy thân hai xương cẳng tay phải sau tai nạn giao thông", "S52"),
    ("gãy cổ xương đùi trái do té ở nhà tắm", "S72"),
    ("mẹ bị bệnh tăng đường huyết", "R73"),
])
def test_spoken_loanwords_causes_and_a_leading_disease_word(vi_cache, mention, expected):
    assert top(mention)[:3] == expected


def test_short_words_that_the_index_writes_apart_stay_apart(vi_cache):
    # `ba lá` (tricuspid) is a pair of the index's own terms: never glued
    assert get_index("icd10")._respell("hở van ba lá nặng") is None
