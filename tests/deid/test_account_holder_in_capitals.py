"""A bank transfer line names the account's holder in capitals after 'holder' (no colon): a name."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_holder_name_in_capitals(rules):
    text = "Pls transfer the deposit to 0071 0045 2291 at Vietcombank, account holder CHEN YU TING, then send the slip."
    assert "CHEN YU TING" in texts(rules, text, "NAME")


def test_card_brand_after_cardholder_is_no_name(rules):
    assert texts(rules, "Cardholder VISA GOLD expired last month.", "NAME") == []
