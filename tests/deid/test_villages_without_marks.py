"""A chat typed without marks or capitals: a village after 'thon' / 'xom' is taken when 1-3 words end at a dash, a
comma, a full stop or the line's end, even when no gazetteer knows it; 'xa' (also 'far') only before a known place
that ends the phrase. Pronouns and verbs are no village ('thon e 2 chau', 'em thon tha di ve')."""
from __future__ import annotations

from tests.deid.helpers import texts

CHAT = ("ds chau can tiem bu:\n"
        "1. chau trang a lu 2 tuoi, thon pac ngoi - mui soi 1\n"
        "2. chau ma thi dung, xom lung vai, bo di lam xa\n"
        "nhom zalo ca tiem chung xa thuong lam\n"
        "thon e 3 chau chua tiem\n"
        "em thon tha di ve thoi\n")


def test_village_names_without_marks(rules):
    places = " | ".join(texts(rules, CHAT, "LOCATION"))
    assert "pac ngoi" in places and "lung vai" in places and "thuong lam" in places


def test_pronouns_and_verbs_are_no_village(rules):
    places = " | ".join(texts(rules, CHAT, "LOCATION"))
    assert "thon e" not in places and "tha di" not in places and "lam xa" not in places
