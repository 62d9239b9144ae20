"""The strict profile and a house number right before its street word ('57C đường 30 Tháng 4', '18/3 hẻm Cây
Điệp', '9 phố Hàng Bè'): part of the address, removed even where an allow pattern read it as a measurement; a
count of lines before 'đường' in a drug order ('x 2 đường TM') and a number before a common word stay."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def places(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, []) if s.label == "LOCATION"]


@pytest.mark.parametrize("text, number", [
    ("Chị đến thẳng 57C đường 30 Tháng 4 gặp quầy thuốc nhé.", "57C"),
    ("Nhà trọ ở 18/3 hẻm Cây Điệp, chủ trọ báo có người sốt.", "18/3"),
    ("Giao thuốc tới 9 phố Hàng Bè trước 10 giờ.", "9"),
])
def test_strict_removes_a_house_number_before_its_street(text, number):
    assert number in places(text)


@pytest.mark.parametrize("text", [
    "Truyền NaCl 0,9% 500 ml x 2 đường TM ngoại vi.",
    "Đặt 2 đường truyền ngoại vi, theo dõi sát.",
])
def test_strict_keeps_a_count_before_a_street_word(text):
    assert places(text) == []


def test_strict_removes_the_lot_and_road_of_an_english_address():
    text = "Referred from: Hoa Sen Clinic, Lot C4, Road N12, Tan Dong Hiep B Industrial Park."
    got = places(text)
    assert any("Lot C4" in p for p in got) and any("Road N12" in p for p in got)
