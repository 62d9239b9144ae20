"""The strict profile and the head word of a removed place typed without marks inside a text that has them (a chat line
pasted into a referral: 'xe qua deo Khau Pha' for 'đèo'): it is compared without marks and goes with the place; an
English word that folds to a head stays ('transfer to Viện Tim …' has no 'tổ')."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def taken_before(text: str, name: str, label: str) -> list[str]:
    i = text.index(name)
    return [s.text for s in strict_spans(text, [Span(i, i + len(name), label, name)]) if s.end <= i]


def test_strict_takes_an_unmarked_place_head_in_a_marked_text():
    text = "Chuyển viện lúc 19:40, theo dõi trên xe.\n05/12 20:05 xe qua deo Khau Pha, chi co giat 1 lan"
    assert taken_before(text, "Khau Pha", "NAME") == ["deo"]


def test_strict_keeps_an_english_word_that_folds_to_a_head():
    text = "Kế hoạch: chuyển viện. Plan: transfer by ambulance to Viện Tim mạch Việt Nam tomorrow."
    assert "to" not in taken_before(text, "Viện Tim mạch Việt Nam", "ORGANIZATION")
