"""A chat handle that carries its owner's role tag and workplace after the name ('Thu Hằng YTTB Sơn Kỳ 05/12 20:14:',
'Minh Tú CTV:'): the whole display name is the NAME, with the day and clock after it; a full name of four words with
a middle name ('Pơ Loong Thị Hoa:') is a handle too; a heading with an acronym stays no name."""
from __future__ import annotations

from tests.deid.helpers import texts

CHAT = ("[Zalo] nhom ho tro ca benh\n"
        "Nguyen Van Khai 05/12 20:10: chi hang oi ba toi nay kho tho qua\n"
        "Thu Hang YTTB Son Ky 05/12 20:14: anh cho ba ngoi day, dem nhip tho giup em\n"
        "Nguyen Van Khai 05/12 20:16: 32 lan 1 phut chi\n"
        "Thu Hang YTTB Son Ky 05/12 20:18: anh dua ba ra tram lien nha, em goi xe\n"
        "05/12 20:30 Minh Tú CTV: em tới rồi, chị yên tâm\n"
        "05/12 20:31 Pơ Loong Thị Hoa: cảm ơn em nhiều\n"
        "05/12 20:40 Minh Tú CTV: đã đo SpO2 91%\n"
        "05/12 20:41 Pơ Loong Thị Hoa: dạ\n")


def test_role_tag_and_workplace_belong_to_the_handle(rules):
    names = texts(rules, CHAT, "NAME")
    assert names.count("Thu Hang YTTB Son Ky") == 2
    assert names.count("Minh Tú CTV") == 2


def test_four_word_handle_with_a_middle_name(rules):
    assert texts(rules, CHAT, "NAME").count("Pơ Loong Thị Hoa") == 2


def test_heading_with_an_acronym_is_no_handle(rules):
    text = "Kết quả XN 05/12 08:00: Hb 10,2 g/dL\nGhi chú CTXH: gia đình khó khăn\nTư vấn BHYT: đúng tuyến\n"
    names = texts(rules, text, "NAME")
    assert not any("XN" in n or "CTXH" in n or "BHYT" in n for n in names)
