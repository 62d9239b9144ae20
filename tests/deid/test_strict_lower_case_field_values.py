"""The strict profile and the value of a field that names a person, written in lower case ('mẹ: đỗ thị yến nhi, bán
tạp hóa'): the name syllables after the field and ':' up to the end of the line, a
column gap or a comma go; speech after a speaker's role ('bs: chị uống thuốc chưa') and a common word alone stay."""
from __future__ import annotations

from tests.deid.helpers import strict_removed, strict_touched


def test_strict_removes_a_lower_case_name_after_a_person_field():
    text = "cân nặng 22 kg   chiều cao 114 cm\nmẹ: đỗ thị yến nhi, bán tạp hóa, đt liên hệ sau\n"
    assert strict_removed(text, "đỗ thị yến nhi")


def test_strict_keeps_speech_after_a_role():
    text = "bs: chị uống thuốc chưa\nbn: dạ rồi\n"
    assert not strict_touched(text, "chị uống thuốc chưa")
