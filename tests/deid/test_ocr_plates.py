"""An OCR'd licence plate whose number holds a misread digit ('88B-01l.52', '24B-OO2.71': l for 1, O for 0) is read
as the plate (the province and series count toward the number's length); a code with two letters first after no
plate series, or a short value, stays as written."""
from __future__ import annotations

from vimednlp.text.canonical import canonical_view

from tests.deid.helpers import texts


def test_ocr_plate_reads_as_digits():
    assert canonical_view("Xe cứu thương: 29B-l0O.47 / kíp 2").text == "Xe cứu thương: 29B-100.47 / kíp 2"
    assert canonical_view("chuyển bằng xe 36A-OO5.18. Đến nơi").text == "chuyển bằng xe 36A-005.18. Đến nơi"


def test_ocr_plate_is_an_identifier(rules):
    assert any("29B-l0O.47" in t for t in texts(rules, "Xe cứu thương: 29B-l0O.47 / kíp 2", "ID"))


def test_short_values_and_codes_stay():
    for t in ("SpO2 98%, mã IO4405", "Phòng 2B-lO1", "liều 1O.5 mg"):
        assert canonical_view(t).text == t
