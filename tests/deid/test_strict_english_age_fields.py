"""The strict profile on an age after an English age field that opens its line or cell ('Age: 3 days', 'Age at
admission: 2 hours'): the number and unit go; a gestational or bone age is clinical and stays."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("DOB: Dec 1, 2026   Age at admission: 6 hours / Mother: G3P2", "6 hours"),
    ("Patient: newborn boy\nAge: 3 days, weight 3.1 kg", "3 days"),
    ("| Sex: F | Age on arrival: 14 mo |", "14 mo"),
])
def test_strict_removes_the_age_after_an_english_age_field(text, part):
    assert covered(text, part)


@pytest.mark.parametrize("text, part", [
    ("Dating scan: gestational age: 38 weeks, cephalic.", "38 weeks"),
    ("X-ray: bone age: 7 y, delayed.", "7 y"),
    ("Gestational age: 36 weeks by LMP", "Gestational"),
])
def test_strict_keeps_gestational_and_bone_ages(text, part):
    assert not touched(text, part)
