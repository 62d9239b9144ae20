"""The strict profile in text typed without marks: a surname, the middle 'thi' or 'van' and a given name are a
person's name even when the surname or the given name also spells a function word ('ha' hà/hả, 'ban' bạn, 'luc'
lúc, 'la' là); 'thi' as 'thì' after a clause ('tieu duong thi van uong') and 'van' as 'vẫn' before a verb that
follows a person ('bo chau thi di lam') stay."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("ktv cham cuu: ha thi lua, bscki phu trach ky ten", "ha thi lua"),
    ("chong: ban van quyet (lam rung), dua vo di kham", "ban van quyet"),
    ("nguoi trich luc: ma thi hue        bac si phu trach", "ma thi hue"),
    ("nguoi nha ky cam ket la ong noi luc van sinh vi bo chau di lam xa", "luc van sinh"),
])
def test_strict_removes_an_unmarked_name_around_thi_or_van(text, part):
    assert covered(text, part)


@pytest.mark.parametrize("text, part", [
    ("be bi tieu duong thi van uong thuoc deu moi sang", "van uong"),
    ("ba ngoai o nha, bo chau thi di lam cong nhan xa", "thi di"),
])
def test_strict_keeps_thi_and_van_as_words(text, part):
    assert not touched(text, part)
