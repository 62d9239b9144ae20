"""A one-word name found after a kinship or role cue ('me Dau hoi', 'bé Bống', 'chi Siobhan') names the same person
where the word recurs as written and capitalised without a cue: inside a sentence of lower-case words ('cho Dau ve',
'đưa Bống xuống'), or alone on its line as a sign-off. A people or its language ('tiếng Dao') and a word making an
ordinary phrase with its neighbour ('Chữ ký') stay words."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_unmarked_chat_name_recurs_mid_sentence(rules):
    chat = ("10/12/2026 15:31 Pi Nang Hoa: da c Vy, me Dau hoi: no an dc ko, co danh ai ko\n"
            "10/12/2026 15:40 Pi Nang Hoa: ba hoi khi nao Dau ve an tet dc ko. gia dinh muon lam le khi Dau ve\n")
    assert texts(rules, chat, "NAME").count("Dau") == 3


def test_marked_name_recurs_mid_sentence(rules):
    text = ("Nhóm Zalo: \"Bé Bống khám bs Vinh\"\n"
            "20:31 05/12 Mẹ Thảo: bs ơi bé Bống ho từ chiều\n"
            "22:20 05/12 BS Vinh: Sáng thứ Hai đưa Bống xuống khám lại, cân lại nhé.\n")
    assert texts(rules, text, "NAME").count("Bống") == 3


def test_sign_off_alone_on_its_line(rules):
    mail = ("Dear chi Siobhan, this is the family I told you about.\n"
            "Please use client codes only.\n"
            "Cheers,\n"
            "Siobhan\n")
    assert texts(rules, mail, "NAME").count("Siobhan") == 2


def test_people_and_ordinary_phrases_stay_words(rules):
    text = ("Họ tên: Bàn Thị Mùi, em Dao ở bản Khe Lánh. Em nói tiếng Dao và tiếng Việt.\n"
            "Người nhận: chị Chữ\n"
            "Chữ ký của người nhận\n"
            "Chữ\n")
    names = texts(rules, text, "NAME")
    assert names.count("Dao") == 1
    assert names.count("Chữ") == 2  # the cued one and the sign-off, never the phrase
