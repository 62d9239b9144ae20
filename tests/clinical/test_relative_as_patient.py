"""A note about a relative (a caregiver's chat, `Con trai kể: ...`) uses the kinship word for the patient."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def family(text):
    return {s.text: s.attrs["family"] for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


@pytest.mark.parametrize("text,terms", [
    ("Con gái nhắn: Khoảng nửa năm nay mẹ run tay phải lúc ngồi yên. Mẹ bị tiểu đường với cao huyết áp hơn 10 năm.",
     ["run tay phải", "tiểu đường", "cao huyết áp"]),
    ("bs oi cho e hoi, ma e hom nay met lam, an ko dc, sot nhe toi h", ["met", "sot nhe"]),
    ("c ơi cho e hỏi xíu, ba e 63t bị THA mấy năm r, tối nay ổng kêu nhức đầu", ["THA", "nhức đầu"]),
])
def test_the_relative_who_is_the_patient_gives_no_family_flag(text, terms):
    got = family(text)
    for t in terms:
        assert got[t] is False, t


@pytest.mark.parametrize("text,term", [
    ("Bé 3 tuổi sốt 2 ngày. Mẹ kể: bé ho nhiều. Mẹ bị hen phế quản.", "hen phế quản"),
    ("- Hỏi thêm: mẹ ĐTĐ, em gái loét bàn chân ĐTĐ năm ngoái.", "loét bàn chân ĐTĐ"),
    ("Con trai kể: từ tuần trước bà buồn, hay khóc. Em gái bà bị trầm cảm.", "trầm cảm"),
])
def test_other_relatives_keep_their_family_flag(text, term):
    assert family(text)[term] is True


def test_words_with_other_marks_are_no_relatives():
    # `nói` is no `nội`, `đi` no `dì`, `có` no `cô`: the patient `mẹ` is still found
    text = "Con trai kể: từ tuần trước mẹ buồn, hay khóc, ăn kém. Mẹ nói muốn đi về, có lúc không ngủ."
    assert family(text)["khóc"] is False


def test_a_line_the_patient_speaks_names_a_relative():
    assert family("bn\tmẹ em loét dạ dày lâu r bs ạh\nbn\te k lú lẫn ạ")["loét dạ dày"] is True


def test_a_speaker_label_is_no_patient():
    text = "bn\thôm qua e đi khám\nmẹ bé\tbé nhà e mệt mỏi từ hôm qua\nbn\tmẹ em loét dạ dày lâu r bs ạh"
    assert family(text)["loét dạ dày"] is True


def test_a_sender_who_introduces_themself_as_the_patients_child():
    from vimednlp.clinical import extract
    text = ("Ngọc Anh: chi oi e la con ba Thoa giuong 9 ra vien hom thu 2\n"
            "Ngọc Anh: me e bi ung thu vu, hom nay me met nhieu, non 2 lan\n"
            "Ngọc Anh: ong ngoai e ngay truoc cung bi ung thu da day")
    fam = {s.text: s.attrs["family"] for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}
    assert fam["ung thu vu"] is False and fam["met nhieu"] is False
    assert fam["ung thu da day"] is True


def test_the_introduced_parent_only_is_the_patient():
    from vimednlp.clinical import extract
    text = "Tuấn: em là con trai ông Bảy phòng 3\nTuấn: bố em khó thở từ tối, mẹ em thì bị tăng huyết áp"
    fam = {s.text: s.attrs["family"] for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}
    assert fam["khó thở"] is False and fam["tăng huyết áp"] is True


def _flags(text):
    return {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_what_a_relative_writer_says_of_themself_is_family():
    # a post by the patient's child (`Mẹ mình 70t`): the writer's own problem is a relative's
    text = ("Mẹ mình năm nay 70t, khoảng 3 tháng nay mẹ run tay trái, đi lại chậm. "
            "Bản thân mình cũng đang bị đái tháo đường. Mẹ có cần chụp MRI không ạ?")
    a = _flags(text)
    assert a["đái tháo đường"]["family"]
    assert not a["run tay trái"]["family"]


def test_the_child_sender_speaking_of_themself_in_a_chat():
    text = ("[08:02] Duy (con trai bn): chi oi me e ho nhieu hon, sot nhe\n"
            "[08:05] DD Thu: e di chup phoi chua?\n"
            "[08:09] Duy: chup r chi, e ko bi lao a\n")
    a = _flags(text)
    assert a["lao"]["family"] and a["lao"]["negated"]
    assert not a["ho nhieu"]["family"]


def test_the_patient_writing_of_themself_is_no_relative():
    a = _flags("[08:02] Duy: chi oi e ho nhieu hon, sot nhe, e ko bi lao a\n")
    assert not a["lao"]["family"]


def test_the_parent_named_with_a_possessive_is_the_patient_bare_later_in_the_chat():
    text = ("Lan 19:42: c Thuy oi, me e tu hom kia toi gio phu 2 chan a\n"
            "Lan 19:43: dem qua me kho tho, phai ke 3 cai goi moi ngu dc\n")
    a = _flags(text)
    assert not a["kho tho"]["family"]


def test_a_wound_edge_typed_without_marks_is_no_father():
    a = _flags("Vet thuong vung tham T 4cm bo nham, dang chay mau ri ri. Ko non.")
    assert not a["chay mau"]["family"]
