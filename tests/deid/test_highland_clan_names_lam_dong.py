"""Cơ Ho, Churu and Mạ clan names of two syllables ('Liêng Hót', 'Kră Jăn', 'Bon Niêng') open a person's full
name in a table cell or after a kinship word, as the Gia Rai and Cơ Tu ones do."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_two_syllable_lam_dong_clan_name_opens_the_name(rules):
    text = ("| 2 | Kră Jăn Ha Thúy | 9 tuổi | F |\n"
            "Người nhà: chồng Bon Niêng Ha Tuyên, làm rẫy cà phê.")
    names = texts(rules, text, "NAME")
    assert "Kră Jăn Ha Thúy" in names and "Bon Niêng Ha Tuyên" in names
