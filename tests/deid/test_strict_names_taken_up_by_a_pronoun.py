"""The strict profile and a name between a kinship word and a third-person pronoun that takes the person up again
('con út nó làm ở huyện', 'anh tư ổng nói', 'chị thắm bả bán rau'): the name goes, a birth-order name of the South
included; a word that only says which kin ('con gái nó', 'bà nội nó') stays, and so does the slot in text typed
without marks, where 'ba', 'ong', 'em' are kinship words."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, name", [
    ("dạ nhà có ba đứa, con út nó làm kế toán trên tỉnh", "út"),
    ("anh sáu ổng nói tuần sau mới rảnh chở má đi", "sáu"),
    ("chị thắm bả bán rau ngoài chợ nên không ở nhà", "thắm"),
])
def test_strict_removes_a_name_taken_up_by_a_pronoun(text, name):
    assert name in removed_words(text)


@pytest.mark.parametrize("text, word", [
    ("con gái nó đi làm công ty giày", "gái"),
    ("bà nội nó bị tiểu đường lâu rồi", "nội"),
    ("em la con ut ba Hoa, em dang o Dai Loan", "ut"),
])
def test_strict_keeps_kin_words_before_a_pronoun(text, word):
    assert word not in removed_words(text)
