"""A disease written with its antecedent (`sau`) or a sign or drug as its cause (`do`) is one DISEASE span; a disease
after `do` is a diagnosis of its own."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def diseases(text):
    return [s.text for s in extract(text) if s.label == "DISEASE"]


@pytest.mark.parametrize("text,joined", [
    ("Đánh giá: trầm cảm sau đột quỵ, theo dõi nguy cơ tự hại.", "trầm cảm sau đột quỵ"),
    ("Tiền sử băng huyết sau đẻ lần 2 năm 2019.", "băng huyết sau đẻ"),
    ("Chẩn đoán: viêm gan do thuốc lao, tạm ngưng RHZE.", "viêm gan do thuốc lao"),
    ("Bé trai 2 tuổi, tiền sử co giật do sốt lúc 14 tháng.", "co giật do sốt"),
])
def test_disease_with_its_cause_is_one_span(text, joined):
    assert joined in diseases(text)


@pytest.mark.parametrize("text,first,second", [
    ("Chẩn đoán: viêm dạ dày do HP, điều trị diệt HP 14 ngày.", "viêm dạ dày", "HP"),
    ("Đau thần kinh tọa phải do thoát vị đĩa đệm L5-S1.", "Đau thần kinh tọa phải", "thoát vị đĩa đệm"),
])
def test_a_disease_after_do_is_its_own_diagnosis(text, first, second):
    ds = diseases(text)
    assert first in ds and any(d.startswith(second) for d in ds)


def test_no_join_across_a_clause():
    ds = diseases("Tăng huyết áp 10 năm, sau đó đột quỵ năm 2022.")
    assert "Tăng huyết áp" in ds and "đột quỵ" in ds
