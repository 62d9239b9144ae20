"""A word that labels an address field ('Quê:', 'Địa chỉ:') ending a sentence ('... từ khi về quê. Gia đình đã ...',
'... nhờ chị cấp bù giúp em') opens no field: the next sentence is no address. A label that opens its line before a
dot still does ('Quê. thôn Nà Pục, xã ...')."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_sentence_after_a_cue_word_is_no_address(rules):
    text = ("- Dấu hiệu lâm sàng: 3 tháng nay mất ngủ, uống rượu gần như hằng ngày từ khi về quê. Gia đình đã làm lễ "
            "cúng 2 lần không đỡ, có trói tay BN 1 đêm trước khi đưa xuống TTYT.")
    assert not any("Gia đình" in p for p in texts(rules, text, "LOCATION"))


def test_label_opening_its_line_before_a_dot_stays_a_field(rules):
    text = "Họ tên: Nông Văn Tài\nQuê. thôn Nà Pục, xã Thượng Lâm, tỉnh Tuyên Quang\n"
    assert any("Nà Pục" in p for p in texts(rules, text, "LOCATION"))
