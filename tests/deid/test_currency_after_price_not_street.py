"""'đ' glued to a price is the đồng, not the street abbreviation 'đ.' (đường): the word after it is no street name,
while the address after a spaced 'đ.' is still removed."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_price_with_dong_and_full_stop_is_no_place(rules):
    text = "Đơn hàng gồm 2 hộp thuốc, tổng 415.000đ. Giao trước 17 giờ. Phí ship 0đ. Gọi lại nếu vắng nhà."
    assert texts(rules, text, "LOCATION") == []


def test_address_after_a_spaced_street_abbreviation_is_still_removed(rules):
    text = "Giao tới 27 đ. Nguyễn Huệ, phường Sài Gòn. Tổng 120.000đ. Cảm ơn chị."
    found = texts(rules, text)
    assert any("Nguyễn Huệ" in t for t in found) and any("Sài Gòn" in t for t in found)
    assert not any("Cảm" in t for t in found)
