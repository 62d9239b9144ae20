"""ICD-10 coding (issue 18, round 13): a body part written as two words whose first is a word of its own (`đầu gối`
knee, `đầu` head; `cổ tay` wrist, `cổ` neck) is never cut in two when the ranker backs off to a run of the mention or
strips a site as a qualifier: `đau đầu gối` is knee pain, not a headache (R51); `đau cổ chân` is no neck pain
(M54.2). The compounds are data (mention_forms.tsv, kind `compound`). Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code
from vimednlp.terminology.canonical import splits_compound
from vimednlp.terminology.normalize import norm, strip_qualifiers


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


def test_compounds_are_read_with_or_without_marks():
    assert splits_compound("đầu", "gối") and splits_compound("dau", "goi") and splits_compound("Cổ", "tay")
    assert not splits_compound("đau", "đầu") and not splits_compound("cổ", "gáy")


def test_a_site_is_not_cut_from_inside_a_body_part():
    # `ngón tay cái` is a site after a disease, but after `đầu` it is the tip of the thumb
    assert strip_qualifiers(norm("đau đầu ngón tay cái")) == norm("đau đầu ngón tay cái")
    assert strip_qualifiers(norm("mụn cóc ở ngón tay cái")) == norm("mụn cóc")


@pytest.mark.parametrize("mention,wrong", [
    ("đau đầu gối phải mấy tháng nay, đi lại khó", "R51"),
    ("chị ấy đau cổ chân trái khi leo dốc", "M54"),
    ("đau cổ tay khi vắt quần áo", "M54"),
])
def test_a_body_part_is_not_read_as_its_first_word(vi_cache, mention, wrong):
    got = [c.code[:3] for c in code(mention, k=1, min_confidence=0)]
    assert wrong not in got


@pytest.mark.parametrize("mention", ["đau đầu gối phải mấy tháng nay", "đau cổ tay khi vắt quần áo",
                                     "đau cổ chân trái khi leo dốc"])
def test_pain_in_a_joint_named_by_its_body_part(vi_cache, mention):
    c = top(mention)
    assert c is not None and c.code[:3] == "M25"


def test_a_headache_is_still_a_headache(vi_cache):
    c = top("đau đầu từng cơn vùng trán")
    assert c is not None and c.code[:3] in ("R51", "G44")
