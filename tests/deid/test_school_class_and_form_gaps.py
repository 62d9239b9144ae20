"""A school class after 'lớp' ('HS lớp 8/4', 'học lớp 3/4') is no date; a capitalised field after a form's gap
('Dân tộc: Cơ Tu   Quốc tịch: ...') is no place after a preposition, and 'Tu' written without marks in a text that
has them is no 'từ'; a real preposition still opens a place ('ở Hợp Châu', 'từ Long An')."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_school_class_is_no_date(rules):
    text = "Em Lê Văn Tín, 13 tuổi, học sinh lớp 7/3 trường THCS Lê Lợi, nay lên lớp 8/1 rồi."
    assert not any(d in ("7/3", "8/1") for d in texts(rules, text, "DATE"))


def test_field_after_a_gap_is_no_place(rules):
    text = "Giới tính: Nam   Dân tộc: Cơ Tu   Quốc tịch: Việt Nam\nNghề nghiệp: làm rẫy"
    assert not any(p.startswith("Quốc") for p in texts(rules, text, "LOCATION"))


def test_marked_prepositions_still_open_places(rules):
    text = "Chị ở Hợp Châu, mới chuyển từ Long An ra ở với con gái."
    places = texts(rules, text, "LOCATION")
    assert "Hợp Châu" in places and "Long An" in places


def test_key_value_stops_before_the_next_key_after_two_spaces(rules):
    text = "Họ tên mẹ: KPĂ THỊ HƠN  Năm sinh: 1998  Dân tộc: Gia Rai"
    names = texts(rules, text, "NAME")
    assert "KPĂ THỊ HƠN" in names and not any("Năm" in n for n in names)
