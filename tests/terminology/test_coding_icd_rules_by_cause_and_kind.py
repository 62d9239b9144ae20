"""ICD-10 coding (issue 18, round 9): ICD-10 categories that code a disease together with its cause or kind:
acute pancreatitis from gallstones (K85.1, not chronic pancreatitis), cleft palate with cleft lip (Q37), acute
promyelocytic / myeloid leukaemia named in mixed Vietnamese and English or by FAB shorthand (C92.4, C92.0).
Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


@pytest.mark.parametrize("mention,expected", [
    ("viêm tụy cấp nghi do sỏi ống mật chủ", "K85.1"), ("gallstone pancreatitis", "K85.1"),
    ("sứt môi kèm hở hàm ếch bên trái", "Q37"), ("cleft lip and palate", "Q37"),
    ("bệnh bạch cầu cấp thể M3", "C92.4"), ("APL nguy cơ cao", "C92.4"),
    ("leukemia cấp dòng tủy ở trẻ 6 tuổi", "C92.0"), ("AML", "C92.0"),
])
def test_cause_or_kind_names_the_code(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code.startswith(expected)


def test_chronic_pancreatitis_is_not_biliary_acute(vi_cache):
    c = top("viêm tụy mạn, sỏi túi mật")
    assert c is not None and c.code[:3] != "K85"


@pytest.mark.parametrize("mention,expected", [
    ("loét dạ dày cấp có xuất huyết và thủng", "K25.2"), ("loét tá tràng cấp thủng", "K26.1"),
    ("loét dạ dày chảy máu", "K25.4"), ("loét dạ dày chảy máu vào cấp cứu", "K25.4"),
])
def test_an_acute_ulcer_takes_the_acute_subdivision(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code == expected


@pytest.mark.parametrize("mention,expected", [
    ("vàng da sơ sinh ở trẻ đẻ non 35 tuần", "P59.0"), ("neonatal jaundice, preterm baby", "P59.0"),
    ("trẻ sơ sinh 3 ngày tuổi vàng da, mẹ nhóm máu O, con nhóm máu B", "P55.1"), ("vàng da sơ sinh", "P59.9"),
])
def test_neonatal_jaundice_by_its_cause(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code == expected
