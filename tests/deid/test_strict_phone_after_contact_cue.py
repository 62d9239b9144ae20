"""The strict profile and a phone number grouped by dots like an amount of money: right after a contact cue and a
colon ('ĐT: 8.553.217', OCR'd '8.553.2l7') it is a phone number; the same shape with a currency, or after a
cost word, is money and stays."""
from __future__ import annotations

from tests.deid.helpers import strict_removed, strict_touched


def test_strict_removes_a_dotted_number_after_a_phone_cue():
    text = "10. Người nhà khi cần báo tin: chồng Phan Văn Tú, ĐT: 8.553.2l7\n11. Vào viện: 9 giờ"
    assert strict_removed(text, "8.553.2l7")


def test_strict_removes_a_dotted_number_after_tel():
    assert strict_removed("Phòng khám Hòa Lạc, Tel. 3.822.104, mở cửa 7h", "3.822.104")


def test_strict_keeps_money_after_a_phone_cue_with_its_currency():
    assert not strict_touched("ĐT: 1.250.000đ tiền thuốc tháng này", "1.250.000")


def test_strict_keeps_money_after_a_cost_word():
    assert not strict_touched("Tiền thuốc: 1.250.000 trả tại quầy", "1.250.000")
