"""The canonical view reads OCR'd letters and digits swapped inside words, codes, times and document numbers,
and leaves clinical codes and measures as written."""
from __future__ import annotations

import pytest

from vimednlp.text.canonical import canonical_view


@pytest.mark.parametrize(("ocr", "reads"), [
    ("Nghề nghiệp: giá0 viên mầm n0n", "Nghề nghiệp: giáo viên mầm non"),
    ("BSCKl Bế Ích Ph0ng", "BSCKl Bế Ích Phong"),
    ("3. N0NG THỊ MỈN - cháu", "3. NONG THỊ MỈN - cháu"),
    ("Member name: ANDERS0N, Rebecca", "Member name: ANDERSON, Rebecca"),
    ("PART A - MEMBER DETA1LS", "PART A - MEMBER DETAILS"),
    ("KH0A: N0l TlM MACH", "KHOA: NOI TlM MACH"),
])
def test_zero_and_one_inside_words_read_as_letters(ocr, reads):
    v = canonical_view(ocr)
    assert v.text == reads
    assert len(v.text) == len(ocr) and v.to_original(0, len(v.text)) == (0, len(ocr))


@pytest.mark.parametrize(("ocr", "reads"), [
    ("mã chuyển CT-NH-26-O211.", "mã chuyển CT-NH-26-0211."),
    ("travel policy GJ-77l4-2O9 /", "travel policy GJ-7714-209 /"),
    ("ab0ut 2O:OO near home", "about 20:00 near home"),
    ("Received by: Bao l0:l5 ", "Received by: Bao 10:15 "),
    ("mẹ nằm trạm 2l/1O - 23/1O", "mẹ nằm trạm 21/10 - 23/10"),
    ("theo Quyết định số 9l/QĐ-UBND", "theo Quyết định số 91/QĐ-UBND"),
])
def test_confusables_in_codes_times_and_document_numbers(ocr, reads):
    assert canonical_view(ocr).text == reads


@pytest.mark.parametrize("text", [
    "T1N0M0, SpO2 98%, IL10, HbA1c 7,2%, Vitamin B1, 10mg, 0h30, COVID-19, K01, x10",
    "uống 1/2 viên, huyết áp 12O/8O mmHg, tỉ lệ 3/4",
    "tối đa 25:90 phút, Apgar 8/9, giờ 99:99",
])
def test_clinical_codes_and_measures_stay_as_written(text):
    assert canonical_view(text).text == text
