"""The strict profile takes the one word between a kinship word and the calling particle 'ơi' as the name of the
one called, even an ordinary word ('c sen oi', 'anh lực ơi'), but not a title or a kinship word ('bác sĩ ơi', 'cô
giáo ơi', 'chị em ơi')."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans


def removed(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, [])]


def test_strict_takes_the_name_of_the_one_called():
    assert "sen" in removed("c sen oi be nha e sot tu toi qua")
    assert "may" in removed("a may oi mai tram co tiem k a")


def test_strict_keeps_titles_and_kinship_words_called():
    assert removed("dạ bác sĩ ơi cho em hỏi thuốc này uống sau ăn ạ") == []
    assert removed("chị em ơi ai biết chỗ tiêm phòng dại không") == []
    assert removed("cô giáo ơi cháu xin nghỉ học hôm nay") == []
