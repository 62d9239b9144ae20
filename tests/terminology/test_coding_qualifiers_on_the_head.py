"""ICD-10 coding (issue 18, round 9): when only the head of a long mention names a disease, the mention's qualifiers
still choose the subcode (a hernia with obstruction -> K40.3, a pressure ulcer stage 3 -> L89.2, the middle third of
the oesophagus -> C15.4); `không nghẹt` is no obstruction. Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code
from vimednlp.terminology.normalize import norm
from vimednlp.terminology.normalize import qualifier_features


@pytest.mark.parametrize("mention,expected", [
    ("thoát vị bẹn nghẹt bên phải vào viện cấp cứu lúc nửa đêm", "K40.3"),
    ("bà bị loét tì đè vùng cùng cụt độ 3 do nằm lâu", "L89.2"),
    ("ung thư thực quản 1/3 giữa chưa di căn, chờ hóa xạ", "C15.4"),
])
def test_the_head_keeps_the_mention_qualifiers(vi_cache, mention, expected):
    c = code(mention, k=5)
    assert c and c[0].code == expected


def test_no_obstruction_is_not_an_obstruction():
    assert ("obstruction", "yes") in qualifier_features(norm("thoát vị bẹn nghẹt"))
    assert ("obstruction", "yes") not in qualifier_features(norm("thoát vị bẹn không nghẹt"))
    assert ("obstruction", "yes") not in qualifier_features(norm("không tắc hay hoại tử"))


def test_a_hernia_said_not_obstructed_keeps_away_from_the_obstructed_codes(vi_cache):
    # (written with commas the mention is read in parts, whose qualifiers are not read yet)
    c = code("thoát vị bẹn hai bên không tắc không hoại tử", k=5)
    assert c and c[0].code == "K40.2"
    assert ("obstruction", "no") in qualifier_features(norm("không tắc hay hoại tử"))
