"""An abbreviation glued to a code or a unit is part of it, not a disease (`eGFR (CKD-EPI)`, `37 U/L`); two problems
written with a dash or a slash between them (`THA-ĐTĐ`, `THA/ĐTĐ`) stay two mentions."""
from __future__ import annotations

from vimednlp.clinical import extract


def diseases(text):
    return [s.text for s in extract(text) if s.label == "DISEASE"]


def test_equation_name_and_unit_are_no_disease():
    text = "eGFR (CKD-EPI)   38   > 90   mL/ph/1,73m2\nAST (GOT)   21   < 37   U/L\n"
    assert diseases(text) == []


def test_two_problems_joined_by_dash_or_slash_stay():
    assert diseases("CĐ: THA-ĐTĐ typ 2.") == ["THA", "ĐTĐ typ 2"]
    assert diseases("Tiền sử: THA/ĐTĐ, CKD.") == ["THA", "ĐTĐ", "CKD"]


def test_viral_load_of_a_disease_is_a_test_with_its_value():
    spans = [(s.label, s.text) for s in extract(" - TLVR HIV <50 bản sao/mL\n - CD4: 412 TB/mm3\n")]
    assert ("TEST", "TLVR HIV") in spans
    assert not any(label == "DISEASE" for label, _ in spans)
    assert any(label == "RESULT" and text.startswith("<50") for label, text in spans)
