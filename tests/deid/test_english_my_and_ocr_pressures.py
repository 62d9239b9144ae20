"""Two look-alikes of places: the English 'My' before an English word ('My father says', 'My address is') is no 'Mỹ'
written without its marks; a number with one letter glued to it and nothing after ('15O/9O mmHg', an OCR'd blood
pressure) is no house number before a street. 'Mỹ' as a place in Vietnamese ('ở My (bang Texas)') and a house number
before its street ('26B/1 Điện Biên Phủ') stay places."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_english_my_before_english_word(rules):
    text = "Hi chi Hoa, this is Tom, Le Van Binh's son. My father says he is tired. My address is below."
    assert "My" not in texts(rules, text, "LOCATION")


def test_my_as_a_place_stays(rules):
    assert "My" in texts(rules, "Con trai đang ở My (bang Texas), gửi tiền về hằng tháng", "LOCATION")


def test_ocr_pressure_is_no_house_number(rules):
    text = "Ca lọc 2: HA trước: 15O/9O mmHg, HA sau: 13O/8O, cân nặng 58 kg. Thứ 5 HA tụt 8O/5O -> giảm UF"
    assert texts(rules, text, "LOCATION") == []


def test_house_number_with_letter_before_street_stays(rules):
    locs = " ".join(texts(rules, "Địa chỉ: 26B/1 Điện Biên Phủ, phường 15, Bình Thạnh", "LOCATION"))
    assert "Điện Biên Phủ" in locs
