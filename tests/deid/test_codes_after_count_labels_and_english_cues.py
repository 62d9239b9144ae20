"""A code of letters and digits after 'mã' + a count's label ('Mã lượt thăm: HV-2026-0812', 'Mã lượt khám:
KB-25-04417') is an identifier: no count has letters. The same labels before a bare number ('Số lượt: 3', 'Số ngày:
12') stay counts. An English cue with 'is' before the value ('my mother's patient code is TNT00218') names a record
number."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_code_after_visit_label(rules):
    assert "HV-2026-0812" in texts(rules, "PHIẾU THĂM TẠI NHÀ / Mã lượt thăm: HV-2026-0812    Ngày: 12/3", "ID")
    assert "KB-25-04417" in texts(rules, "Mã lượt khám: KB-25-04417 - phòng 3", "ID")


def test_counts_after_the_same_labels_stay(rules):
    for text in ("Số lượt: 3 lần / tháng", "Số ngày: 12", "Mã lượt: 2"):
        assert texts(rules, text, "ID") == []


def test_english_cue_then_is(rules):
    assert "TNT00218" in texts(rules, "ok so mom's patient code is TNT00218 right?", "ID")
    assert "BV-88213" in texts(rules, "The hospital number is BV-88213, please check", "ID")


def test_is_before_an_age_is_no_id(rules):
    assert texts(rules, "the patient is 72 years old, lives alone", "ID") == []
