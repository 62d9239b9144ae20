"""A middle dot, a bullet or a table bar separates the items of a problem list or the cells of a row: a cue in one item
(`khỏi`, `không phát hiện`) does not reach the next one."""
from __future__ import annotations

from vimednlp.clinical import extract


def classes(text):
    keys = ("negated", "uncertain", "historical", "family", "hypothetical")
    return {s.text: [k for k in keys if s.attrs.get(k)] for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_a_cure_in_one_history_item_does_not_negate_the_next():
    got = classes("TS: lao phổi (2019, đã điều trị, khỏi) · viêm gan B (2021, đang theo dõi) · nghiện rượu (bỏ 2020)")
    assert got["viêm gan B"] == ["historical"]
    assert got["nghiện rượu"] == ["historical"]


def test_a_negative_test_in_one_bullet_does_not_negate_the_next():
    got = classes("Tiền sử: viêm gan C (HCV RNA không phát hiện 2023) • gãy xương cẳng tay P (2015, bó bột)")
    assert "negated" not in got["gãy xương cẳng tay"]


def test_a_table_row_cell_is_its_own_scope():
    got = classes("12/10 | 51kg | không sốt | ho khan 2 tuần, đau ngực")
    assert got["sốt"] == ["negated"]
    assert got["ho khan"] == [] and got["đau ngực"] == []
