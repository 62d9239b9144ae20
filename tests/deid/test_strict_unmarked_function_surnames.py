"""The strict profile in text typed without marks: a surname whose letters also spell a function word ('dang' is
'đang') before a given-name syllable is that word, not a name ('ba dang loc mau', 'ba dang ho'), while a name with
a middle syllable ('thi hoa' of 'dang thi hoa') and a surname that is no function word ('hoang minh') still go."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered, strict_touched as touched

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, words", [
    ("me em dang loc mau o benh vien, tuan 3 lan", {"dang", "loc"}),
    ("ba dang ho nhieu lam, dem qua sot 38 do", {"dang", "ho"}),
])
def test_strict_keeps_function_words_typed_without_marks(text, words):
    assert not removed_words(text) & words


@pytest.mark.parametrize("text, words", [
    ("hom qua dang thi hoa goi cho em hoi thuoc", {"thi", "hoa"}),
    ("co gi nhan cho hoang minh so moi nha", {"hoang", "minh"}),
])
def test_strict_still_removes_names_typed_without_marks(text, words):
    assert words <= removed_words(text)


def test_strict_reads_a_surname_with_its_marks_in_a_text_mostly_without_them():
    # (a text in English: 'đặng' written with its marks is the surname, not 'đang'; 'đầu' is no 'Đậu', 'là' no 'La')
    text = ("he was seen in clinic today and the plan was discussed with the family.\n"
            "clinician: bs. đặng hải yến (psychiatrist). he reports poor sleep, mất ngủ đầu giấc, for three months.")
    assert covered(text, "đặng hải yến")
    assert not touched(text, "đầu giấc")
