"""The strict profile and a given name of the document said again, capitalised, opening a bracket or a sentence
before a lower-case word ('(Hạnh gõ lại cho sổ)'), or signing off after a sentence's end; typed without marks
and spelling a word ('Binh' bình), only there and capitalised; not where it makes an
ordinary word with the next word ('Hòa bình'), nor after an abbreviation's dot ('TP. Hòa …')."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def removed_again(text: str, name: str, again: str, word: str = "") -> bool:
    """Whether the strict profile, given the first `name` as a removed NAME, removes `word` (all of `again` if empty)
    where it stands in the first `again` after the name."""
    i = text.index(name)
    j = text.index(again, i + len(name))
    word = word or again
    j += again.index(word)
    spans = strict_spans(text, [Span(i, i + len(name), "NAME", name)])
    return any(s.start <= j and j + len(word) <= s.end for s in spans)


def test_strict_removes_the_given_name_opening_a_bracket():
    text = "Người nói 2: dạ dạ cảm ơn cô hạnh\n---\nTóm tắt (Hạnh gõ lại cho sổ DOTS): BN ho khan."
    assert removed_again(text, "hạnh", "Hạnh")


def test_strict_removes_the_given_name_opening_a_sentence_or_signing_off():
    text = "bs: chị hoa ơi kết quả có rồi nha. Hoa gửi lại số điện thoại giúp em\nem cảm ơn chị. Hoa"
    assert removed_again(text, "hoa", "Hoa gửi", "Hoa")
    assert removed_again(text, "hoa", "chị. Hoa", "Hoa")


def test_strict_removes_a_name_typed_without_marks_that_spells_a_word_only_capitalised():
    # ('binh' is also 'bình': the name goes where it is capitalised and opens a sentence, not in lower case)
    text = "[04/12] chi le thi binh: toi nha r. Binh sot 39 do 5, an uong binh thuong"
    assert removed_again(text, "le thi binh", "r. Binh", "Binh")
    assert not removed_again(text, "le thi binh", "uong binh", "binh")


def test_strict_keeps_an_ordinary_word_that_spells_the_name():
    text = "bệnh nhân trần văn hòa, 54 tuổi.\nĐã giải thích. Hòa bình trong gia đình giúp ổn định."
    assert not removed_again(text, "trần văn hòa", "Hòa bình")
