"""DOSAGE spans: a dose, a strength, a frequency; a route word alone is no dosage (guidelines §3)."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def dosages(text):
    return [s.text for s in extract(text) if s.label == "DOSAGE"]


@pytest.mark.parametrize("text", [
    "Cái viên Furosemid đó, tui uống vô tiểu nhiều quá.",
    "Còn Bisoprolol với Enalapril thì bà uống đều.",
    "Amlodipin 5mg một viên sáng nhưng uống không đều.",
])
def test_a_route_word_alone_is_no_dosage(text):
    assert dosages(text) == [d for d in dosages(text) if any(ch.isdigit() for ch in d)]
    assert "uống" not in dosages(text)


def test_a_route_with_a_dose_stays_in_the_dosage():
    assert dosages("Furosemid 40mg uống sáng.") == ["40mg uống sáng"]
