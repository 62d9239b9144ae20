"""An exported chat may stamp each message with an English date before its sender ('Thu 26 Nov 2026, 19:02 Jihoon
Park: ...', '27 Nov 2026 08:10 - Minseo Kim: ...'): the sender is read as after any other stamp, the stamp itself is a
date."""
from __future__ import annotations

from tests.deid.helpers import texts

CHAT = ("Thu 26 Nov 2026, 19:02 Jihoon Park: my mother has fever since yesterday\n"
        "Thu 26 Nov 2026, 19:05 Lê Thu Hà: chị cho bác uống hạ sốt nhé\n"
        "Thu 26 Nov 2026, 19:09 Jihoon Park: ok thank you\n"
        "27 Nov 2026 08:10 - Minseo Kim: she is better today\n")


def test_senders_after_english_date_stamps(rules):
    found = texts(rules, CHAT, "NAME")
    assert found.count("Jihoon Park") == 2 and "Minseo Kim" in found and "Lê Thu Hà" in found


def test_stamps_are_dates(rules):
    assert "Thu 26 Nov 2026, 19:02" in texts(rules, CHAT, "DATE")
