"""Cơ Ho, Mạ and Churu men's names open with K' as Ê Đê women's open with H': the apostrophe marks the name, with or
without a cue, while the people's own name (K'Ho) stays text."""
from __future__ import annotations

import pytest

from tests.deid.helpers import texts


@pytest.mark.parametrize("text, name", [
    ("Người bệnh K'Brăh Ha Nhi, 34 tuổi, ở thôn Đạ Nghịt, vào viện vì sốt.", "K'Brăh Ha Nhi"),
    ("Ca đêm: K'Sơn trực, đã báo bác sĩ về bệnh nhân giường 4.", "K'Sơn"),
    ("Ông K' Điểu mang theo thẻ BHYT và sổ khám bệnh.", "K' Điểu"),
    ("Chị H'Lan Niê khám thai lần 2, thai 24 tuần.", "H'Lan Niê"),
])
def test_apostrophe_names_are_tagged_whole(rules, text, name):
    assert name in texts(rules, text, "NAME")


def test_the_people_named_k_ho_is_not_a_name(rules):
    text = "Dân tộc: K'Ho. Người K'Ho ở Lạc Dương trồng cà phê."
    assert not any("K'Ho" in n for n in texts(rules, text, "NAME"))
