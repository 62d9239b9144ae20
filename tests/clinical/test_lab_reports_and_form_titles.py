"""Lab report layout: a lab name in a table row is a test, block headings and form titles are no mentions."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,test,value", [
    ("SINH HÓA MÁU\nGlucose                11,8   H      3,9 - 6,4       mmol/L", "Glucose", "11,8"),
    ("| Hb | 104 g/L | L |\n| Albumin | 28 g/L | L | 35–52 |", "Albumin", "28 g/L"),
    ("Glucose đói                   6.6 mmol/L    H    3.9–5.6", "Glucose đói", "6.6 mmol/L"),   # fasting is part of the test
])
def test_lab_name_that_is_also_a_drug_is_a_test_in_a_table_row(text, test, value):
    spans = labelled(text)
    assert ("TEST", test) in spans and ("RESULT", value) in spans
    assert not [t for lab, t in spans if lab in ("DRUG", "DOSAGE")]


@pytest.mark.parametrize("text,test", [
    ("Hẹn sáng mai lấy máu làm glucose đói, HbA1c.", "glucose đói"),
    ("Khám: cân nặng 64 kg, vòng eo 92 cm, HA 140/85.", "vòng eo"),
])
def test_a_fasting_glucose_and_a_waist_measure_are_tests(text, test):
    spans = labelled(text)
    assert ("TEST", test) in spans and not [t for lab, t in spans if lab == "DRUG"]


def test_the_same_name_with_a_dose_stays_a_drug():
    assert labelled("Truyền Glucose 5% 500 ml TM.")[0] == ("DRUG", "Glucose 5%")


@pytest.mark.parametrize("text", [
    "HUYẾT HỌC              Kết quả       CSBT\nHb   120 g/L",
    "1. Haematology / Huyết học\n- Hemoglobin 9.6 g/dL",
])
def test_block_heading_of_a_lab_report_is_no_test(text):
    assert [t for lab, t in labelled(text) if lab == "TEST"] in (["Hb"], ["Hemoglobin"])


def test_a_heading_with_a_finding_stays_a_test():
    assert ("TEST", "Xét nghiệm huyết học") in labelled("Xét nghiệm huyết học: bình thường.")


@pytest.mark.parametrize("text", [
    "PHÒNG KHÁM NGOẠI TRÚ HIV - LAO / THẺ THEO DÕI ĐIỀU TRỊ\nMã BN: 12",
    "THẺ THEO DÕI ĐIỀU TRỊ ARV & LAO - PK ngoại trú HIV (OPC) BVĐK tỉnh\nBN nữ 39 tuổi.",
])
def test_long_form_title_names_no_disease(text):
    assert not [t for lab, t in labelled(text) if lab == "DISEASE"]


def test_columns_of_a_measurement_table_under_test_headers():
    text = ("Bảng theo dõi:\nGiờ  | Mạch | HA     | Hct | Nước tiểu\n6h   | 110  | 100/70 | 46% | 150 ml\n"
            "10h  | 118  | 95/75  | 49% | 80 ml")
    spans = labelled(text)
    assert [t for lab, t in spans if lab == "TEST"] == ["Mạch", "HA", "Hct", "Nước tiểu"]
    assert [t for lab, t in spans if lab == "RESULT"] == ["110", "100/70", "46%", "150 ml", "118", "95/75", "49%", "80 ml"]
    assert not [t for lab, t in spans if lab == "DOSAGE"]


def test_a_row_in_capitals_with_bars_or_a_unit_is_no_title():
    assert labelled("| PLT | 68 G/L | LL | 150–400 |") == [("TEST", "PLT"), ("RESULT", "68 G/L")]
    assert labelled("PLT 68 G/L") == [("TEST", "PLT"), ("RESULT", "68 G/L")]


def test_a_block_word_inside_a_sentence_stays_a_test():
    assert ("TEST", "sinh hóa máu") in labelled("Cận lâm sàng: Nhiệt độ 38,1°C; sinh hóa máu.")


def test_findings_on_the_description_lines_of_an_imaging_report_are_results():
    report = ("PHIẾU KẾT QUẢ NỘI SOI ĐẠI TRÀNG\nChỉ định: đi ngoài ra máu\n"
              "Mô tả: Trực tràng trĩ nội độ II. Không thấy polyp.\nKết luận: Trĩ nội độ II.")
    got = [(s.text, s.label) for s in extract(report)]
    assert ("trĩ nội độ II", "RESULT") in got          # seen by the test
    assert ("Trĩ nội độ II", "DISEASE") in got         # the conclusion
    assert ("đi ngoài ra máu", "SYMPTOM") in got       # the indication is no description line


def test_an_examination_in_a_note_is_no_report():
    note = "BỆNH ÁN NỘI KHOA\nKhám: Phổi: ran ẩm đáy phổi P.\nGan: to 2 cm dưới bờ sườn, ấn đau.\nSiêu âm bụng: gan to."
    labels = {s.text: s.label for s in extract(note)}
    assert labels.get("ran ẩm đáy phổi P") == "SYMPTOM" and labels.get("ấn đau") == "SYMPTOM"
