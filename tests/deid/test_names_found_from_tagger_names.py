"""A full name only the statistical tagger found names the same person elsewhere in the note, under the name
rules' own guards (the given name alone when marked, or after a kinship or role word when also a common word)."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer, _tagger_names_again
from vimednlp.deid.recognizers import Candidate, Context

_WHY = "statistical tagger (CRF over syllable, lexicon and rule features)"


@pytest.fixture(scope="module")
def rules():
    return Analyzer(model=None)


def _found(rules, text: str, full: str) -> list[str]:
    ctx, cands = rules.candidates(text)
    s = text.index(full)
    tagged = [Candidate(s, s + len(full), "NAME", 0.6, "crf", _WHY)]
    return [text[c.start:c.end] for c in _tagger_names_again(ctx, tagged, cands)]


def test_marked_given_name_alone_after_a_tagger_name(rules):
    # ('Th1': the middle name typed with a digit, as the tagger read it)
    text = "Người nhà: Vàng Th1 Dợ, 34 tuổi.\nDợ nói bệnh nhân sốt về đêm, Dợ xin cho về."
    assert _found(rules, text, "Vàng Th1 Dợ") == ["Dợ", "Dợ"]


def test_unmarked_common_word_needs_a_kinship_word(rules):
    text = "Ban Sang Ma Sao, Hang Th1 Di 40t.\nBenh nhan di lai kho, chi Di bao an kem. Di cho ve."
    assert _found(rules, text, "Hang Th1 Di") == ["Di"]
    assert text.index("chi Di") + 4 == text.index("Di bao")


def test_tagger_name_inside_a_rule_name_adds_nothing(rules):
    text = "Bệnh nhân Nguyễn Văn Khải, 60 tuổi. Khải than đau ngực."
    ctx, cands = rules.candidates(text)
    s = text.index("Nguyễn")
    tagged = [Candidate(s, s + len("Nguyễn Văn Khải"), "NAME", 0.6, "crf", _WHY)]
    assert _tagger_names_again(ctx, tagged, cands) == []


def test_no_tagger_name_no_work(rules):
    ctx = Context("BN ổn định, ra viện.")
    assert _tagger_names_again(ctx, [], []) == []
