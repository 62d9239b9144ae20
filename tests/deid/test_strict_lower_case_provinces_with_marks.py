"""The strict profile and a province or district written in lower case with its own marks by speech-to-text ('bố
cháu đi làm công nhân dưới bắc ninh', 'anh ấy đi bộ đội ở điện biên'): it goes even when each of its words is common,
unless its words make an ordinary word ('hòa bình' is peace) or only fold to a place ('đánh giá lại' is no Gia Lai,
'ba vì lo quá' is 'dad, because', not Ba Vì)."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_removed, strict_touched


@pytest.mark.parametrize("text, place", [
    ("bố cháu thì đi làm công nhân dưới bắc ninh chưa về nên chưa làm thẻ", "bắc ninh"),
    ("chồng em đi bộ đội ở điện biên em gọi mãi không được", "điện biên"),
])
def test_strict_removes_a_lower_case_province_spelled_with_its_marks(text, place):
    assert strict_removed(text, place)


@pytest.mark.parametrize("text, words", [
    ("Nếu quá 5 ngày phải đánh giá lại liều thuốc.", "giá lại"),
    ("ba vì lo quá nên chở con đi khám sớm", "ba vì"),
    ("mong cho gia đình được hòa bình và sức khỏe", "hòa bình"),
])
def test_strict_keeps_words_that_only_look_like_a_place(text, words):
    assert not strict_touched(text, words)
