"""The strict profile and a village named after its head word in a chat typed without marks: a head that is no
Vietnamese syllable ('plei', 'palei') is a village word there too, so the name after it goes even when its
syllables are common words once the marks are gone ('plei kep'); a head that is also a word ('buon' = 'buồn')
stays a word."""
from __future__ import annotations

from tests.deid.helpers import strict_touched


def test_strict_removes_a_village_after_an_unmarked_head():
    assert strict_touched("bo dang o ray o plei kep, mai bo ve tram", "kep")
    assert strict_touched("me o palei hoa hai ngay roi, chua di kham", "hoa")


def test_strict_keeps_a_head_that_is_also_a_word_without_marks():
    assert not strict_touched("con buon qua nen khong an, di kham thi sao", "qua")
