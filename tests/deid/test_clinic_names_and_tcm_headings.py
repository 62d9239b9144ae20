"""Private dental and traditional-medicine clinics are organisations; a traditional-medicine record's 'Pháp điều
trị' heading is no place (sentences written for these tests)."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer


@pytest.fixture(scope="module")
def rules():
    return Analyzer(model=None)


def labelled(an, text, label):
    return [s.text for s in an.analyze(text) if s.label == label]


def test_dental_clinic_names(rules):
    assert labelled(rules, "NHA KHOA HOÀNG GIA\nKhách hàng: Lê Thu Hà   Giới: nữ", "ORGANIZATION") == ["NHA KHOA HOÀNG GIA"]
    assert labelled(rules, "Bé được chuyển sang Nha khoa Minh Châu để nhổ răng.", "ORGANIZATION") == ["Nha khoa Minh Châu"]
    # the specialty in lower case is no organisation
    assert labelled(rules, "Bé cần khám nha khoa định kỳ 6 tháng một lần.", "ORGANIZATION") == []


def test_tcm_heading_is_no_place(rules):
    t = "Chẩn đoán YHCT: Tý chứng.\nPháp điều trị: bổ khí huyết, khu phong.\nPháp trị: thanh nhiệt trừ thấp."
    assert labelled(rules, t, "LOCATION") == []
    assert labelled(rules, "Bệnh nhân sống tại Pháp 10 năm nay.", "LOCATION") == ["Pháp"]
