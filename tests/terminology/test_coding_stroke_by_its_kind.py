"""ICD-10 coding (issue 18, round 9): I64 is a stroke not specified as haemorrhage or infarction, so a stroke said
with its kind takes the kind's code (TBMMN - nhồi máu não -> I63, đột quỵ xuất huyết não -> I61); an old stroke
stays its sequela (I69), a stroke said alone stays I64. Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


@pytest.mark.parametrize("mention,expected", [
    ("TBMMN - nhồi máu não thùy đỉnh phải", "I63"), ("đột quỵ do nhồi máu não", "I63"),
    ("dot quy thieu mau nao cap", "I63"), ("ischemic stroke, left MCA", "I63"),
    ("tai biến mạch máu não - xuất huyết não bao trong", "I61"),
    ("nhồi máu não cũ, đột quỵ 3 năm trước", "I69"), ("tai biến mạch máu não", "I64"),
])
def test_the_kind_names_the_code(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code[:3] == expected
