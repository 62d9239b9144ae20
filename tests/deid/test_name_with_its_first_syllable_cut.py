"""OCR cuts a name's first syllable after its capital consonant ('BS YHCT Đ àng Văn Lập', 'ký: Tr ần Thị Hoa'): the
two pieces are one syllable when the first is a lone capital, the pair makes a syllable and a capitalised name word
follows, so the whole name is found. A letter that stands for itself ('nhóm máu B Âm tính', 'Khoa B Nội trú') stays."""
from __future__ import annotations

from tests.deid.helpers import texts
from vimednlp.text.canonical import canonical_view


def test_cut_first_syllable_is_read_whole():
    assert canonical_view("Lương y Từ Ngọc Thạnh      BS YHCT Đ àng Văn Lập").text.endswith("Đàng Văn Lập")


def test_name_with_cut_first_syllable_is_found(rules):
    text = "Người thực hiện thủ thuật: BS YHCT Đ àng Văn Lập\nNgày 12/03/2019"
    assert any("Văn Lập" in t and t.startswith("Đ") for t in texts(rules, text, "NAME"))


def test_letters_standing_for_themselves_stay():
    for text in ("nhóm máu B Âm tính", "chuyển Khoa B Nội trú", "Tổ C Văn phòng"):
        assert canonical_view(text).text == text
