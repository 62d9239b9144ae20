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


@pytest.mark.parametrize("text,expected", [
    ("Lý do vào: thiếu sữa, mệt. Khám: vỡ ối lúc 2h sáng, nước ối xanh đặc.", ["thiếu sữa", "mệt", "vỡ ối", "nước ối xanh đặc"]),
    ("Dặn: nếu phồng rộp da, bọng nước hoặc loét miệng thì ngừng thuốc.", ["phồng rộp da", "bọng nước", "loét miệng"]),
    ("BN than ngáp nhiều, chảy nước mũi, vã mồ hôi về đêm.", ["ngáp nhiều", "chảy nước mũi", "vã mồ hôi"]),
    ("Sản phụ khóc nhiều, tự trách bản thân, thức trắng đêm, không cho con bú.",
     ["tự trách bản thân", "thức trắng đêm", "không cho con bú"]),
    ("Exam: no hepatosplenomegaly. Start antibiotics if poor feeding or apnea.",
     ["hepatosplenomegaly", "poor feeding", "apnea"]),
])
def test_postpartum_neonatal_and_withdrawal_signs(text, expected):
    assert [t for t in spans(text, "SYMPTOM") if t in expected] == expected


@pytest.mark.parametrize("text,expected", [
    ("Thăm âm đạo: CTC mở 3cm, ối còn.", ["Thăm âm đạo"]),
    ("Labs: TSB 15.2 mg/dL; blood group O+; DAT negative.", ["TSB", "blood group", "DAT"]),
    ("Thang điểm: EPDS 16/30; COWS 11 điểm.", ["EPDS", "COWS"]),
])
def test_ward_examinations_and_scales(text, expected):
    assert [t for t in spans(text, "TEST") if t in expected] == expected


def test_traditional_postpartum_diagnosis_and_lactation_herbs():
    text = "CĐ YHCT: khí huyết lưỡng hư / khuyết nhũ. Bài: Thông nhũ đan: Mạch môn 12g, Thông thảo 6g, Vương bất lưu hành 10g."
    assert spans(text, "DISEASE") == ["khí huyết lưỡng hư", "khuyết nhũ"]
    assert spans(text, "DRUG") == ["Thông nhũ đan", "Mạch môn", "Thông thảo", "Vương bất lưu hành"]


def test_manual_removal_of_the_placenta_in_a_midwife_message():
    assert spans("dạ chị ơi em bóc rau được rồi, máu đỡ nhiều", "PROCEDURE") == ["bóc rau"]
