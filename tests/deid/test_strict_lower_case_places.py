"""The strict profile and places written in lower case by speech-to-text and chats: after a word saying where
('ở', 'bên', 'ghé', 'khơi') two or three syllables, one in no word list and one a name syllable, go ('em đi làm
thuê ở khâm đức', 'ghé an thới'; a place of no name syllable, 'khơi hòn thơm', is still left); after an administrative unit that opens a phrase its name goes ('… ấp phnom pi
xã tri tôn'). Ordinary words after those words stay ('ở nhờ nhà', 'ở cây xăng', 'công an xã giữ lại', 'xã hội'),
and so do the head words of a capitalised place ('ở dốc đèo Thung Khe')."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def places(text: str, spans=()):
    return [s.text for s in strict_spans(text, list(spans)) if s.label == "LOCATION"]


@pytest.mark.parametrize("text, place", [
    ("dạ em không biết, em đi làm thuê ở khâm đức, bé ở với ông ngoại", "khâm đức"),
    ("anh ghé an thới thì được chỗ đó gần bến", "an thới"),
])
def test_strict_removes_a_lower_case_place_after_a_word_of_place(text, place):
    assert place in places(text)


def test_strict_removes_a_unit_and_its_name_after_a_removed_place():
    text = "em là sóc nè anh, em bên ấp phnom pi xã tri tôn á anh"
    i = text.index("ấp phnom pi")
    got = places(text, [Span(i, i + len("ấp phnom pi"), "LOCATION", "ấp phnom pi")])
    assert "xã tri tôn" in got


@pytest.mark.parametrize("text", [
    "khi xuống khám ở nhờ nhà chị họ vài hôm",
    "xe đỗ ở cây xăng rồi đi bộ vô",
    "cầm rựa đuổi hàng xóm, được công an xã giữ lại",
    "gia đình khó khăn, cần hỗ trợ từ phía xã hội",
])
def test_strict_keeps_ordinary_words_after_a_word_of_place(text):
    assert not [p for p in places(text) if p.islower()]


def test_strict_leaves_the_head_of_a_capitalised_place_to_its_place():
    assert not [p for p in places("xe máy tự ngã ở dốc đèo Thung Khe, tốc độ cao") if "dốc" in p]


def test_strict_removes_a_place_of_the_document_said_again():  # (its last two words)
    text = "em ở khu ba thị trấn thanh sơn giờ là xã mới, nhà ngay sau chợ thanh sơn chị đã ra khỏi nhà"
    i = text.index("thị trấn thanh sơn")
    got = places(text, [Span(i, i + len("thị trấn thanh sơn"), "LOCATION", "thị trấn thanh sơn")])
    assert "thanh sơn" in got


def test_strict_does_not_spread_a_place_made_of_common_words():
    text = "bé ở phòng lab tầng hai, chiều nay mẹ qua phòng lab lấy kết quả"
    i = text.index("phòng lab")
    got = strict_spans(text, [Span(i, i + len("phòng lab"), "LOCATION", "phòng lab")])
    assert not [s for s in got if "said again" in s.attrs.get("explanation", "")]
