"""The strict profile and the rest of a lower-case name after a removed piece of it: a middle syllable ('văn', 'thị';
'van' without marks) right after a removed name, then a given name, goes with it ('ba la pi nang van tien', 'chị
hoàng | thị lụa'); a middle that makes a word with what follows stays ('văn bản'), and without marks 'thi' before
no given name is 'thì' ('quay thi bit roi')."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def removed_after(text: str, name: str) -> str:
    i = text.index(name)
    spans = strict_spans(text, [Span(i, i + len(name), "NAME", name)])
    return " ".join(s.text for s in spans if s.start >= i + len(name))


@pytest.mark.parametrize("text, name, rest", [
    ("me chau ko biet chu, ba la pi nang van tien noi tieng kinh dc chut", "pi nang", "van tien"),
    ("hôm qua chị gặp bà hoàng thị lụa ở chợ, bà hỏi thăm em", "hoàng", "thị lụa"),
])
def test_strict_removes_the_middle_and_given_name_after_a_removed_name(text, name, rest):
    assert rest in removed_after(text, name)


@pytest.mark.parametrize("text, name, word", [
    ("anh chuyển cho bác sĩ Nguyễn An văn bản kết quả chiều nay", "Nguyễn An", "văn"),
    ("ck e quay thi bit roi, e ko noi nua", "e", "thi"),
])
def test_strict_keeps_a_middle_that_is_a_word(text, name, word):
    assert word not in removed_after(text, name).split()
