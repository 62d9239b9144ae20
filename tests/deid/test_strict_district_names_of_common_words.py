"""The strict profile and district names made only of common words ('ba vì', 'đơn dương', 'long biên'), written in
lower case in chats and speech-to-text: they go right after a word that says where ('ở', 'chợ', 'trên', 'xuống',
'huyện'), where the same words elsewhere stay ('ba vì lo quá' is 'dad, because worried')."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_removed as covered, strict_touched as touched


@pytest.mark.parametrize("text, place", [
    ("bà ngoại sống một mình trên ba vì, tuần nào cũng tự đi xe xuống khám", "ba vì"),
    ("thằng út bán rau ở chợ đơn dương, tối mới về", "đơn dương"),
    ("hôm qua chị xuống long biên lấy thuốc cho mẹ", "long biên"),
])
def test_strict_removes_a_district_of_common_words_after_a_word_of_place(text, place):
    assert covered(text, place)


def test_strict_takes_the_district_not_a_shorter_match_that_starts_with_the_cue():
    text = "nó chạy xe ôm ở chợ đơn dương mấy năm nay"
    assert covered(text, "đơn dương") and not touched(text, "chợ")


@pytest.mark.parametrize("text, words", [
    ("ba vì lo quá nên chở con đi khám sớm", "ba vì"),
    ("đơn dương tính với kháng thể, cần làm lại xét nghiệm", "đơn dương"),
])
def test_strict_keeps_the_same_words_without_a_word_of_place(text, words):
    assert not touched(text, words)
