"""In a text written with marks, the Khmer surname 'Chau' (no marks) before capitalised names is part of the NAME
('thầy Chau Sóc Kha'); 'Cháu' with its marks stays a kinship word before a name, and a text without marks keeps
reading 'chau' as 'cháu'."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_unmarked_khmer_surname_after_a_cue(rules):
    text = "Buổi khám ở chùa có thầy Chau Sóc Thi phiên dịch tiếng Khmer cho bà con."
    assert "Chau Sóc Thi" in texts(rules, text, "NAME")


def test_marked_kinship_word_stays_out(rules):
    names = texts(rules, "Bà ngoại dặn Cháu Minh uống thuốc đúng giờ.", "NAME")
    assert "Minh" in names and not any(n.startswith("Cháu") for n in names)
