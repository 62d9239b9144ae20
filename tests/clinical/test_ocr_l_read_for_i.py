"""OCR reads an `i` as `l` (`Slêu âm tim`, `1 vlên tốl`, `khl nằm`, `Blsoprolol`, `Creatlnln`). Vietnamese writes `l`
only at a syllable's start before a vowel, so a word with an `l` elsewhere that is neither a syllable nor a lexicon
word is read back when an `l` read as `i` makes it one; units (`ml`, `mmol`) and real names (`NaCl`, `Paracetamol`)
stay."""
from __future__ import annotations

from vimednlp.clinical import extract


def pairs(text):
    return [(s.label, s.text) for s in extract(text)]


def test_ocr_l_in_test_drug_and_words():
    got = pairs("Khó thở khl nằm. Slêu âm tim: EF 32%.\nThuốc ra viện:\n 1. Blsoprolol 2,5mg 1 vlên tốl\n")
    assert ("TEST", "Slêu âm tim") in got
    assert ("DRUG", "Blsoprolol") in got
    assert not any(label == "RESULT" and text == "1" for label, text in got)


def test_units_and_real_names_stay():
    got = pairs("Ringer lactat 20 ml/kg/giờ trong 1 giờ; NaCl 0,9% 500 ml; Paracetamol 500mg.")
    assert ("DOSAGE", "20 ml/kg/giờ") in got or any(label == "DOSAGE" and "20 ml/kg/giờ" in text for label, text in got)
    assert ("DRUG", "Paracetamol") in got
