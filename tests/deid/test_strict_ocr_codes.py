"""The strict profile on OCR'd codes and dates: OCR writes 1 as 'l' and 0 as 'O', and the clinical allow patterns
then read 'l' as a litre ('345l/XN', '26L-550.5l', '0 0 9 l 3'); a joined code or a run typed one by one is no
measurement. A day past the 12th and a month is a date however it is read ('2l/1O', '21/10'). Money with OCR'd
zeros, fractions, scores and blood pressures stay."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched
from vimednlp.deid.strict import strict_spans


@pytest.mark.parametrize("text, part", [
    ("SỞ Y TẾ ĐẮK LẮK\nSố: 345l/XN\nGIẤY CHUYỂN TUYẾN KHÁM BỆNH", "345l/XN"),
    ("Phương tiện vận chuyển: xe cấp cứu 26L-550.5l", "26L-550.5l"),
    ("mẹ nằm trạm 2l/1O - 23/1O, băng huyết nhẹ", "2l/1O"),
    ("bé nằm viện từ 21/10, hết sốt", "21/10"),
])
def test_strict_removes_ocr_codes_and_dates(text, part):
    assert covered(text, part)


@pytest.mark.parametrize("text, part", [
    ("Tổng cộng: 6.2OO.OOO đồng, đã thu 2.O64.OOO", "6.2OO.OOO"),
    ("cắt 1/3 giữa xương đùi, uống l/2 viên", "l/2"),
    ("VAS 7/10, HA 90/60, Apgar 8/9, trực 24/24", "7/10"),
    ("truyền dịch 1,5 l/ngày, HA 120/80 mmHg", "1,5 l"),
])
def test_strict_keeps_money_fractions_and_scores(text, part):
    assert not touched(text, part)


@pytest.mark.parametrize("text, part", [
    ("Ceftriaxon 1g/100ml truyền TM, Vancomycin 500mg/100ml", "500mg/100ml"),
    ("CRRT CVVHDF từ 21h, thay thế 2000 ml/h, rút 100 ml/h", "2000 ml/h"),
])
def test_strict_keeps_doses_and_rates_joined_by_a_slash(text, part):
    assert not touched(text, part)


def test_strict_an_icd_shape_joined_to_a_number_is_an_address_lane():
    from vimednlp.schema import Span
    text = "Địa chỉ | K45/12 Hoàng Diệu, P. Hải Châu"
    loc = "12 Hoàng Diệu, P. Hải Châu"
    found = [Span(text.index(loc), text.index(loc) + len(loc), "LOCATION", loc)]
    i = text.index("K45")
    assert any(s.start <= i < s.end for s in strict_spans(text, found))
    assert not touched("Chẩn đoán: I10/E11, K35.8", "I10/E11")
