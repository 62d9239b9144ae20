"""The strict profile and a village word that is also a word of its own with the next ('bản sao' a copy, 'bản
chép lại' a transcript, 'buôn bán' trading): no place; a village's name after the same word still goes ('bản
nậm cáy')."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def places(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, []) if s.label == "LOCATION"]


@pytest.mark.parametrize("text", [
    "Phiếu khám (bản chép lại từ sổ của y tá thôn, nhập máy chiều nay)",
    "Gửi kèm bản sao giấy ra viện và bản gốc đơn thuốc.",
    "mẹ cháu buôn bán nhỏ ở đầu cầu",
])
def test_strict_keeps_a_unit_word_that_makes_a_word_with_the_next(text):
    assert places(text) == []


def test_strict_still_removes_a_village_after_the_same_word():
    assert any("nậm cáy" in p for p in places("nhà em ở bản nậm cáy, đi xe máy ra trạm mất một tiếng"))
