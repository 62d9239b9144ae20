"""A dictated note spells a test abbreviation by the Vietnamese names of its letters and its digits (`sờ pê ô hai` =
SpO2, `xê rê pê` = CRP, `en ét một` = NS1, `gờ sáu pê đê` = G6PD, `en tê pro bê en pê` = NT-proBNP, typed chunks:
`spo hai`). Letter names are data (spoken.yaml letter_names); a run counts only when it spells an abbreviation of the
lexicon, and a drug name said in syllables (`pa ra xê ta mon`) keeps its letter-like syllables."""
from __future__ import annotations

from vimednlp.clinical import extract


def labelled(text, label):
    return [s.text for s in extract(text) if s.label == label]


def test_letter_names_spell_tests():
    text = ("mạch một trăm lẻ tám, sờ pê ô hai chín mươi mốt phần trăm, xê rê pê ba mươi hai mi li gam trên lít, "
            "làm thêm gờ sáu pê đê, en tê pro bê en pê test nhanh dương tính")
    t = labelled(text, "TEST")
    for x in ("sờ pê ô hai", "xê rê pê", "gờ sáu pê đê", "en tê pro bê en pê"):
        assert x in t


def test_typed_chunk_with_a_spoken_digit():
    assert "spo hai" in labelled("nhịp thở bốn mươi tám lần một phút spo hai chín mươi tư phần trăm", "TEST")


def test_drug_said_in_syllables_keeps_them():
    d = labelled("em có cho uống pa ra xê ta mon một trăm tám mươi mi li gam lúc năm giờ chiều", "DRUG")
    assert "pa ra xê ta mon" in d


def test_chat_words_spell_nothing():
    assert labelled("ca nha so lam a, bo em co ho ko em", "DRUG") == []


def test_a_kinship_word_and_a_possessive_are_no_spelt_letters():
    # `bo e` typed without marks is bố em (folded it also reads `bờ ê` = BE, a blood-gas test)
    from vimednlp.clinical.spoken import value_edits

    text = "[07:20] Tuan: ko a. bo e ngay xua cung bi lao, uong thuoc hai lan mot ngay"
    assert not any(new == "BE" for _, _, new in value_edits(text))
    assert "bo e" not in labelled(text, "TEST")
