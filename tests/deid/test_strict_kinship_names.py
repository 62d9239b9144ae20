"""The strict profile after a kinship word in lower case: a surname that is also an ordinary word starts a name
whose next syllable is in no list ('bác nông páy'); after an ordinary word only name syllables follow, so a
profession stays ('anh nông dân')."""
from __future__ import annotations

from tests.deid.helpers import strict_covered as covered
from vimednlp.deid.strict import strict_spans


def test_strict_a_surname_that_is_a_word_starts_a_name_after_a_kinship_word():
    assert covered("em gọi hỏi thăm bác nông páy ra viện hôm trước ạ", "nông páy")


def test_strict_keeps_a_profession_after_a_kinship_word():
    text = "anh nông dân ở xã bên, chị làm ruộng"
    assert not any(s.start <= text.index("dân") < s.end for s in strict_spans(text, []))


def test_strict_keeps_soon_after_a_kinship_word_in_a_wish():
    # ('mong bé mau khỏe': 'mau' is 'soon', no name; words.yaml after_person_keep)
    text = "💬 Lê Quang Đạt: đã ck 500k, mong cháu mau khỏe 🙏\n💬 Sơn Vươl: mong bé mau khỏe nha\n"
    assert not any("mau" in s.text for s in strict_spans(text, []))
