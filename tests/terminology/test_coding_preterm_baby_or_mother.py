"""ICD-10 coding (issue 18, round 13): `đẻ non` (born preterm / preterm labour) is coded by who the patient is. A baby
born preterm (trẻ, bé, sơ sinh) takes P07 (disorders related to short gestation), not the mother's preterm labour
O60; a mother's or a threatened preterm labour stays O60 (context_chapters.tsv, a row written for the O60 range).
Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


def top3(q):
    cands = code(q, k=5)
    return cands[0].code[:3] if cands else None


@pytest.mark.parametrize("mention", ["bé đẻ non 30 tuần, suy hô hấp nhẹ", "Trẻ sơ sinh đẻ non 35 tuần",
                                     "trẻ đẻ non"])
def test_a_baby_born_preterm_is_coded_in_the_newborn_chapter(vi_cache, mention):
    assert top3(mention) == "P07"


@pytest.mark.parametrize("mention", ["dọa đẻ non thai 31 tuần", "sản phụ đẻ non 34 tuần"])
def test_a_mothers_preterm_labour_stays_in_the_pregnancy_chapter(vi_cache, mention):
    assert top3(mention) == "O60"
