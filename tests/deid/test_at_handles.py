"""A user name after '@' in lower case ('@thuytien.2k3', '@giang.a.cho.mcc') is a person's handle, the '@' with it.
An e-mail address and a web address with '@' in its path ('tiktok.com/@user/video/...') are not handles."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_lower_case_handles_after_at(rules):
    text = "Cảm ơn @thuytien.2k3 đã chia sẻ bài, @giang.a.cho.mcc inbox giúp mình số tài khoản nhé"
    found = texts(rules, text, "NAME")
    assert "@thuytien.2k3" in found and "@giang.a.cho.mcc" in found


def test_mail_and_web_addresses_are_no_handles(rules):
    text = "Video: tiktok.com/@ythuan/video/7441029385517 — mail bs.lan@example.vn"
    assert texts(rules, text, "NAME") == []
