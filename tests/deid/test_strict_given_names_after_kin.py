"""The strict profile and a given name that is also a word that follows a kinship word as no name ('anh tiếp
tục', 'chị bảo'): once the document names the person in full ('gọi anh danh tiếp'), that given name goes where a
name stands again ('anh tiếp hả anh', a transcript's speaker); a one-word span does not teach it, and the verb
pair ('tiếp tục') stays."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def removed(text: str, spans):
    out = spans + strict_spans(text, spans)
    return lambda i: any(s.start <= i < s.end for s in out)


def name_span(text: str, name: str) -> Span:
    i = text.index(name)
    return Span(i, i + len(name), "NAME", name)


def test_strict_given_name_said_again_after_a_kinship_word():
    text = ("ghi âm cuộc gọi tư vấn lao tôi gọi anh lâm văn tiếp\n"
            "tôi alo anh tiếp hả anh uống thuốc đều hông\n"
            "anh tiếp đều đều mà thuốc gần hết rồi\n"
            "tôi vậy thiếu mười ngày\n"
            "anh tiếp hết ho rồi mà mắt hơi mờ\n")
    gone = removed(text, [name_span(text, "lâm văn tiếp")])
    starts = [i for i in range(len(text)) if text.startswith("anh tiếp", i)]
    assert len(starts) == 3 and all(gone(i + 4) for i in starts)


def test_strict_keeps_the_verb_pair_and_a_one_word_name():
    text = "bệnh nhân tên Tiếp, nằm viện 3 ngày. Anh tiếp tục uống thuốc, chị bảo anh tiếp xúc ít người."
    gone = removed(text, [name_span(text, "Tiếp")])
    assert not gone(text.index("tiếp tục")) and not gone(text.index("tiếp xúc"))


def test_strict_a_guessed_surname_and_name_teaches_no_verb():
    # ('mã tiếp' read as a surname and a name from the words alone does not make 'tiếp' a name elsewhere)
    text = "đã báo tổng đài, mã tiếp nhận 2611-082. Bé tiếp tục thay băng, anh tiếp hả"
    gone = removed(text, [])
    assert not gone(text.index("tiếp tục"))
