"""A fall is a sign of the patient; calcium named alone is the supplement before a dose and the test before a
reading; benzodiazepines named as a class are a DRUG."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,fall", [
    ("Cụ bà Lý Thị Sen 91t vào vì té ngã trong phòng tắm, đau háng trái.", "té ngã"),
    ("Hai tuần nay ngã đập đầu một lần, không mất ý thức.", "ngã đập đầu"),
])
def test_a_fall_is_a_symptom(text, fall):
    spans = labelled(text)
    assert ("SYMPTOM", fall) in spans
    assert not [t for lab, t in spans if lab == "DISEASE" and "ngã" in t]


def test_circumstances_of_a_fall_are_no_disease():
    assert not [t for lab, t in labelled("Gãy xương đòn trái do ngã xe máy năm 2020.") if lab == "DISEASE" and "xe" in t]


def test_calcium_before_a_dose_is_the_supplement():
    spans = labelled("Thuốc: Alendronat 70mg/tuần, Calci 1g/ngày, Vitamin D3 800UI/ngày.")
    assert ("DRUG", "Calci") in spans and ("DOSAGE", "1g/ngày") in spans


def test_calcium_before_a_reading_is_the_test():
    spans = labelled("Sinh hóa: Calci 1,95 mmol/L, Albumin 30 g/L.")
    assert ("TEST", "Calci") in spans and ("DRUG", "Calci") not in spans


def test_benzodiazepine_class_abbreviation_is_a_drug():
    assert ("DRUG", "BZD") in labelled("Người cao tuổi sảng: tránh BZD, ưu tiên không dùng thuốc.")
