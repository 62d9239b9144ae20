"""A number opening lines numbered in sequence (a bill or a register OCR'd or typed without column separators) is a
row's number, not a house number: '1 Kham cap cuu ...', '2 Cong thuc mau ...' hold no street. A house number before a
street on a line of its own, or in a sentence, is still an address."""
from __future__ import annotations

from tests.deid.helpers import texts

BILL = ("BANG KE CHI PHI\nSTT Noi dung SL Don gia Thanh tien\n"
        "1 Kham cap cuu ngoai gio 1 450.000 450.000\n"
        "2 Cong thuc mau 1 120.000 120.000\n"
        "3 Dich truyen + vat tu 4 85.000 340.000\n"
        "4 Giuong luu theo doi 1 900.000 900.000\n"
        "TONG CONG 1.810.000")


def test_row_numbers_of_an_unseparated_table_are_no_addresses(rules):
    assert texts(rules, BILL, "LOCATION") == []


def test_house_number_before_a_street_stays_an_address(rules):
    text = "Người nhà: con trai Đinh Văn Lộc, ở 47 Lê Hồng Phong, phường Phước Hải, điện thoại 0905 338 214."
    assert any(t.startswith("47 Lê Hồng Phong") for t in texts(rules, text, "LOCATION"))


def test_address_lines_in_a_list_stay_addresses(rules):
    text = ("Địa chỉ liên hệ:\n"
            "15 Trần Quang Khải, phường Tân Định\n"
            "Người giám hộ: Phạm Thị Lụa")
    assert any("15 Trần Quang Khải" in t for t in texts(rules, text, "LOCATION"))
