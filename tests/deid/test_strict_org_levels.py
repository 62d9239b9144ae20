"""The strict profile takes the level said after a removed organisation with no place after it ('CDC tỉnh', 'TTYT
huyen'); when a place follows the level, the level is left to the address."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def removed(text: str, org: str) -> list[str]:
    s = text.index(org)
    return [x.text for x in strict_spans(text, [Span(s, s + len(org), "ORGANIZATION", org, "test", 1.0, {})])]


def test_strict_takes_the_level_after_an_organisation():
    assert "huyen" in removed("kq xn da gui TTYT huyen roi nhe c", "TTYT")
    assert "tỉnh" in removed("Nếu khó thở chuyển ngay BVĐK tỉnh.", "BVĐK")


def test_strict_leaves_the_level_before_a_place():
    assert "tỉnh" not in removed("Chuyển BVĐK tỉnh Lào Cai điều trị tiếp.", "BVĐK")


def test_strict_takes_an_agency_abbreviation_before_a_removed_place():
    text = "Kính gửi: BHXH TP. Đà Nẵng    Đợt gửi: 12/2026"
    s = text.index("TP.")
    e = s + len("TP. Đà Nẵng")
    out = [x.text for x in strict_spans(text, [Span(s, e, "LOCATION", text[s:e], "test", 1.0, {})])]
    assert "BHXH" in out
