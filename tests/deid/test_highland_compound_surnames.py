"""A Cơ Tu family name of two syllables ('A Lăng', 'Zơ Râm') opens the full name in a table cell, after a field label
and in brackets, not only after a kinship word."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_two_syllable_highland_surname_opens_the_name(rules):
    text = ("| 2 | A Lăng Thị Bơ | 2019 | Cơ Tu |\nMẹ: Zơ Râm Thị Lúa   Nghề nghiệp: làm rẫy\n"
            "Nhận xét GVCN (A Lăng Thị Hiên): em ngoan")
    names = texts(rules, text, "NAME")
    assert "A Lăng Thị Bơ" in names and "Zơ Râm Thị Lúa" in names and "A Lăng Thị Hiên" in names
