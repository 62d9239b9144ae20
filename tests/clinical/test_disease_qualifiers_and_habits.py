"""What belongs to a DISEASE span and what is no disease: a test's sign after it, smoking, follow-up."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,disease", [
    ("TS: lao phổi AFB(+) (2019) đã đủ 6 tháng, khỏi.", "lao phổi AFB(+)"),
    ("Chẩn đoán: Lao phổi AFB (-), Xpert (+).", "Lao phổi AFB (-)"),
])
def test_test_sign_after_a_disease_belongs_to_it(text, disease):
    spans = labelled(text)
    assert ("DISEASE", disease) in spans
    assert ("TEST", "AFB") not in spans


def test_afb_as_a_test_keeps_its_verdict():
    assert labelled("AFB đờm x2 âm tính.") == [("TEST", "AFB đờm"), ("RESULT", "âm tính")]


@pytest.mark.parametrize("text", [
    "Hút thuốc lá tự quấn từ nhỏ, uống rượu thường xuyên.",
    "TD COPD (hút thuốc lâu năm), đo hô hấp ký sau.",
    "F/U 4 weeks. — Dr. Vy",
])
def test_smoking_and_follow_up_are_no_disease(text):
    assert not [t for lab, t in labelled(text) if lab == "DISEASE" and "COPD" not in t]


def test_nicotine_addiction_is_a_disease():
    assert ("DISEASE", "nghiện thuốc lá") in labelled("Chẩn đoán: nghiện thuốc lá.")
