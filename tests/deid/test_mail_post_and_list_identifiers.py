"""Names where mail and posts put them, foreign bodies named by a body word, birth years in household lists."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_names_in_mail_headers_signatures_and_mentions(rules):
    mail = ("Von/From: Matthias Kröger <m.kroeger@example.de>\nCc: BS Tăng Chí Thanh <tcthanh@example.vn>\n"
            "From: Phòng KHTH <khth@example.vn>\n\nI work for an NGO and we fly home on 20.12.\nVielen Dank, Matthias\n"
            "Mobil: +49 171 4406 2231\n")
    names = texts(rules, mail, "NAME")
    assert "Matthias Kröger" in names and "Matthias" in names and "Tăng Chí Thanh" in names
    assert not any("KHTH" in n or "BS" in n for n in names)
    assert "Kwame Asante-Boateng" in texts(rules, "💬 Sophie Tran: @Kwame Asante-Boateng which floor is the desk?", "NAME")


def test_family_name_first_with_a_comma_after_a_name_label(rules):
    assert texts(rules, "Tên BN: HOSSEINI, Arash | PID TLX-INT-0049587", "NAME") == ["HOSSEINI, Arash"]
    assert "KRÖGER, Lena" in texts(rules, "Patient: KRÖGER, Lena   DOB 2019-09-11", "NAME")
    assert texts(rules, "Kết quả: HIV, Lao âm tính", "NAME") == []


def test_foreign_bodies_named_by_a_body_word(rules):
    found = texts(rules, "Bảo lãnh: MSH International GOP. I'm a teacher at the British Council now.", "ORGANIZATION")
    assert "MSH International" in found and "British Council" in found
    assert texts(rules, "Health International standards apply; see Global Health Council guidelines", "ORGANIZATION") == []


def test_birth_years_in_a_household_list(rules):
    text = "Thành viên hộ:\n 1. Đàm Thị Slằng  - vợ  - l963\n 2. Nông Văn Thắm - con - 1991 - đi làm công nhân\n"
    assert texts(rules, text, "DATE") == ["l963", "1991"]
    assert texts(rules, "Con - 2 lần/ngày, uống sau ăn", "DATE") == []
