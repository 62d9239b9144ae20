"""A bilingual form glosses its field label in brackets before the value ('Mã NV (employee no.): ...'): the ID cue
before the brackets still names the code after them."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_code_after_a_glossed_id_label(rules):
    text = "Họ tên: Lê Văn Tư   Mã NV (employee no.): KT30518 - công nhân hàn, xưởng 2"
    assert "KT30518" in texts(rules, text, "ID")


def test_gloss_needs_an_id_cue_before_it(rules):
    text = "Liều (dose): AB12345 theo phác đồ"
    assert "AB12345" not in texts(rules, text, "ID")
