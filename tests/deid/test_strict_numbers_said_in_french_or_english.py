"""The strict profile and numbers dictated in French or English (resources/deid/strict/spoken_chars_foreign.txt):
a run of six or more digit and letter names goes, as a Vietnamese one does; a number word or two in English prose
stays (French number words are no known words: a date or age said in French goes)."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, number", [
    ("médecin: votre numéro à rappeler / patient: zéro six quatre un huit deux sept trois neuf / médecin: merci",
     {"zéro", "six", "quatre", "huit", "neuf"}),
    ("patient: numéro de police bé té vé deux zéro six quatre sept un, je suis au bureau",
     {"bé", "té", "vé", "deux", "zéro", "sept"}),
    ("Caller: my number is oh nine one two five five eight seven, please call back tonight.",
     {"oh", "nine", "two", "five", "eight", "seven"}),
])
def test_strict_removes_numbers_spelled_aloud_in_french_or_english(text, number):
    assert number <= removed_words(text)


def test_strict_keeps_a_number_word_or_two_in_english_prose():
    text = "Pain for two days; one tablet three times a day, seven days."
    assert not removed_words(text) & {"two", "one", "three", "seven"}
