"""The strict profile keeps the clinical words of reproductive medicine, obstetric and emergency notes
(resources/deid/strict/clinical_terms.txt, safe_codes.txt): embryology abbreviations and hormone codes (ICSI, AMH,
E2, 'Phôi N5'), fertility drug brands (Cetrotide, Gonal-f, Cyclogest) and English injury and sign words of bilingual
handovers (abrasions, sling, retractions); the names beside them still go."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("Chu kỳ ICSI lần 2, AMH 1,8 ng/mL, phác đồ Antagonist với Cetrotide 0,25mg từ ngày 6.", "ICSI"),
    ("Chu kỳ ICSI lần 2, AMH 1,8 ng/mL, phác đồ Antagonist với Cetrotide 0,25mg từ ngày 6.", "AMH"),
    ("Chu kỳ ICSI lần 2, AMH 1,8 ng/mL, phác đồ Antagonist với Cetrotide 0,25mg từ ngày 6.", "Cetrotide"),
    ("Chu kỳ ICSI lần 2, AMH 1,8 ng/mL, phác đồ Antagonist với Cetrotide 0,25mg từ ngày 6.", "Antagonist"),
    ("Ngày tiêm trigger E2 5.200 pg/mL, nguy cơ OHSS nên trữ toàn bộ phôi.", "E2"),
    ("Ngày tiêm trigger E2 5.200 pg/mL, nguy cơ OHSS nên trữ toàn bộ phôi.", "OHSS"),
    ("| Phôi N5: 2 phôi nang, trữ lạnh |", "N5"),
    ("Hỗ trợ hoàng thể Cyclogest 400mg đặt âm đạo, tiền sử PCOS, GDM ở lần mang thai trước.", "Cyclogest"),
    ("Hỗ trợ hoàng thể Cyclogest 400mg đặt âm đạo, tiền sử PCOS, GDM ở lần mang thai trước.", "PCOS"),
    ("Day 8 of my Gonal-f injections, no pain.", "Gonal"),
    ("Findings: multiple abrasions, subcostal retractions, grunting. Treatment: arm sling, tetanus booster.",
     "abrasions"),
    ("Findings: multiple abrasions, subcostal retractions, grunting. Treatment: arm sling, tetanus booster.",
     "retractions"),
    ("Findings: multiple abrasions, subcostal retractions, grunting. Treatment: arm sling, tetanus booster.", "sling"),
    ("Findings: multiple abrasions, subcostal retractions, grunting. Treatment: arm sling, tetanus booster.",
     "booster"),
    ("Conscious, GCS 15, no LOC, D10W 2 ml/kg bolus.", "D10W"),
])
def test_strict_keeps_reproductive_obstetric_and_emergency_terms(text, part):
    assert not touched(text, part)


def test_strict_still_removes_the_name_beside_a_clinical_term():
    text = "Chuyển phôi N5 cho chị Nguyễn Thị Hằng, tiền sử OHSS."
    assert covered(text, "Nguyễn Thị Hằng")


@pytest.mark.parametrize("text, part", [
    ("Tổng đài nhận tin va chạm giữa xe ô tô tải và xe mô tô ở ngã tư.", "tô"),
    ("Người điều khiển xe mô tô là nam, khoảng 30 tuổi.", "tô"),
    ("Tái khám tại khoa Sản sau 2 tuần, phòng VIP 2 đêm.", "Sản"),
    ("Tái khám tại khoa Sản sau 2 tuần, phòng VIP 2 đêm.", "VIP"),
    ("[ghi chú ĐPV: lệnh xe trạm gần nhất]", "ĐPV"),
    ("Soft systolic murmur, wean FiO2, check electrolytes, counselled about hyperstimulation.", "murmur"),
    ("Soft systolic murmur, wean FiO2, check electrolytes, counselled about hyperstimulation.", "hyperstimulation"),
])
def test_strict_keeps_loan_words_departments_and_service_words(text, part):
    assert not touched(text, part)


def test_strict_still_removes_a_surname_after_a_kinship_word():
    assert covered("hôm qua cô Tô Thị Hạnh gọi lại hỏi kết quả", "Tô Thị Hạnh")


@pytest.mark.parametrize("text, part", [
    ("| Thụ tinh (N1): 9 2PN, 1 1PN |", "PN"),
    ("| Phôi N5: 3 phôi nang 4AA, 4AB, 3BB -> trữ lạnh toàn bộ |", "AA"),
    ("| Phôi N5: 3 phôi nang 4AA, 4AB, 3BB -> trữ lạnh toàn bộ |", "BB"),
    ("| Phôi N5: 3 phôi nang 4AA, 4AB, 3BB -> trữ lạnh toàn bộ |", "Phôi"),
    ("Viêm gan C đã điều trị SOF/DAC, khỏi; chỉ định TPT nước tiểu.", "SOF"),
    ("Nhồi máu não do tắc M1 ĐMNG trái.", "ĐMNG"),
    ("Mother GDM on insulin (NPH 12 units at night), ROM 9h, clear liquor.", "NPH"),
])
def test_strict_keeps_embryo_grades_and_split_codes(text, part):
    assert not touched(text, part)


def test_strict_two_capitals_after_a_space_are_no_grade():
    assert covered("Người nhận: 4 AA Nguyễn Văn Tùng", "Nguyễn Văn Tùng")


@pytest.mark.parametrize("text, part", [
    ("US: left hydronephrosis grade 2, ureteric stone 6 mm.", "hydronephrosis"),
    ("Tứ chứng Fallot đã mổ, operated at 2 years.", "Fallot"),
    ("Bệnh nhân đang điều trị ART, phác đồ FDC, có tư vấn PrEP cho vợ.", "PrEP"),
    ("Trẻ suy dinh dưỡng cấp nặng, cho RUTF 2 gói/ngày.", "RUTF"),
    ("Răng 36 (FDI): bơm rửa NaOCl 2,5%.", "NaOCl"),
    ("Kết quả AFB: KPH, HBsAg: KCT.", "KPH"),
])
def test_strict_keeps_more_clinical_abbreviations_and_english(text, part):
    assert not touched(text, part)
