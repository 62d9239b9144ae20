"""A home name said as a field ('Bé: tên ở nhà là Tí;', 'tên thân mật: Bống,') is a NAME, as one after 'gọi là';
a phrase that is no name after such a cue word ('biệt danh của thuốc là gì') is not."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_home_name_fields(rules):
    text = "- Bé: tên ở nhà là Tí; tiêm vitamin K1 và viêm gan B.\n- Anh trai: tên thân mật: Bống, 4 tuổi.\n"
    names = texts(rules, text, "NAME")
    assert "Tí" in names and "Bống" in names


def test_cue_word_without_a_name(rules):
    assert texts(rules, "biệt danh của thuốc là gì vậy bác sĩ", "NAME") == []
