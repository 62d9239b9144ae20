"""Readings a test's value comes with: an earlier value in brackets, a series by clock time, level words."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def results(text):
    return [s.text for s in extract(text) if s.label == "RESULT"]


@pytest.mark.parametrize("text,expected", [
    ("Thang điểm: PHQ-9 11 (lần 1: 19); AUDIT 24 điểm.", ["11", "19", "24 điểm"]),
    ("CRP 41 mg/l (N1: 96). HbA1c 10,3%.", ["41 mg/l", "96", "10,3%"]),
    ("AST 48 U/L, ALT 61 U/L (vào viện 112).", ["48 U/L", "61 U/L", "112"]),
    ("VAS 4/10 (buổi 1: 8/10). Ngủ được.", ["4/10", "8/10"]),
    ("Tải lượng HIV (10/2026): 1.250 copies/ml (04/2026: KPH).", ["1.250 copies/ml", "KPH"]),
])
def test_earlier_reading_in_brackets_is_a_result(text, expected):
    assert results(text) == expected


@pytest.mark.parametrize("text", [
    "EFW 1.250 g (P45), AFI 14 cm.",      # a percentile
    "NS1 âm tính (ngày 5), IgM Dengue dương tính.",   # a day of illness
])
def test_days_and_percentiles_in_brackets_are_no_reading(text):
    assert not {"45", "P45", "5"} & set(results(text))


def test_series_of_readings_by_clock_time():
    text = "- ĐMMM (mmol/l): 6h 14,2, 11h 16,8, 17h 15,1.\n- ĐH 11h 10,1. Duy trì KH."
    assert results(text) == ["14,2", "16,8", "15,1", "10,1"]
    assert "ĐH" in [s.text for s in extract(text) if s.label == "TEST"]


def test_abbreviated_blood_sugar_needs_a_value():
    assert extract("Tốt nghiệp ĐH năm 2010, làm giáo viên.") == []


@pytest.mark.parametrize("text,test,level", [
    ("Ghi chú: tiểu cầu thấp + APRI 3.5, phù hợp xơ gan.", "tiểu cầu", "thấp"),
    ("AFP tăng: nghi K gan, đề nghị siêu âm gan.", "AFP", "tăng"),
    ("=> 10h HA kẹt, Hct tăng: đã báo BS.", "Hct", "tăng"),
])
def test_level_word_after_a_test_is_its_result(text, test, level):
    spans = [(s.label, s.text) for s in extract(text)]
    assert ("TEST", test) in spans and ("RESULT", level) in spans


@pytest.mark.parametrize("text", [
    "- thở oxy kính mũi, mục tiêu 88-92%",
    "Cai rượu, giảm cân 5-7%. Siêu âm gan mỗi 6 tháng.",
    "- GeneXpert đờm: đang chờ.",
])
def test_goals_and_awaited_tests_are_no_result(text):
    assert results(text) == []


def test_measured_values_stay_results():
    assert results("SpO2 92%, HA 140/90 mmHg, Glucose 7,8 mmol/L.") == ["92%", "140/90 mmHg", "7,8 mmol/L"]


def test_a_level_word_does_not_make_a_lower_case_word_a_test():
    # `neu giam` is `nếu giảm` (if it falls), no neutrophil count
    assert not [s for s in extract("uong 1 vien x 2 lan/ngay nha, neu giam oxy mau thi di kham ngay") if s.label == "TEST"]


def test_threshold_after_a_condition_is_no_result():
    assert results("Diazepam 10mg TMC, lặp lại mỗi 1 giờ nếu CIWA > 15.") == []
    assert results("CIWA 18 điểm, SpO2 93%.") == ["18 điểm", "93%"]


def test_a_name_that_is_a_drug_and_a_test_is_the_test_before_a_reading():
    # a unit no dose is written in (g/L) or a decimal number alone is a reading; a concentration or a volume a drug
    got = [(s.text, s.label) for s in extract("Sinh hóa: Albumin 28 g/L, glucose 7,8, Bilirubin TP 46 µmol/L.")]
    assert ("Albumin", "TEST") in got and ("28 g/L", "RESULT") in got
    assert ("glucose", "TEST") in got and ("7,8", "RESULT") in got
    got = [(s.text, s.label) for s in extract("Truyền Glucose 10% 500 ml, bù Albumin 20% 100 ml.")]
    assert ("Glucose 10%", "DRUG") in got


def test_a_sign_that_is_counted_is_a_test():
    got = [(s.text, s.label) for s in extract("CTC mở 4 cm, ối còn. Cơn co tử cung 3 cơn/10 phút, tim thai 140 l/p.")]
    assert ("Cơn co tử cung", "TEST") in got and ("3 cơn/10 phút", "RESULT") in got
    got = [(s.text, s.label) for s in extract("Sản phụ đau bụng từng cơn, có cơn co tử cung.")]
    assert ("cơn co tử cung", "SYMPTOM") in got


@pytest.mark.parametrize("text, expected", [
    ("Sinh hiệu: M 98 l/p, HA 110/70 mmHg, T 38,6°C, SpO2 96%.", [("T", "TEST"), ("38,6°C", "RESULT")]),
    ("Exam: T 37.9 độ, RR 22", [("T", "TEST"), ("37.9 độ", "RESULT")]),
])
def test_t_before_degrees_is_the_temperature(text, expected):
    got = [(s.text, s.label) for s in extract(text)]
    for item in expected:
        assert item in got


@pytest.mark.parametrize("text", ["Thận T kích thước 10 cm, gối T sưng.", "Lasègue T 60°, P 80°."])
def test_t_elsewhere_is_the_left_side(text):
    assert not [s for s in extract(text) if s.text == "T"]


@pytest.mark.parametrize("text", [
    "Thở máy, nằm sấp nếu P/F < 150.",
    "Tăng Sertralin 75 mg nếu PHQ-9 không giảm ≥ 50% sau 6 tuần.",
])
def test_a_threshold_after_neu_is_no_result(text):
    assert results(text) == []


def test_a_measured_value_below_a_limit_stays_a_result():
    assert results("CD4 < 50 TB/mm3, tải lượng virus 120.000 bản sao/ml.")[0] == "< 50 TB/mm3"
