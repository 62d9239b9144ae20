"""A lesion named again as the place of care refers to one already described: no new mention."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def mentions(text):
    return [(s.label, s.text) for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")]


@pytest.mark.parametrize("text,ref", [
    ("Gót phải loét độ II 2x3cm. Da quanh vết loét đỏ nhẹ.", "vết loét"),
    ("Theo dõi: nếu sốt, lấy cấy dịch vết loét.", "vết loét"),
    ("Người nhà muốn đắp lá trầu lên vết thương: đã giải thích không nên.", "vết thương"),
])
def test_lesion_as_a_place_is_no_new_mention(text, ref):
    assert not [t for _, t in mentions(text) if t == ref]


def test_a_lesion_described_stays():
    assert any(t.startswith("vết loét") for _, t in mentions("Khám: vết loét gan bàn chân trái 2x2 cm, chảy dịch."))
