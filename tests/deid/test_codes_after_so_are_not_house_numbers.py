"""After 'số' a code that opens with two letters or more and holds digits ('XN26-1142', 'PVI-HC-2026-0881455',
'CT-2612-0457') is a record's or a card's number, never a house number: it is an ID, and no LOCATION starts at
'số'. A house number ('số 12A', 'số 45/3') still opens an address."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_record_codes_after_so(rules):
    text = ("Mẫu đờm gửi CDC tỉnh, mẫu số XN26-1142. Bảo hiểm: thẻ PVI Care số PVI-HC-2026-0881455. "
            "Giấy chuyển tuyến so CT-2612-0457 trên HIS.")
    places = texts(rules, text, "LOCATION")
    assert not any(p.lower().startswith("s") for p in places)
    ids = texts(rules, text, "ID")
    assert "PVI-HC-2026-0881455" in ids and "CT-2612-0457" in ids


def test_house_numbers_after_so(rules):
    places = texts(rules, "Địa chỉ: số 12A ngõ 5 Lê Lợi, phường 3. Con gái ở số 45/3 đường Trần Phú.", "LOCATION")
    assert any(p.startswith("số 12A") for p in places) and any(p.startswith("số 45/3") for p in places)
