"""ICD-10 coding (issue 18, round 9): discharge-note shorthand for organs, hernias and chronic heart failure
(OMC, TVB, TVR, STMT) is expanded, and a grade or stage written without marks (`gd IV`, `do III`) or followed by a
bare NYHA is a qualifier, so the mention keeps its core and its stage. Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


@pytest.mark.parametrize("mention,expected", [
    ("sỏi OMC đoạn thấp", "K80"), ("Soi OMC", "K80"),
    ("TVB trái", "K40"), ("TVB (T) tái phát", "K40"), ("TVR ở trẻ nhỏ", "K42"),
    ("STMT do III NYHA", "I50"), ("STMT", "I50"),
])
def test_shorthand_is_expanded(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code[:3] == expected


def test_a_stage_written_without_marks_is_read_as_the_stage(vi_cache):
    c = top("suy than man gd 3")
    assert c is not None and c.code == "N18.3"
    c = top("BTM gd IV")
    assert c is not None and c.code[:3] == "N18"


def test_do_before_a_cause_is_not_a_grade(vi_cache):
    # `do` without marks is also `due to`: only a Roman numeral after it is a grade
    c = top("viem phoi do phe cau")
    assert c is not None and c.code == "J13"
