"""Obstetric, neonatal, dental and ward vocabulary of a paediatric-obstetric ward: placenta and labour terms with the
stage kept, ward abbreviations (BHSS, truyền KHC), English paediatric diagnoses, dental findings by tooth surface."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def spans(text, label):
    return [s.text for s in extract(text) if s.label == label]


@pytest.mark.parametrize("text,expected", [
    ("CĐ: Con so, thai 37 tuần, chuyển dạ giai đoạn Ia / rau bám mép / nước ối lẫn phân su.",
     ["chuyển dạ giai đoạn Ia", "rau bám mép", "nước ối lẫn phân su"]),
    ("Tiền sử: BHSS lần đẻ thứ hai, phải truyền máu.", ["BHSS"]),
    ("Sản phụ đẻ tại nhà, rau không bong sau 40 phút, ngôi ngược lần trước.", ["rau không bong", "ngôi ngược"]),
    ("Bé có thiếu hụt G6PD, từng tan máu sau ăn đậu tằm; cường lách, quá tải sắt do truyền máu nhiều.",
     ["thiếu hụt G6PD", "tan máu", "cường lách", "quá tải sắt"]),
    ("Assessment: neonatal jaundice; G6PD deficiency suspected.", ["neonatal jaundice", "G6PD deficiency"]),
])
def test_obstetric_and_neonatal_diagnoses(text, expected):
    assert spans(text, "DISEASE") == expected


def test_a_specimen_without_haemolysis_is_no_disease():
    assert spans("Ghi chú khoa xét nghiệm: mẫu không tan máu, kết quả đo lại.", "DISEASE") == []


@pytest.mark.parametrize("text,expected", [
    ("Xử trí: tiếp tục giảm co, lập sẵn đường truyền, xoa đáy tử cung sau sổ rau.",
     ["giảm co", "đường truyền", "xoa đáy tử cung"]),
    ("Hb 68 g/L → truyền KHC 1 đơn vị trong đêm.", ["truyền KHC"]),
    ("Plan: exchange transfusion if TSB rises; iron chelation from age 3; consider splenectomy.",
     ["exchange transfusion", "iron chelation", "splenectomy"]),
])
def test_ward_procedures(text, expected):
    assert spans(text, "PROCEDURE") == expected


def test_dental_caries_by_tooth_surface():
    text = "R36: sâu hố rãnh; R75: sâu vỡ lớn thân răng, lung lay độ 2; R54: sâu ngà."
    assert spans(text, "DISEASE") == ["sâu hố rãnh", "sâu vỡ lớn thân răng", "sâu ngà"]
    assert "trám bít hố rãnh" in spans("Hẹn tuần sau trám bít hố rãnh R16, R26.", "PROCEDURE")


def test_a_drug_class_in_english_advice():
    assert spans("Avoid oxidant drugs: sulfonamides, primaquine.", "DRUG") == ["sulfonamides", "primaquine"]
