"""The strict profile and the name of a people (an ethnic group), which is no identifier: after a people head and
a field's colon ('Dân tộc: Cơ Tu', 'Dân tộc: Nùng'), and, for a people of two words or more, anywhere ('| Xơ Đăng |'
in a table, 'a Cơ Tu family', 'dân ca Gié-Triêng', 'Bru-Vân Kiều'). A person's name beside it still goes."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.replace("-", " ").split()}


@pytest.mark.parametrize("text, people", [
    ("Giới tính: Nữ   Dân tộc: Cơ Tu   Quốc tịch: Việt Nam", "Cơ Tu"),
    ("- Dân tộc: Nùng       Quốc tịch: Việt Nam", "Nùng"),
    ("| 2 | 2018 | Xơ Đăng | hộ nghèo |", "Xơ Đăng"),
    ("The child is from a Cơ Tu family living in the mountains.", "Cơ Tu"),
    ("em chăm ngoan, hát dân ca Gié-Triêng rất hay", "Gié Triêng"),
    ("BN nam 68 tuổi, Bru-Vân Kiều, nguyên trưởng bản.", "Vân Kiều"),
])
def test_strict_keeps_the_name_of_a_people(text, people):
    assert not removed_words(text) & set(people.split())


def test_strict_still_removes_a_name_beside_a_people():
    text = "| 3 | Zơ Râm Thị Sang | 2021 | Cơ Tu |"
    got = removed_words(text)
    assert "Sang" in got and "Tu" not in got
