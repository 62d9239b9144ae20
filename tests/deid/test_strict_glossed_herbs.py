"""The strict profile and ideographs glossed by their Sino-Vietnamese reading: a herb of a prescription whose
reading is a clinical term ('當歸 Đương quy', '白朮 (Bạch truật)') stays; a name glossed so ('王美玲 Vương Mỹ Linh')
and ideographs alone still go."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans


def removed(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, [])]


def test_strict_keeps_a_herb_glossed_by_its_reading():
    assert removed("Bài thuốc gồm 當歸 Đương quy 12g, 白朮 (Bạch truật) 10g, sắc uống.") == []


def test_strict_removes_a_name_glossed_by_its_reading():
    got = removed("Người nhà: vợ 王美玲 Vương Mỹ Linh, gọi qua WeChat.")
    assert "王美玲" in got


def test_strict_removes_ideographs_alone():
    assert "陳志明" in removed("Liên hệ anh 陳志明 ở cửa khẩu.")
