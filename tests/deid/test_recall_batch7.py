"""Recall fixes found on the seventh batch of hand-written development notes (sentences written for these
tests, not copied from any note)."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer


@pytest.fixture(scope="module")
def rules():
    return Analyzer(model=None)


def texts(an, text, label=None):
    return [s.text for s in an.analyze(text) if label is None or s.label == label]


# --- NAME -----------------------------------------------------------------------------------------
def test_chat_handle_outside_the_lexicon(rules):
    chat = ("Zalo nhóm lớp\nMít Ướt: mn ơi mai đi thăm cô không\nMinh Châu: đi chứ, mấy giờ\n"
            "Mít Ướt: 9h sáng nha\nHải Yến 🌷: t đi được\n")
    got = texts(rules, chat, "NAME")
    assert got.count("Mít Ướt") == 2 and "Hải Yến" in got
    # a form's field labels are never handles, even when capitalised twice
    form = "Địa Chỉ: 12 Lê Lợi\nGhi Chú: không\nĐịa Chỉ: 14 Lê Lợi\nGhi Chú: không\n"
    assert texts(rules, form, "NAME") == []


def test_given_name_after_a_staff_title_or_in_a_signature_slot(rules):
    assert texts(rules, "Người nhà chờ BS Nam giải thích kết quả.", "NAME") == ["Nam"]
    assert texts(rules, "Bệnh nhân nam, 45 tuổi.", "NAME") == []
    got = texts(rules, "| 03/04 | 7h10 | 80 | đã ký | Quyên |\n| 04/04 | 7h30 | 80 | đã ký | Tuấn | BN ổn", "NAME")
    assert got == ["Quyên", "Tuấn"]
    assert texts(rules, "tổng đài viên Phượng xin nghe ạ", "NAME") == ["Phượng"]


def test_romanised_foreign_names(rules):
    got = texts(rules, "Patient: PARK Min-jun     DOB: 1988-02-11\nNgười liên hệ: chồng Choi Hyun-woo, ĐT 0912 448 301", "NAME")
    assert got == ["PARK Min-jun", "Choi Hyun-woo"]
    assert texts(rules, "Khám bởi BS TANAKA Kenji, phiên dịch có mặt.", "NAME") == ["TANAKA Kenji"]
    # a pressure reading or a unit in capitals is no surname
    assert texts(rules, "HA 130/85, SpO2 97%. ICU Phase-two protocol.", "NAME") == []


def test_khmer_name_in_capitals_and_highlands_surname(rules):
    got = texts(rules, "NGƯỜI NHÀ: VỢ THẠCH THỊ SA RÊN, BUÔN BÁN, ĐT 0377 210 934.", "NAME")
    assert got == ["THẠCH THỊ SA RÊN"]
    got = texts(rules, "NGƯỜI NHÀ: CHỒNG SOK CHAN THY, LÀM RẪY.", "NAME")
    assert got == ["SOK CHAN THY"]
    assert texts(rules, "Hồ sơ lưu: Rơ Mah Plưi, làng Ia Ke.", "NAME") == ["Rơ Mah Plưi"]
