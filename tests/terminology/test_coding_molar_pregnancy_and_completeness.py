"""ICD-10 coding (issue 18, round 13): `thai trứng` is today's word for a molar pregnancy (the titles say `chửa
trứng`: query_rewrites.tsv), and whether it, an abortion or a block is complete or partial is a qualifier that picks
the subcode (qualifier_features.tsv `completeness`: toàn phần / hoàn toàn / cổ điển vs bán phần / không hoàn toàn).
Mentions written for these tests."""
from __future__ import annotations

from vimednlp.terminology import code
from vimednlp.terminology.normalize import norm, qualifier_features


def test_completeness_is_read_in_either_language():
    assert ("completeness", "complete") in qualifier_features(norm("chửa trứng toàn phần"))
    assert ("completeness", "incomplete") in qualifier_features(norm("sảy thai không hoàn toàn"))
    assert ("completeness", "complete") not in qualifier_features(norm("sảy thai không hoàn toàn"))
    assert ("completeness", "incomplete") in qualifier_features(norm("incomplete abortion"))


def test_a_molar_pregnancy_by_its_everyday_name(vi_cache):
    c = code("thai trứng, theo dõi beta hCG", k=3)
    assert c and c[0].code[:3] == "O01"


def test_complete_and_partial_moles_take_their_subcodes(vi_cache):
    assert code("thai trứng hoàn toàn", k=1)[0].code == "O01.0"
    assert code("chửa trứng bán phần", k=1)[0].code == "O01.1"
