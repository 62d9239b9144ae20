"""'bon' is the village of the Mạ, Cơ Ho and M'Nông peoples (Lâm Đồng, Đắk Nông) as 'buôn' is of the Ê Đê: the
village named after it is a LOCATION; a national park ('Vườn quốc gia ...') is an ORGANIZATION. Without marks
'bon' is also 'bốn' (four), so a lower-case word after it stays a common word."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_village_after_bon_is_a_location(rules):
    text = "Thầy cúng: ông Ro Ong Ha Bớp, bon Đạ Nhim 3, xã Lạc Dương.\nCon trai ở bon Đạ Sar cách trạm 6 km."
    places = texts(rules, text, "LOCATION")
    assert any("bon Đạ Nhim 3" in p for p in places)
    assert any("bon Đạ Sar" in p for p in places)


def test_national_park_is_an_organization(rules):
    text = "Bố làm bảo vệ rừng ở Vườn quốc gia Bidoup Núi Bà từ 2015."
    assert any("Vườn quốc gia Bidoup Núi Bà" in o for o in texts(rules, text, "ORGANIZATION"))


def test_bon_as_a_number_without_marks_is_no_place(rules):
    assert texts(rules, "con bon lan bi sot 3 ngay, uong bon vien roi", "LOCATION") == []
