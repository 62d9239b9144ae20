"""A name span holds the identifier, not what stands beside it: a role or field tag in capitals after a name inside
a sentence ('chị Yến CTXH 0914 ...', 'chồng Lò Văn Sang ĐT 0329 ...') and a professional title before it ('bs Hanh
05/12 19:10:', 'Dr Satō') are left out; a surname that folds like a kinship word ('Bàn', 'Võ', 'Bế') is kept, and a
chat handle keeps its role tag ('Thảo DS:')."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_tag_in_capitals_after_a_name_in_a_sentence(rules):
    text = ("Cần hỗ trợ thủ tục thì gọi chị Yến CTXH 0914 226 305 trong giờ hành chính. "
            "Người nhà: chồng Lò Văn Sang ĐT 0329 617 045, ở cùng bệnh nhân.")
    names = texts(rules, text, "NAME")
    assert "Yến" in names and "Lò Văn Sang" in names
    assert not any("CTXH" in n or "ĐT" in n for n in names)


def test_professional_title_before_a_chat_sender(rules):
    chat = ("nhom zalo lop phu san\n"
            "Ha Vy 05/12 19:08: bs oi ban em bi ra mau nhe\n"
            "bs Hanh 05/12 19:10: ok e, cho ban nam nghi\n"
            "Ha Vy 05/12 19:12: da e cam on bs\n"
            "bs Hanh 05/12 19:15: mai ban di kham lai nhe\n")
    names = texts(rules, chat, "NAME")
    assert names.count("Hanh") == 2
    assert not any(n.lower().startswith("bs") for n in names)


def test_english_title_left_out(rules):
    names = texts(rules, "Next follow-up visit in March, Dr Satō confirmed by e-mail.", "NAME")
    assert names == ["Satō"]


def test_surnames_that_fold_like_kinship_words_stay(rules):
    text = ("Kế toán: Bế Văn Quang. Người dùng thuốc: Bàn Văn Kiềm, 61 tuổi. "
            "BS điều trị: Võ Thanh Tâm.")
    names = texts(rules, text, "NAME")
    for full in ("Bế Văn Quang", "Bàn Văn Kiềm", "Võ Thanh Tâm"):
        assert full in names


def test_chat_handle_keeps_its_role_tag(rules):
    chat = ("01/12 08:40 Thảo DS: e ơi thuốc lao chưa về\n"
            "01/12 08:45 Ngân Lê: dạ chiều nay về ạ\n"
            "01/12 09:07 Thảo DS: cảm ơn e\n")
    assert texts(rules, chat, "NAME").count("Thảo DS") == 2
