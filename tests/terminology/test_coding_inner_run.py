"""ICD-10 coding (issue 18): when no leading run of words names anything, the longest run of two or more words
anywhere in the mention that is a title or synonym is the diagnosis (a lay sentence that opens with who is
speaking and ends with how long: `bà nội tui đi tiểu ra máu hai hôm nay`). Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


@pytest.mark.parametrize("mention,expected", [
    ("bà nội tui đi tiểu ra máu hai hôm nay", "R31"),
    ("thằng út nhà tui nổi mẩn khắp lưng từ chiều", "R21"),
    ("má tui dạo này ho ra máu chút chút", "R04"),
    ("chị hàng xóm vỡ ối sớm lúc 36 tuần", "O42"),
])
def test_a_diagnosis_inside_a_lay_sentence_is_found(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code[:3] == expected and c.reason == "head"


def test_a_leading_run_still_wins_over_an_inner_one(vi_cache):
    # `thai lưu` leads the mention: the back-off takes it, not a later run
    c = top("Thai lưu 9 tuần, vỡ ối sớm")
    assert c is not None and c.code[:3] in {"O02", "O36"}


@pytest.mark.parametrize("mention", ["cảm ơn bác sĩ nhiều nha", "hẹn tái khám tuần sau"])
def test_a_sentence_with_no_diagnosis_inside_still_abstains(vi_cache, mention):
    assert code(mention) == []
