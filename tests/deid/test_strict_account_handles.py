"""The strict profile and an account name after its platform or 'nick' ('zalo: lanpham88', 'nick tiktok là
bongbong.mommy'): the name goes; a word that only begins with a cue ('account', 'idea', 'tkinter') is no cue and
leaves the rest of itself alone."""
from __future__ import annotations

from tests.deid.helpers import strict_removed, strict_touched


def test_strict_removes_the_handle_after_its_platform():
    assert strict_removed("con gái hay nhắn qua zalo: lanpham88 mỗi tối", "lanpham88")


def test_strict_keeps_account_whole():
    assert not strict_touched("He sent $100 to the account above, stay strong em", "account")


def test_strict_keeps_idea_whole():
    assert not strict_touched("the idea was to come back next week for the sputum test", "idea")
