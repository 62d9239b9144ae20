"""The strict profile and a house number whose slash was written as a space ('Địa chỉ 48 26 Giải Phóng'): the
first number goes with the removed address after an address label, a field's colon, tab or pipe; a measurement
before an address-like number stays."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def spans_with_address(text: str, address: str):
    i = text.index(address)
    return strict_spans(text, [Span(i, i + len(address), "LOCATION", address)])


@pytest.mark.parametrize("text, lane, address", [
    ("Nghề nghiệp: làm ruộng    Địa chỉ 71 15 Lê Lợi, xã Tân Hòa, Phú Thọ", "71", "15 Lê Lợi, xã Tân Hòa, Phú Thọ"),
    ("Nơi thường trú 112 9 Trần Phú phường Hà Đông Hà Nội", "112", "9 Trần Phú phường Hà Đông Hà Nội"),
    ("ĐC:\t36 4B Hùng Vương, Pleiku", "36", "4B Hùng Vương, Pleiku"),
])
def test_strict_removes_the_lane_number_of_an_address(text, lane, address):
    i = text.index(f"{lane} ")
    assert any(s.start <= i < s.end for s in spans_with_address(text, address))


def test_strict_keeps_a_number_that_is_no_address_label_s():
    text = "Mạch 80 12 giờ trước, địa chỉ cũ 12 Nguyễn Trãi"
    i = text.index("80")
    assert not any(s.start <= i < s.end for s in spans_with_address(text, "12 giờ trước"))
