"""An English e-mail names its addressee after a salutation ('Hi Jack,', 'Dear Ms Whitcombe,') and its writer after a
short sign-off ('Best, Bích Trâm', 'Thank you, Daniel'). A group or a function addressed ('Dear Sir/Madam,',
'Hi team,') and 'Best' inside a sentence are no name."""
from __future__ import annotations

from tests.deid.helpers import texts

MAIL = ("> Re: refill before I fly to Perth — Fri, 4 Dec 2026 08:37\n"
        "> Hi Oliver, yes we can dispense a 3-month refill on Monday.\n"
        "> Please bring your passport.\n"
        "> Best, Thu Hằng\n")


def test_addressee_after_a_salutation(rules):
    assert "Oliver" in texts(rules, MAIL, "NAME")


def test_writer_after_a_short_sign_off(rules):
    assert "Thu Hằng" in texts(rules, MAIL, "NAME")


def test_groups_and_best_in_a_sentence_are_no_name(rules):
    text = ("Dear Sir/Madam, please find the discharge summary attached.\nHi team, the patient is stable.\n"
            "The Best, Fastest route was taken by ambulance.")
    assert texts(rules, text, "NAME") == []
