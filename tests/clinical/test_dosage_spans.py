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


@pytest.mark.parametrize("text, dose", [
    ("Omeprazol 80mg TMC, sau đó 8mg/h BTĐ 72 giờ.", "80mg TMC, sau đó 8mg/h BTĐ"),
    ("Sertralin 25mg → 50mg uống sáng.", "25mg → 50mg uống sáng"),
    ("Paracetamol 500mg khi sốt, tối đa 4 viên/ngày.", "500mg khi sốt, tối đa 4 viên/ngày"),
])
def test_the_next_step_of_one_dose_is_one_phrase(text, dose):
    assert [s.text for s in extract(text) if s.label == "DOSAGE"] == [dose]


def test_a_comma_before_another_drug_still_separates():
    got = [s.text for s in extract("Amlodipin 5mg sáng, Losartan 50mg tối.") if s.label == "DOSAGE"]
    assert got == ["5mg sáng", "50mg tối"]


@pytest.mark.parametrize("text, dose", [
    ("Sertralin 50 mg mỗi sáng sau ăn.", "50 mg mỗi sáng sau ăn"),
    ("Paracetamol 15 mg/kg/lần (~160 mg) mỗi 6 giờ khi sốt.", "15 mg/kg/lần (~160 mg) mỗi 6 giờ khi sốt"),
])
def test_every_morning_and_an_approximate_dose_stay_in_the_phrase(text, dose):
    assert [s.text for s in extract(text) if s.label == "DOSAGE"] == [dose]
