"""A disease named as what a test looks for, and the verdict after a test (guidelines §3 TEST / RESULT)."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,test,verdict", [
    ("Con gái 5t: PCR HIV âm tính.", "PCR HIV", "âm tính"),
    ("Kết quả: test nhanh sốt rét dương tính.", "test nhanh sốt rét", "dương tính"),
    ("Test nhanh cúm A âm tính.", "Test nhanh cúm A", "âm tính"),
    ("HIV test nhanh âm tính x 2 lần.", "HIV test nhanh", "âm tính"),
    ("con gái 8t XN HIV âm tính.", "XN HIV", "âm tính"),
])
def test_disease_after_a_test_word_is_the_test_and_the_verdict_its_result(text, test, verdict):
    spans = labelled(text)
    assert ("TEST", test) in spans and ("RESULT", verdict) in spans
    assert not [t for lab, t in spans if lab == "DISEASE"]


def test_a_relatives_status_stays_a_disease():
    (s,) = [s for s in extract("Vợ: HIV (+), đang điều trị ARV.") if s.label == "DISEASE"]
    assert s.text == "HIV" and s.attrs["family"]


@pytest.mark.parametrize("text,verdict", [
    ("- KSTSR (lam máu giọt đặc): âm tính", "âm tính"),
    ("Protein niệu (que thử): âm tính. Sẹo mổ cũ không đau.", "âm tính"),
    ("AFB đờm x2 âm tính, không nghĩ lao tái phát.", "âm tính"),
    ("| HIV Ab | Âm tính | | Âm tính |", "Âm tính"),
])
def test_verdict_after_a_specimen_a_method_in_brackets_or_a_column_bar(text, verdict):
    assert ("RESULT", verdict) in labelled(text)


@pytest.mark.parametrize("text, expected", [
    ("Đã nội soi dạ dày năm ngoái, HP âm tính.", [("HP", "TEST"), ("âm tính", "RESULT")]),
    ("Nội soi: viêm hang vị; HP dương tính.", [("HP", "TEST"), ("dương tính", "RESULT")]),
    ("Chẩn đoán: Viêm dạ dày do HP.", [("HP", "DISEASE")]),
])
def test_hp_with_a_verdict_is_the_test_alone_the_infection(text, expected):
    got = [(s.text, s.label) for s in extract(text)]
    for item in expected:
        assert item in got
