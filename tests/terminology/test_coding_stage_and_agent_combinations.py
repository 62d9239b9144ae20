"""ICD-10 coding (issue 18, round 7): one code for a disease and what qualifies it in the classification: HIV by WHO
clinical stage (stage 1 = asymptomatic, Z21; a named opportunistic disease still wins), contact dermatitis by agent,
pneumonia by organism, urticaria after a food. Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


@pytest.mark.parametrize("mention,expected", [
    ("HIV stage 1", "Z21"), ("nhiễm HIV không triệu chứng", "Z21"), ("HIV giai doan 3", "B24"),
    ("HIV giai đoạn 3 kèm nấm miệng", "B20"),
    ("viêm da tiếp xúc do băng dính", "L23.1"), ("contact dermatitis from a metal watch strap", "L23.0"),
    ("viêm da tiếp xúc do bột giặt", "L24.0"),
    ("pneumonia due to Mycoplasma", "J15.7"), ("VP do tụ cầu vàng", "J15.2"), ("bn vp do phe cau", "J13"),
    ("nổi mề đay sau ăn hải sản", "L50.0"),
])
def test_one_code_for_the_disease_and_its_qualifier(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code.startswith(expected)


def test_an_organism_named_in_sepsis_is_no_pneumonia(vi_cache):
    c = top("Klebsiella pneumoniae sepsis")
    assert c is not None and c.code[:3] == "A41"
