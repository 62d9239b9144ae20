"""A full name typed in lower case around Văn / Thị keeps its two-syllable family name ('pi năng thị hòa', 'ka tơ
thị huyền': Raglai and Churu family names of the compound-surname list), not only the syllable before Thị."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_compound_family_name_in_lower_case(rules):
    text = ("alo chị ơi em là hòa nè pi năng thị hòa ở trạm y tế xã sơn bình đây con gái bác là ka tơ thị huyền "
            "mười hai tuổi đang sốt cao từ hôm qua em dặn chị đưa cháu xuống trạm sớm nha")
    names = texts(rules, text, "NAME")
    assert "pi năng thị hòa" in names and "ka tơ thị huyền" in names
