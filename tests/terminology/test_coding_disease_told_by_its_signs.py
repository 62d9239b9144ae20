"""ICD-10 coding (issue 18, round 9): a family's description that names a disease by its signs takes the disease's
code (a convulsion with fever -> R56.0, blisters on hands, feet and in the mouth -> B08.4, a swollen red big toe after
drinking -> gout, forgetful and lost on the way home -> F03), with the guards that keep other diseases out; a neighbour's dog (`hàng xóm`) is no hip (`háng`),
the house next door (`bên cạnh`) no groin (`bẹn`). Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


def top(q):
    cands = code(q, k=5)
    return cands[0] if cands else None


@pytest.mark.parametrize("mention,expected", [
    ("bé nhà em 18 tháng sốt 39 độ rồi lên cơn co giật", "R56"),
    ("child had a seizure with high fever", "R56"),
    ("con bị loét miệng, nổi mụn nước lòng bàn tay bàn chân", "B08"),
    ("ngón chân cái sưng nóng đỏ sau bữa ăn hải sản uống bia", "M10"),
    ("bị mèo của nhà hàng bên cạnh cào cắn ở cẳng chân", "S81"),
    ("bà nội dạo này lú lẫn, ra chợ là lạc đường", "F03"),
    ("vợ em tắt kinh hơn 1 tháng, thử que thấy 2 vạch", "Z32"), ("missed period, home pregnancy test positive", "Z32"),
])
def test_signs_name_the_disease(vi_cache, mention, expected):
    c = top(mention)
    assert c is not None and c.code[:3] == expected


def test_fever_with_a_seizure_in_epilepsy_is_not_a_febrile_convulsion(vi_cache):
    from vimednlp.terminology.search import _combination_codes
    assert not [c for c, _ in _combination_codes(["dong kinh co giat khi sot cao"]) if c == "R56.0"]


def test_a_burn_on_hands_and_feet_is_not_hand_foot_and_mouth(vi_cache):
    from vimednlp.terminology.search import _combination_codes
    assert not [c for c, _ in _combination_codes(["bong nuoc soi tay chan mieng phong nuoc"]) if c == "B08.4"]


def test_a_negative_pregnancy_test_confirms_nothing(vi_cache):
    from vimednlp.terminology.search import _combination_codes
    assert not [c for c, _ in _combination_codes(["tre kinh 2 thang thu que 1 vach am tinh"]) if c == "Z32.1"]


def test_plain_joint_pain_stays_pain_in_joint(vi_cache):
    c = top("đau khớp gối hai bên")
    assert c is not None and c.code == "M25.5"
