"""In a transcript written with marks but no commas, a given name called between a kinship word and 'ơi' ('chị hằng
ơi em lụa đây'): the marks make the word exact, so a given name that is also a common word without them is called
all the same. A pronoun or another kinship word there ('anh em ơi', 'chị ấy ơi') is no name."""
from __future__ import annotations

from tests.deid.helpers import texts

VOICE = ("tin nhắn thoại lúc bốn giờ sáng thứ ba chị hằng ơi em đang ở nhà anh páo ở thôn trên vợ anh ấy đau bụng "
         "từ tối qua em định chở lên trạm luôn")


def test_given_name_between_kinship_word_and_call(rules):
    assert "hằng" in texts(rules, VOICE, "NAME")


def test_name_without_marks_in_a_marked_transcript(rules):
    text = "alo alo cô lan ơi con gọi từ trạm y tế xã đây bố con hôm nay sốt cao lắm cô ạ"
    assert "lan" in texts(rules, text, "NAME")


def test_pronouns_and_kinship_words_are_not_called(rules):
    text = "anh em ơi mai họp thôn nhé chị ấy ơi nhớ mang sổ theo bà con ơi đi tiêm cho đủ"
    assert texts(rules, text, "NAME") == []
