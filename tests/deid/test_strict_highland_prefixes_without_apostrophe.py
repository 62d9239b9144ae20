"""The strict profile and the K'Ho, Mạ, Churu and Stiêng names of Lâm Đồng in lower case, as chats and speech-to-text
write them without the apostrophe: the prefix of a man ('k' for K', 'ya') or a woman ('ka') after a person cue, or a
clan that is no other word ('điểu', 'ksor') before the prefix. After 'ya' and 'ka' the given name goes even when it
is a common word ('ka lúa', 'ya đá'); 'k', also the chat's 'không', starts a name only before a syllable in no list."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed(text: str, part: str) -> bool:
    i = text.index(part)
    spans = strict_spans(text, [])
    return all(any(s.start <= k < s.end for s in spans) for k in range(i, i + len(part)) if not text[k].isspace())


def kept(text: str, part: str) -> bool:
    i = text.index(part)
    return not any(s.start < i + len(part) and i < s.end for s in strict_spans(text, []))


@pytest.mark.parametrize("text, name", [
    ("dạ chị ơi em k plông bên trạm đây, bà cụ vẫn sốt", "k plông"),
    ("hôm đó chị ka lúa chở bà xuống khám", "ka lúa"),
    ("thằng em tên ya đá chạy xe ôm ngoài chợ", "ya đá"),
    ("hôm qua gặp lại điểu k brông ở hành lang khoa nhiễm", "điểu k brông"),
    ("người phiên dịch cho bà là ksor k dơng bên xã", "ksor k dơng"),
])
def test_strict_removes_a_prefixed_name_written_without_its_apostrophe(text, name):
    assert removed(text, name)


@pytest.mark.parametrize("text, part", [
    ("em k biết bà uống thuốc chưa, chị k an tâm lắm", "k biết"),
    ("sáng nay k ăn được gì, chiều nay k sốt", "nay k ăn"),
    ("thang nay ko ve duoc, me ko chiu di kham", "nay ko ve"),
])
def test_strict_keeps_the_chat_k_for_khong(text, part):
    assert kept(text, part)


def test_strict_takes_the_given_name_after_a_removed_prefix():
    from vimednlp.schema import Span

    text = "hôm qua gặp ông ya đẩu người chu ru ở buôn trên"
    a = text.index("ông ya")
    default = [Span(a, a + len("ông ya"), "NAME", "ông ya")]  # a tagger that stopped at the prefix
    spans = strict_spans(text, default)
    i = text.index("đẩu")
    assert any(s.start <= i < s.end for s in spans)
    assert not any(s.start <= text.index("người") < s.end for s in spans)
