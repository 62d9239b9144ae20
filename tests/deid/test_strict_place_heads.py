"""The strict profile and the word that heads a place of nature or travel ('đèo', 'suối', 'cửa khẩu'): when the
place's name is removed, even as a person's name, its head goes with it; an ordinary word before a name stays."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def spans_with_name(text: str, name: str, label: str = "NAME") -> list[Span]:
    i = text.index(name)
    given = [Span(i, i + len(name), label, name)]
    return given + strict_spans(text, given)


def removed_at(spans, text: str, part: str) -> bool:
    i = text.index(part)
    return any(s.start <= i < s.end for s in spans)


@pytest.mark.parametrize("text, head, name", [
    ("Xe khách lật ở đèo Khau Phạ chiều qua, bệnh nhân bị chấn thương ngực.", "đèo", "Khau Phạ"),
    ("Hai anh em đi tắm ở suối Nậm Lúc thì bị đuối nước.", "suối", "Nậm Lúc"),
    ("Bệnh nhân làm bốc vác ở cửa khẩu Ma Lù Thàng, khai sốt từ hôm kia.", "cửa khẩu", "Ma Lù Thàng"),
])
def test_strict_removes_the_head_of_a_place_read_as_a_name(text, head, name):
    spans = spans_with_name(text, name)
    assert removed_at(spans, text, head)


def test_strict_keeps_an_ordinary_word_before_a_name():
    text = "Người nhà đi cùng là chị Khánh, con gái bệnh nhân."
    assert not removed_at(spans_with_name(text, "Khánh"), text, "chị")

