"""The strict profile and the dot of an initial that ends a removed name ('Smith, Rebecca J.', 'Kovalenko D.'): it is
the initial's and goes with the name; a sentence's full stop after a name that ends in a whole word stays."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def dot_taken(text: str, name: str) -> bool:
    i = text.index(name)
    e = i + len(name)
    return any(s.start <= e < s.end for s in strict_spans(text, [Span(i, e, "NAME", name)]))


def test_strict_takes_the_dot_of_a_final_initial():
    assert dot_taken("Signature: Kovalenko D.     Date: 18.11.2026", "Kovalenko D")


def test_strict_keeps_the_full_stop_after_a_whole_name():
    assert not dot_taken("Người nhà: anh Trần Văn Bình. Đã giải thích.", "Trần Văn Bình")
