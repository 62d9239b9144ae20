"""The strict profile and chat speakers in text with marks: a role word is compared as written, so a surname
that folds to a role ('võ' and 'vợ', 'chị' and 'chỉ') goes with the speaker's name; a form field's label before
':' at line start ('Địa chỉ:') is no speaker, and an age said after 'Age:' goes."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans

CHAT = """[09/02 13:38] khoa võ: bác sĩ ơi, con em lại sốt
[09/02 13:40] bs hạnh: cho bé uống hạ sốt nhé
[18:46] khoa võ: dạ rồi ạ, bây giờ bé đỡ
[18:50] vợ khoa: cảm ơn bác sĩ"""


def removed(text: str, part: str, nth: int = 0) -> bool:
    i = -1
    for _ in range(nth + 1):
        i = text.index(part, i + 1)
    return any(s.start <= i < s.end for s in strict_spans(text, []))


def test_strict_removes_a_speaker_surname_that_folds_to_a_role():
    assert removed(CHAT, "võ") and removed(CHAT, "võ", 1)


def test_strict_keeps_the_role_of_a_speaker():
    assert not removed(CHAT, "vợ khoa")


def test_strict_keeps_a_form_field_label_before_its_colon():
    text = ("CÔNG TY TNHH PHÒNG KHÁM AN PHÚC\nMã số thuế: 0312 445 118\nĐịa chỉ: 12 Lê Lợi, Quận 1\n"
            "Hóa đơn số 0045\nĐịa chỉ: 40 Pasteur, Quận 3\nKhách hàng: Trần Minh")
    assert not removed(text, "Địa chỉ") and not removed(text, "Địa chỉ", 1)


def test_strict_removes_an_age_in_words_after_an_english_label():
    assert removed("DOB: một nghìn chín trăm bốn mươi   Age: tám mươi lăm   Sex: F", "tám mươi lăm")


def strict_names(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, []) if s.label == "NAME"]


def test_strict_takes_a_name_after_a_kinship_word_that_folds_to_a_role():
    # ('chi', 'võ', 'di' fold to 'chị', 'vợ', 'dì': compared as written, they are names)
    assert "võ" in strict_names("nhờ cô võ gọi lại cho anh di nhé")
    assert "chi" in strict_names("hôm qua cảm ơn chị chi nhé")


def test_strict_keeps_a_form_phrase_after_a_title():
    assert strict_names("xin bác sĩ mã bệnh nhân hay số thẻ để em tra") == []
