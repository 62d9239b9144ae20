"""ICD-10 coding (issue 18, round 7): an injury named by its kind (sprain or dislocation, bruise or graze, torn tendon,
an animal bite) and its body region takes the chapter XIX block of that region (S03 ... S93, S00 ... S90, S46 ... S96,
S01 ... S91); a subcode the words name still leads its category; a burn, a fracture or a snake bite keeps its own code.
Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


@pytest.mark.parametrize("mention,expected", [
    ("bong gân khớp gối phải khi đá bóng", "S83"), ("sprained right wrist", "S63"),
    ("trầy xước da khuỷu tay trái", "S50"), ("bầm tím vùng đùi sau va chạm", "S70"),
    ("đứt gân gót chân trái", "S86"), ("torn tendon of the thumb", "S66"),
    ("bị chó cắn ở cẳng chân", "S81"), ("cat bite on the hand", "S61"),
])
def test_kind_and_region_give_the_block(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code[:3] == expected


def test_a_subcode_the_words_name_leads_its_category(vi_cache):
    got = [c.code for c in code("bong gân cổ chân phải", k=3)]
    assert got[0] == "S93.4" and "S93" in got


@pytest.mark.parametrize("mention,expected", [
    ("gãy xương cẳng tay trái, bầm tím", "S52"), ("bỏng cổ chân độ 2", "T25"), ("rắn lục cắn ở mu bàn chân", "T63"),
])
def test_other_injuries_keep_their_own_codes(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code[:3] == expected


# --- round 13: an injury named only as such takes its region's `other and unspecified injuries` category -------
@pytest.mark.parametrize("mention,expected", [
    ("Chấn thương phần mềm bàn tay trái", "S69"),
    ("bị chấn thương vùng trán do ngã xe", "S09"),
    ("knee injury, right", "S89"),
])
def test_an_unspecified_injury_by_region(vi_cache, mention, expected):
    c = code(mention, k=1)
    assert c and c[0].code[:3] == expected


def test_an_injury_word_after_another_disease_is_that_disease(vi_cache):
    # `tràn khí màng phổi chấn thương`: the pneumothorax (S27.0), not an unspecified chest or head injury
    c = code("tràn khí màng phổi chấn thương bên phải", k=1)
    assert c and c[0].code[:3] == "S27"
