"""ICD-10 coding (issue 18, round 13): a Vietnamese diagnosis followed by English words (`Cuồng nhĩ paroxysmal`,
`K thực quản squamous cell`) is looked up by its Vietnamese head alone, abbreviations expanded, and an English
qualifier after it still chooses the subcode (paroxysmal = kịch phát). A loanword the Vietnamese titles use
themselves (an eponym, a chemical: `Parkinson`, `methanol`) stays part of the Vietnamese name. Mentions written
for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code
from vimednlp.terminology.search import _language_runs


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


def test_the_vietnamese_head_is_read_alone():
    assert _language_runs("Rung nhĩ persistent") == ["Rung nhĩ"]
    assert _language_runs("K dạ dày poorly differentiated, T3N0M0") == ["K dạ dày"]
    # nothing English after it, or nothing Vietnamese before it: no part
    assert _language_runs("Rung nhĩ kịch phát") == []
    assert _language_runs("viem phoi paroxysmal") == []


def test_a_loanword_of_the_vietnamese_titles_is_no_english_run():
    assert _language_runs("Bệnh Parkinson", frozenset({"parkinson"})) == []


@pytest.mark.parametrize("mention,expected", [
    ("K dạ dày poorly differentiated, T3N0M0", "C16"),
    ("Viêm phổi thùy community-acquired", "J18"),
])
def test_an_english_tail_does_not_hide_the_vietnamese_head(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code[:3] == expected


def test_an_english_qualifier_chooses_the_subcode(vi_cache):
    c = top("Rung nhĩ paroxysmal, đã chuyển nhịp")
    assert c is not None and c.code == "I48.0"
    c = top("rung nhĩ persistent")
    assert c is not None and c.code == "I48.1"


def test_a_chemical_named_in_the_vietnamese_title_keeps_its_code(vi_cache):
    c = top("Ngộ độc rượu methanol")
    assert c is not None and c.code[:3] == "T51"
