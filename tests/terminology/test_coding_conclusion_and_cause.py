"""ICD-10 coding (issue 18, round 7): in a mention that says what was seen and then what the writer concludes
(`..., chắc là hen`), the conclusion is coded first; a symptom caused by a named disease (`sốt cao do viêm amidan`)
is coded by the disease, the symptom after it; a cause that is an organism still leaves the disease first.
Mentions written for these tests (store with Vietnamese titles from the shared GNU Health TSV)."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code
from vimednlp.terminology.canonical import is_conclusion
from vimednlp.terminology.search import is_symptom_code


def codes(q, k=5):
    return [c.code for c in code(q, k=k)]


@pytest.mark.parametrize("part,expected", [
    ("chắc là hen", True), ("nghi bị zona", True), ("probably scabies", True), ("ho nhiều về đêm", False),
])
def test_a_hedge_opens_a_conclusion(part, expected):
    assert is_conclusion(part) is expected


def test_the_conclusion_is_coded_before_what_led_to_it(vi_cache):
    got = codes("ho nhiều về đêm, chắc là hen")
    assert got and got[0][:3] == "J45"


@pytest.mark.parametrize("mention,disease,symptom", [
    ("sốt cao do viêm amidan", "J03", "R50"),
    ("vàng da do sỏi ống mật chủ", "K80", "R17"),
])
def test_a_symptom_with_its_cause_is_coded_by_the_cause(vi_cache, mention, disease, symptom):
    got = codes(mention)
    assert got[0][:3] == disease
    assert any(c[:3] == symptom for c in got[1:])


def test_symptom_codes():
    assert is_symptom_code("R50.9") and is_symptom_code("K92.1") and is_symptom_code("L29")
    assert not is_symptom_code("K80.5") and not is_symptom_code("K92.8") and not is_symptom_code("J18.9")
