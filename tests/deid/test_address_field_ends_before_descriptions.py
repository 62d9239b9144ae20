"""An address field ends where the address does: before a dash and a description of the way there in lower case
('— nhà trên đồi, cách đường nhựa 4 km đi bộ') and before the former address in brackets ('(trước 01/7/2025: xã
..., huyện ...)'); a dash before another unit ('– xã Hải Sơn') goes on."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_description_after_a_dash_is_no_address(rules):
    text = "Địa chỉ: thôn Ma Lâm, xã Tây Sơn Thượng — nhà trên đồi, cách đường nhựa 4 km đi bộ.\nBHYT: có\n"
    places = texts(rules, text, "LOCATION")
    assert any("thôn Ma Lâm" in p for p in places)
    assert not any("đường nhựa" in p for p in places)


def test_unit_after_a_dash_goes_on(rules):
    text = "Địa chỉ: thôn Khe Lánh – xã Hải Sơn, tỉnh Quảng Ninh\nNghề nghiệp: làm rẫy\n"
    assert any("Khe Lánh" in p and "Hải Sơn" in p for p in texts(rules, text, "LOCATION"))


def test_former_address_with_a_date_is_apart(rules):
    text = ("Địa chỉ: thôn Dốc Mây, xã Đông Sơn Tây, tỉnh Khánh Hòa (trước 01/7/2025: xã Ba Cụm Bắc, huyện Khánh Sơn)\n"
            "Số thẻ BHYT: không có\n")
    places = texts(rules, text, "LOCATION")
    assert not any("(trước" in p for p in places)
    assert any("Dốc Mây" in p for p in places)
