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


def test_plate_with_every_group_misread_after_its_cue(rules):
    # ('ll' for the province 11, 'O' and 'l' in the number): read after 'biển' / 'BKS', never without the cue
    assert canonical_view("Xe biển llC-O52.3l hết dầu").text == "Xe biển 11C-052.31 hết dầu"
    assert any("llC-O52.3l" in t for t in texts(rules, "Xe biển llC-O52.3l hết dầu ở dốc", "ID"))
    assert canonical_view("mã lô llC-O52.3l trong kho").text == "mã lô llC-O52.3l trong kho"
