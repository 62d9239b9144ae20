"""The strict profile and Central Highlands names in lower case, as speech recognisers and hurried chats write them:
a clan name, the marker of a man ('y') or a woman ("h'", 'h'), then a given name that is often in no name list
('ksor y thuân', 'siu h lim'). The same words that make ordinary phrases stay ('hôm nay y tá', 'sáng nay y lệnh')."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed(text: str, part: str) -> bool:
    i = text.index(part)
    return all(any(s.start <= k < s.end for s in strict_spans(text, [])) for k in range(i, i + len(part))
               if not text[k].isspace())


@pytest.mark.parametrize("text, name", [
    ("bên khoa đã nhờ anh ksor y rông dịch lại lời dặn cho gia đình", "ksor y rông"),
    ("xe cứu thương của xã do nay y krăk lái xuống tới nơi lúc chiều", "nay y krăk"),
    ("người chăm là con dâu niê h'mai ở cùng buôn", "niê h'mai"),
    ("ghi âm: bà rơ mah h blin kể con bị sốt ba ngày", "rơ mah h blin"),
])
def test_strict_removes_a_highland_name_in_lower_case(text, name):
    assert removed(text, name)


def test_strict_stops_the_highland_name_at_an_ordinary_word():
    text = "tài xế nay y krăk đón bệnh nhân lúc hai giờ"
    spans = strict_spans(text, [])
    assert not any(s.start <= text.index("đón") < s.end for s in spans)


@pytest.mark.parametrize("text, kept", [
    ("hôm nay y tá đo huyết áp hai lần", "y tá"),
    ("sáng nay y lệnh truyền dịch đã đổi", "y lệnh"),
    ("chiều nay y tế xã xuống phát thuốc", "y tế"),
])
def test_strict_keeps_ordinary_phrases_after_a_clan_word(text, kept):
    i = text.index(kept)
    assert not any(s.start <= i < s.end for s in strict_spans(text, []))
