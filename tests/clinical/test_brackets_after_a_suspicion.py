"""A bracket after a suspected problem holds the evidence seen (`nghi trộn Dexamethason (mặt tròn)`), which is no
doubt; a bracket that glosses the suspected mention in another language (`scrub typhus (sốt mò)`) keeps it and the
list after it in doubt."""
from __future__ import annotations

from vimednlp.clinical import extract


def _attrs(text):
    return {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_a_bracket_after_a_suspicion_holds_evidence_not_doubt():
    a = _attrs("Nghi trộn Dexamethason (mặt tròn, phù nhẹ).\n"
               "Chưa loại trừ nhiễm khuẩn tiết niệu (nước tiểu đục).\n")
    assert not a["mặt tròn"]["uncertain"] and not a["nước tiểu đục"]["uncertain"]
    assert a["nhiễm khuẩn tiết niệu"]["uncertain"]


def test_a_bracket_glossing_a_suspected_disease_keeps_the_list_in_doubt():
    a = _attrs("DDx scrub typhus (sốt mò) vs leptospirosis vs thương hàn.\n"
               "Chẩn đoán phân biệt: viêm phổi (P), lao phổi.\n")
    for term in ("scrub typhus", "sốt mò", "leptospirosis", "thương hàn", "viêm phổi", "lao phổi"):
        assert a[term]["uncertain"], term
