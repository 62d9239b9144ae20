"""Chat words that are also short form labels or unit words: 'dc' / 'đc' (được) before a full stop opens no address
field ('ko o nha dc. Qua cua khau ...'), only 'Đc:' with a colon does; unmarked 'chua' (chưa, not yet) is no pagoda
before a word that happens to be a place ('chua dieu tri'); the national motto and the 'Thành tiền' column are no
names ('CÔNG HOÀ XÃ HỘI ...' with its marks lost by OCR)."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_dc_before_a_full_stop_opens_no_address(rules):
    text = ("toi: rang sung vay k de o nha dc. Mai qua benh vien huyen som, e nho mang giay to nha\n"
            "Dc: 45 Tran Hung Dao, phuong 5, TP Ca Mau\n")
    places = texts(rules, text, "LOCATION")
    assert not any("Mai qua" in p for p in places)
    assert any(p.startswith("45 Tran Hung Dao") for p in places)


def test_unmarked_not_yet_is_no_pagoda(rules):
    text = "nghi viem phoi chua dieu tri, chua kham o dau, chi o nha uong thuoc nam"
    assert texts(rules, text, "LOCATION") == []


def test_motto_and_amount_column_are_no_names(rules):
    text = ("CÔNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "| STT | Họ tên | Thuốc | SL | Thành tiền |\n| 1 | Danh Thị Nâng | TLD | 30 | 0 |\n")
    names = texts(rules, text, "NAME")
    assert "Danh Thị Nâng" in names and not any("CÔNG" in n or n.startswith("Thành") for n in names)
