"""The strict profile in text typed without marks: a province or district of two words or more in lower case
('nha trang', 'mong cai', 'long xuyen') is a place when its words make no ordinary word once folded, with each other
or with the words beside them; 'dien bien' (diễn biến), 'van ban' (văn bản) and a count of people ('hai chau') stay."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("toi nay e cho ba ngoai xuong nha trang kham lai nha", "nha trang"),
    ("chong em chay xe hang o mong cai, ve nha 2 tuan 1 lan", "mong cai"),
    ("ba song mot minh o long xuyen, con gai o xa", "long xuyen"),
])
def test_strict_removes_an_unmarked_place_of_several_words(text, part):
    assert covered(text, part)


@pytest.mark.parametrize("text, part", [
    ("dien bien benh on dinh, het sot tu hom qua", "dien bien"),
    ("em voi hai chau chay sang nha hang xom", "hai chau"),
    ("phong ke hoach gui van ban cho khoa nhi", "van ban"),
])
def test_strict_keeps_ordinary_words_that_spell_a_place(text, part):
    assert not touched(text, part)
