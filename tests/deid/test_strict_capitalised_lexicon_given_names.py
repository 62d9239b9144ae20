"""The strict profile and a capitalised given name whose letters are also a clinical-lexicon or English word ('Quân'
of the herbal formula 'Tứ quân tử thang', 'Ban' a rash and the English 'ban', 'Tâm' of 'tâm thần'): alone in a
Vietnamese sentence it is a person ('file do Quân chạy OCR', '2,4 Ban băng huyết'); inside an ordinary word of two
syllables ('khoa Tâm thần', 'Phần Hành chính'), a drug name or English prose it stays."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_removed, strict_touched


@pytest.mark.parametrize("text, name", [
    ("Bản scan lưu ngày 04/12, file do Quân chạy OCR, chưa sửa lỗi.", "Quân"),
    ("Sổ đẻ: 2 TYT nữ 2,4 Ban băng huyết sau đẻ, chuyển tuyến.", "Ban"),
    ("Hồ sơ đã soát lại xong, người soát: bởi Quân] trước khi gửi.", "Quân"),
])
def test_strict_removes_a_lexicon_given_name_alone_mid_sentence(text, name):
    assert strict_removed(text, name)


@pytest.mark.parametrize("text, word", [
    ("Bệnh nhân khám tại khoa Tâm thần, chẩn đoán trầm cảm.", "Tâm"),
    ("Phiếu khám: mục Hành chính ghi đủ, chữ ký người bệnh.", "Hành"),
    ("Lương y kê bài Tứ quân tử thang gia giảm, uống 10 thang.", "quân"),
    ("Ghi chú của điều dưỡng: the family said the Ban on visits was lifted last week.", "Ban"),
])
def test_strict_keeps_a_lexicon_word_in_its_word_or_prose(text, word):
    assert not strict_touched(text, word)
