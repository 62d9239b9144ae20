"""ICD-10 coding (issue 18, round 7): a lay writer spells a syllable the way a regional accent says it (northern s/x,
ch/tr, d/gi/r, l/n at the start; southern n/ng, t/c at the end). A word that fits neither neighbour in the index's own
terms is replaced by the sound-alike word that does. Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code, get_index
from vimednlp.terminology.canonical import sound_alikes
from vimednlp.terminology.normalize import norm


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


def test_sound_alikes_go_both_ways():
    assert "xương" in sound_alikes("sương") and "sương" in sound_alikes("xương")
    assert "hàn" in sound_alikes("hàng") and "trĩ" in sound_alikes("chĩ")


@pytest.mark.parametrize("mention,expected", [
    ("suất huyết não", "I6"), ("nao phổi tái phát", "A1"), ("dối loạn tiền đình", "H81"),
    ("viêm ruộc thừa cấp", "K35"), ("sơ gan cổ chướng", "K7"),
])
def test_a_sound_alike_spelling_is_read(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code.startswith(expected)


def test_a_word_that_fits_its_neighbour_is_kept(vi_cache):
    idx = get_index("icd10")
    assert idx._sound_alike(norm("sỏi thận")) is None
    assert idx._sound_alike(norm("loet da day")) is None  # written without marks: left to folded matching
