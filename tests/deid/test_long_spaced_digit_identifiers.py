"""Identifiers spelled digit by digit: a bank account of 13-14 digits typed with a space between each digit after a
bank's name ('Agribank 0 0 7 1 ...'), a BHYT card whose digits are spaced after its group code and level
('GD4 7 9 ...'), and an OCR'd last digit read as a letter ('... 5 5 l'). A spaced run counting up (a score line) or
short spaced numbers stay."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_thirteen_digit_account_after_bank_name(rules):
    text = "chi chuyen giup em vo Agribank 0 0 7 1 0 0 5 9 3 8 2 4 6 ten Tran Thi Be nha"
    assert "0 0 7 1 0 0 5 9 3 8 2 4 6" in " ".join(texts(rules, text, "ID"))


def test_fourteen_digit_account_spaced(rules):
    text = "STK BIDV: 0 1 2 3 4 4 0 9 8 1 7 7 2 5 chủ TK Phạm Văn Lộc"
    assert any("0 1 2 3 4 4 0 9 8 1 7 7 2 5" in s for s in texts(rules, text, "ID"))


def test_bhyt_digits_spaced_with_ocr_last_digit(rules):
    text = "Số thẻ BHYT: GD4 7 9 1 8 2 0 6 4 4 1 7 l / Chẩn đoán: tăng huyết áp"
    ids = texts(rules, text, "ID")
    assert any(s.startswith("GD4") and s.endswith("l") for s in ids)


def test_bhyt_digits_spaced_clean(rules):
    text = "BHYT HT3 7 9 2 1 5 0 3 3 8 4 0 2 còn hạn"
    assert any(s.startswith("HT3") and s.endswith("2") for s in texts(rules, text, "ID"))


def test_score_lines_and_short_numbers_stay(rules):
    for text in ("Thang điểm đau: 0 1 2 3 4 5 6 7 8 9 10 l",
                 "Mạch 8 0 lần, uống 2 l nước mỗi ngày"):
        assert texts(rules, text, "ID") == []
