"""HIV and TB regimens written as codes: ARV abbreviations and the letters of TB drugs."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def drugs(text):
    return [s.text for s in extract(text) if s.label == "DRUG"]


@pytest.mark.parametrize("text,expected", [
    ("Phác đồ ARV:\n  2017-2019   TDF/3TC/EFV\n  08/2019 →   TLD 1 viên uống tối", ["ARV", "TDF/3TC/EFV", "TLD"]),
    ("Tấn công: RHZE (150/75/400/275) 4 viên/ngày uống lúc đói x 2 tháng", ["RHZE"]),
    ("1. Start 2HRZE 4 FDC tabs daily today.", ["2HRZE"]),
    ("lao: 2RHZE/4RH (4 viên FDC/ngày); Cotrimoxazol 960mg/ngày.", ["2RHZE", "Cotrimoxazol"]),
])
def test_regimen_codes_are_drugs(text, expected):
    assert drugs(text) == expected


def test_a_regimen_named_after_phac_do_is_the_plan_not_a_drug():
    assert drugs("Điều trị: phác đồ 2RHZE/4RH: Turbezid 4 viên/ngày uống lúc đói.") == ["Turbezid"]


def test_rhesus_and_heart_rate_are_no_regimen():
    assert drugs("Nhóm máu O RH+. HR 104, RR 24.") == []


@pytest.mark.parametrize("text,expected", [
    ("Thuốc nền: TDF/3TC/DTG từ 2020; CTX 960mg 1 viên/ngày; B6 25mg/ngày khi dùng INH.", ["TDF/3TC/DTG", "CTX", "B6", "INH"]),
    ("Tiền sử viêm gan C năm 2023, đã điều trị SOF/VEL 12 tuần, khỏi; lần trước dùng SOF/DCV.", ["SOF/VEL", "SOF/DCV"]),
    ("Vợ con tiếp xúc, XQ phổi bình thường → điều trị dự phòng lao bằng 3HP 12 liều.", ["3HP"]),
])
def test_guideline_regimen_abbreviations_are_drugs(text, expected):
    assert drugs(text) == expected


def test_tb_preventive_therapy_is_a_procedure_not_the_disease():
    spans = [(s.label, s.text) for s in extract("Con 4 tuổi chưa ho, cho dự phòng lao (3HP) theo hướng dẫn.")]
    assert ("PROCEDURE", "dự phòng lao") in spans and ("DRUG", "3HP") in spans
    assert not any(label == "DISEASE" for label, _ in spans)
