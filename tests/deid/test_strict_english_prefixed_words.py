"""The strict profile and English words made from a known word by a prefix ('unvaccinated', 'rescheduled',
'nonsmoker', 'overdosed'): known, in lower case; a capitalised word that starts like one is read as written (a
surname such as 'Reyes' is no prefixed 'yes')."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text", [
    "Note (EN): 3-year-old boy, unvaccinated, rescheduled twice; father a nonsmoker.",
    "She overdosed on her sleeping pills once and was readmitted last winter.",
])
def test_strict_keeps_prefixed_english_words(text):
    assert not removed_words(text) & {"unvaccinated", "rescheduled", "nonsmoker", "overdosed", "readmitted"}


def test_strict_removes_a_surname_that_starts_like_a_prefix():
    assert "Reyes" in removed_words("Seen with interpreter Carmen Reyes at the border clinic.")
