"""A lab sheet read by OCR: each row is a test, its value, a high / low flag, the reference range and the unit in
columns. The value is the RESULT even when OCR read its digits as letters (`l2,1`, `1O,4`, `43O`), after a flag
with one space (`8,7 H`) or after the test's other name in brackets (`AST (G0T)   2l`); the range never is."""
from __future__ import annotations

from vimednlp.clinical import extract

SHEET = ("PHIẾU KẾT QUẢ XÉT NGHIỆM HÓA SINH MÁU\n"
         "Tên xét nghiệm   Kết quả   Trị số BT   Đơn vị\n"
         "Glucose   1O,2 H   3,9 - 6,4   mmol/L\n"
         "Ure   l3,4 H   2,5 - 7,5   mmol/L\n"
         "Creatinin   17l H   62 - 12O   umol/L\n"
         "HbA1c   9,1 H   4,O - 6,O   %\n"
         "Acid uric   46O H   2O2 - 416   umol/L\n"
         "AST (GOT)   3l   < 37   U/L\n")


def results():
    return [s.text for s in extract(SHEET) if s.label == "RESULT"]


def test_ocr_misread_values_in_cells_are_results():
    r = results()
    for v in ("1O,2", "l3,4", "17l", "46O", "3l"):
        assert v in r


def test_value_before_a_one_space_flag_is_the_result_not_the_range():
    r = results()
    assert "9,1" in r
    assert not any("6,O" in x or "7,5" in x or "416" in x for x in r)


def test_letters_with_no_digit_stay_text():
    # `O2` (oxygen) and a word in a row are no values
    spans = extract("Thở O2   2 lít/phút   qua gọng mũi\n")
    assert not any(s.label == "RESULT" and "O2" in s.text for s in spans)


def test_reference_range_in_a_row_is_no_dose():
    text = ("Tên xét nghiệm   Kết quả   Trị số BT   Đơn vị\n"
            "eGFR (CKD-EPI)   38   > 90   mL/ph/1,73m2\n"
            "Creatinin   161 H   62 - 120   umol/L\n")
    spans = extract(text)
    assert not any(s.label == "DOSAGE" for s in spans)
    assert "38" in [s.text for s in spans if s.label == "RESULT"]


def test_a_prescription_row_keeps_its_dose():
    spans = extract("1. Amlodipin   5mg   1 viên uống sáng   30 viên\n")
    assert any(s.label == "DOSAGE" and "5mg" in s.text for s in spans)
