"""The strict profile reads a chat's one-letter kinship word (a = anh, c = chị, e = em; words.yaml chat_kin) like
the word it shortens: the given name after it goes when it carries its marks, and the letter after a word that
takes a letter as a label ('vitamin c', 'nhóm a'), a phrase ('e quản lý') or a chat typed without marks stays."""
from __future__ import annotations

from tests.deid.helpers import strict_covered as covered, strict_touched as touched


def test_strict_given_name_after_a_short_kinship_word():
    assert covered("ok em, bảo a quyết qua trạm trước 10h lấy thuốc nhé", "quyết")
    assert covered("nhắn vợ anh ấy là c piêng mang sổ khám lên", "piêng")


def test_strict_keeps_a_letter_label_before_a_given_name():
    text = "bổ sung vitamin c hoà tan, xét nghiệm nhóm a bình thường"
    assert not touched(text, "hoà") and not touched(text, "bình")


def test_strict_keeps_a_word_after_a_short_kinship_word():
    assert not touched("tháng này trạm e quản lý 3 bệnh nhân lao", "quản")
    assert not touched("Lan Phạm: ba e nhap vien chieu nay roi c", "nhap")
