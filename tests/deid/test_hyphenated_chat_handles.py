"""A hyphenated given name as an exported chat's handle, said twice or more ('Jean-Paul 06/12 08:10:'): a NAME when
its parts are capitalised and no Vietnamese syllable nor English word; a repeated label such as 'Follow-Up:' is none."""
from __future__ import annotations

from tests.deid.helpers import texts

CHAT = ("nhom zalo DOI KHAM LUU DONG\n"
        "Hung Lo 06/12 07:42: chi oi hom nay co 3 ca\n"
        "Jean-Paul 06/12 08:10: ok, please send the list\n"
        "Hung Lo 06/12 08:14: da\n"
        "Jean-Paul 06/12 09:02: thanks\n")


def test_hyphenated_handle_is_a_name(rules):
    assert texts(rules, CHAT, "NAME").count("Jean-Paul") == 2


def test_hyphenated_english_label_is_no_handle(rules):
    text = ("Hung Lo 06/12 07:42: chi oi\n"
            "Follow-Up 06/12 07:50: kham lai\n"
            "Hung Lo 06/12 08:14: da\n"
            "Follow-Up 06/12 09:02: xong\n")
    assert not any("Follow" in n for n in texts(rules, text, "NAME"))
