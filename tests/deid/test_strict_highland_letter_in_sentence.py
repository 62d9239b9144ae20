"""The strict profile and the one-letter prefix of a highland name inside a sentence: 'A' or 'Y' before a removed
name goes with it after any word that takes no letter as a label ('bà đỡ Y Hlên', 'Grandmother A Lênh', 'gọi cho
A Đinh hoặc …'), while 'vitamin A', 'nhóm máu A', 'viêm gan A', 'phòng A' keep their letter."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def letter_removed(text: str, name: str) -> bool:
    """Whether the letter just before the (default-removed) name is removed by the strict profile."""
    s = text.index(name)
    spans = [Span(s, s + len(name), "NAME", name, "test", 1.0, {})]
    letter = s - 2
    return any(x.start <= letter < x.end for x in strict_spans(text, spans))


@pytest.mark.parametrize("text, name", [
    ("Người đỡ đẻ là bà mụ trong làng, mọi người gọi bà đỡ Y Hlên, không có giấy phép.", "Hlên"),
    ("Consent given by Grandmother A Lênh with a thumbprint.", "Lênh"),
    ("Khi sốt cao gọi trạm hoặc nhắn A Đinh, y tế thôn.", "Đinh"),
])
def test_strict_takes_the_letter_before_a_removed_name_inside_a_sentence(text, name):
    assert letter_removed(text, name)


@pytest.mark.parametrize("text, name", [
    ("Bổ sung vitamin A Nguyễn Văn Nam đã uống đủ.", "Nguyễn Văn Nam"),
    ("Xét nghiệm nhóm máu A Trần Thị Hoa chưa làm.", "Trần Thị Hoa"),
])
def test_strict_keeps_a_letter_that_labels_the_word_before(text, name):
    assert not letter_removed(text, name)
