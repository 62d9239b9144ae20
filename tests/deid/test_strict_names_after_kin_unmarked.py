"""The strict profile in chats typed without marks: a capitalised given-name syllable right after a kinship word or
title, shortened ('a', 'e', 'c') or not ('anh', 'chi'), is that person's name even when its letters also spell a
common or clinical word ('Tien' tiền, 'Lan'); drug names and lower-case words after a kinship word stay."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("hom truoc a Tien ghi so BHYT vao phieu roi", "Tien"),
    ("e hoi lai c Lan o phong ke hoach nhe", "Lan"),
    ("chieu nay anh Tien tra ket qua xet nghiem cho bo", "Tien"),
    ("sang mai chi Lan truc, e goi chi ay nhe", "Lan"),
])
def test_strict_removes_a_given_name_after_kin_in_text_without_marks(text, part):
    assert covered(text, part)


@pytest.mark.parametrize("text, part", [
    ("me e uong Paracetamol 2 vien roi", "Paracetamol"),
    ("bo e ho nhieu, a xem giup e", "xem"),
])
def test_strict_keeps_drugs_and_words_after_kin(text, part):
    assert not touched(text, part)
