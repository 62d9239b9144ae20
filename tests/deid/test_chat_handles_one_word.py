"""A chat speaker's handle of one capitalised word said three times or more ('[20:02] Kluh:'): a name when no
Vietnamese or English word has its shape; labels and role words ('Note:', 'Admin:') stay."""
from __future__ import annotations

from tests.deid.helpers import texts

CHAT = ("Nhom \"Gia dinh\" (Messenger)\n[20:01] Hnoi Siu: ca nha oi me ra vien roi\n[20:02] Kluh: that hk a\n"
        "[20:03] Hnoi Siu: that, mai ve\n[20:05] Kluh: de e xuong don\n[20:06] Ami Rin: ok\n"
        "[20:07] Kluh: e chuyen tien xe nha\n[20:08] Note: tin nhan da bi xoa\n[20:09] Admin: ok\n[20:10] Note: x\n"
        "[20:11] Admin: nhom se khoa luc 22h\n[20:12] Note: tin nhan da bi xoa\n[20:13] Admin: ok ca nha\n")


def test_one_word_handle_said_three_times_is_a_speaker(rules):
    assert texts(rules, CHAT, "NAME").count("Kluh") == 3


def test_label_and_role_handles_are_no_speakers(rules):
    names = texts(rules, CHAT, "NAME")
    assert "Note" not in names and "Admin" not in names
