"""The strict profile takes a nickname after its cue ('ở nhà gọi là …', 'tên ở nhà "…"', 'biệt danh …'), marks or
none, its words up to a people, kinship, sex or age word; 'ở nhà' alone and 'tên gọi:' of a disease are no cue."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans


def removed(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, [])]


def test_strict_takes_a_nickname_up_to_a_people_word():
    out = removed("bệnh nhân ở nhà gọi là sình tòn người dao tiền năm mươi tuổi")
    assert "sình tòn" in out and not any("người" in w for w in out)


def test_strict_takes_a_quoted_nickname_with_a_prefix():
    assert "A Phúc" in removed('Bé trai sinh đủ tháng; ở nhà gọi "A Phúc". Mẹ khỏe.')


def test_strict_takes_an_unmarked_nickname():
    assert "cu ti" in removed("be trai ten o nha la cu ti, 3 tuoi, sot 2 ngay")


def test_strict_keeps_home_and_a_disease_name():
    assert removed("ở nhà không ai chăm sóc, ăn kém") == []
    assert removed("bệnh này tên gọi: lao hạch") == []
