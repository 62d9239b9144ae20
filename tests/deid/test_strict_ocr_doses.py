"""The strict profile on doses that OCR wrote with O for 0 ('5OOmg', read as '5' and 'OOmg', '1OOmg'): a
measurement, kept; a long code that ends in letters is no dose."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("giảm đau Paracetamol 5OOmg x 3 lần/ngày sau ăn", "OOmg"),
    ("Amoxicillin 5OOmg (vỉ 1O viên), uống 2 lần", "OOmg"),
    ("sốt cao, cho paracetamol 1OOmg đặt hậu môn", "1OOmg"),
])
def test_strict_keeps_a_dose_misread_by_ocr(text, part):
    assert not touched(text, part)


def test_strict_a_long_code_with_letters_is_no_dose():
    assert covered("Mã lưu trữ 2O24O1l8Omg ghi trên bìa", "2O24O1l8Omg")
