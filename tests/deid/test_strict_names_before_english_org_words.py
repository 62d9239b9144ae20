"""The strict profile and an organisation named in English after its own name ('PHUC AN PHARMACY', 'Daehan
Global Assist', 'Hoa Sen Dental Clinic'): from the first given name, surname or word in no list to the English
organisation word, the run goes. A run of English words only ('General Hospital', 'Family Medicine Clinic') and a
known word before the name ('Dear') stay, and Vietnamese capitals are no English word ('Y HỌC CỔ TRUYỀN')."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_removed as covered, strict_touched as touched


@pytest.mark.parametrize("text, org", [
    ("Hóa đơn: PHUC AN PHARMACY – chi nhánh 3", "PHUC AN PHARMACY"),
    ("Dear Daehan Global Assist team, please find the report attached.", "Daehan Global Assist"),
])
def test_strict_removes_a_name_before_an_english_org_word(text, org):
    assert covered(text, org)


@pytest.mark.parametrize("text, kept", [
    ("Dear Daehan Global Assist team, please find the report attached.", "Dear"),
    ("Referred to the Family Medicine Clinic for follow-up.", "Family Medicine Clinic"),
    ("PHIẾU KHÁM Y HỌC CỔ TRUYỀN", "HỌC CỔ TRUYỀN"),
])
def test_strict_keeps_english_words_and_vietnamese_capitals(text, kept):
    assert not touched(text, kept)
