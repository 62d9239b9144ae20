"""ICD-10 coding (issue 18): bleeding said in a pregnancy (`có bầu ... ra huyết`) is coded in chapter XV by the
stage (O20.9 before 22 weeks, O46.9 after); in a mention that lists a sign and a disease, the disease comes first
(`mắt mờ, đục thủy tinh thể`); lay `gãy tay` / `gãy chân` and a trailing `hôm qua`. Mentions written for these
tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


def top(q):
    cands = code(q, k=5)
    return cands[0].code if cands else ""


@pytest.mark.parametrize("mention,expected", [
    ("vợ em có bầu 2 tháng bị ra huyết", "O20.9"),
    ("thai 12 tuần ra máu âm đạo", "O20.9"),
    ("thai 34 tuần ra huyết", "O46.9"),
])
def test_bleeding_in_pregnancy_is_coded_by_stage(vi_cache, mention, expected):
    assert top(mention) == expected


def test_bleeding_alone_is_no_pregnancy_code(vi_cache):
    assert top("chảy máu") == "R58"


@pytest.mark.parametrize("mention,expected", [
    ("ông nội bị nhìn mờ, glôcôm", "H40"),
    ("mệt mỏi, sụt cân, lao phổi", "A16"),
])
def test_the_disease_comes_before_its_sign(vi_cache, mention, expected):
    assert top(mention)[:3] in (expected, "A15") and not top(mention).startswith("R")


@pytest.mark.parametrize("mention,expected", [("ông tui bị té gãy chân hôm qua", "T12"), ("cháu bị gãy tay", "T10")])
def test_lay_fractures(vi_cache, mention, expected):
    assert top(mention) == expected
