"""A dictated note spells a foreign drug name as it sounds, syllable by syllable. Speech drops and softens the
consonants (`au men tin` = Augmentin, `mê tin pret ni so lon` = methylprednisolon), so a long name said in three
syllables or more matches when its whole sound spelling is very close; Vietnamese chemical names of salts are
names too (`ma giê sun phát`, `ka li clo rua`). Ordinary words never become names, and a word is never cut."""
from __future__ import annotations

from vimednlp.clinical import extract


def drugs(text):
    return [s.text for s in extract(text) if s.label == "DRUG"]


def test_softened_foreign_names_said_in_syllables():
    text = ("y lệnh hôm nay mê tin pret ni so lon bốn mươi mi li gam tiêm tĩnh mạch buổi sáng "
            "au men tin một gờ uống ngày hai lần thêm tri hếch xi phe ni đin hai mi li gam")
    d = drugs(text)
    assert "mê tin pret ni so lon" in d
    assert "au men tin" in d
    assert "tri hếch xi phe ni đin" in d


def test_salts_by_their_vietnamese_chemical_names():
    d = drugs("em cho ma giê sun phát bốn gam tiêm tĩnh mạch chậm rồi bù ka li clo rua hai mươi mi li đương lượng")
    assert "ma giê sun phát" in d and "ka li clo rua" in d


def test_a_long_word_is_never_cut_to_start_a_name():
    d = drugs("cho truyền natri clo rua không phẩy chín phần trăm một nghìn mi li lít")
    assert all(not x.startswith("n ") for x in d)
    assert any(x.startswith("natri clo rua") for x in d)


def test_ordinary_syllables_stay_text():
    text = "ấn đau chói đốt sống thắt lưng ba hướng xử trí chuyển sang giường năm sản phụ hoàng thị mai"
    assert drugs(text) == []
