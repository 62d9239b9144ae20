"""ICD-10 coding (issue 18, round 7): a body site written after the disease (`ở bàn tay`, `on the fingers`, a bare
`ngón chân cái`) is a qualifier: dropped to find the disease, then used to choose the code whose title names that
site (L02.x by region); a body part written as the subject (`má bị nám`) is read as the disease at that site.
Mentions written for these tests (store with Vietnamese titles from the shared GNU Health TSV)."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code
from vimednlp.terminology.canonical import head_of
from vimednlp.terminology.normalize import norm, qualifier_features, strip_qualifiers


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


@pytest.mark.parametrize("mention,core", [
    ("mụn cóc ở mu bàn tay trái", "mụn cóc"),
    ("mun coc o mu ban tay", "mun coc"),          # written without marks: cut alike
    ("warts on the fingers", "warts"),
    ("gút cấp ngón chân cái trái", "gút cấp"),
    ("viêm kết mạc hai mắt", "viêm kết mạc"),
])
def test_a_trailing_body_site_is_dropped_from_the_core(mention, core):
    assert strip_qualifiers(norm(mention)) == core


@pytest.mark.parametrize("mention", ["nấm móng tay", "viêm phổi ở trẻ nhỏ", "ung thư vú", "gãy cổ xương đùi"])
def test_an_organ_or_a_nail_is_not_a_site_to_drop(mention):
    assert strip_qualifiers(norm(mention)) == norm(mention)


@pytest.mark.parametrize("mention,expected", [
    ("mụn cóc ở mu bàn tay", "B07"), ("warts on the fingers", "B07"), ("gút ngón chân cái trái", "M10"),
    ("gout flare ngón chân T", "M10"),
])
def test_the_disease_is_found_under_its_site(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code[:3] == expected


@pytest.mark.parametrize("mention,expected", [("áp xe da vùng gáy", "L02.1"), ("nhọt ở mông", "L02.3")])
def test_the_site_chooses_the_subcode_that_names_it(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code == expected


def test_site_is_a_qualifier_feature():
    assert ("site", "neck") in qualifier_features(norm("nhọt sau gáy"))
    assert ("site", "limb") in qualifier_features(norm("viêm mô bào cẳng chân"))
    assert not any(f == "site" for f, _ in qualifier_features(norm("ung thư cổ tử cung")))


@pytest.mark.parametrize("mention,head", [("má bị nám", "nám ở má"), ("con em chân bị ghẻ", "ghẻ ở chân")])
def test_a_body_part_as_subject_is_read_as_the_site(mention, head):
    assert head_of(mention) == head


def test_a_wound_as_subject_keeps_its_subject():
    assert head_of("vết thương bị nhiễm trùng") is None


@pytest.mark.parametrize("mention,expected", [("má bị nám", "L81"), ("lưng bị lác", "B35.4"), ("bé bị lác mắt", "H50")])
def test_subject_site_mentions_are_coded(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code.startswith(expected)
