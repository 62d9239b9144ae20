"""The strict profile keeps the words of HIV/TB programme, lab and school or legal-aid forms that name a kind of
thing, not a person (clinical_terms.txt, admin_abbreviations.txt, english_words.txt): capitalised mid-sentence too.
A name beside them still goes."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w.strip(".,()") for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, words", [
    ("Ngày 20/11: Xpert MTB/RIF Ultra dịch dạ dày dương tính, bắt đầu điều trị.", {"Xpert", "Ultra"}),
    ("Phát 01 kit OraQuick cho em họ; hộp thuốc Truvada để PrEP.", {"OraQuick", "Truvada"}),
    ("Test nước tiểu: MET (+), MOR (+), THC (-). Thang đo C-SSRS nguy cơ trung bình.", {"MOR", "THC"}),
    ("Mẫu máu toàn phần EDTA; TLD + INH 300mg (TPT), nguồn PEPFAR.", {"EDTA", "INH", "PEPFAR"}),
    ("Liên hệ GVCN và BGH để xử lý bắt nạt; chuyển luật sư TGPL; cơ sở MMT.", {"GVCN", "BGH", "TGPL", "MMT"}),
    ("Failure to thrive, large perimembranous VSD; recommended VSD closure.", {"thrive", "perimembranous", "VSD", "closure"}),
])
def test_strict_keeps_programme_lab_and_form_words(text, words):
    assert not removed_words(text) & words


def test_strict_still_removes_a_name_among_them():
    assert "Hạnh" in removed_words("Liên hệ GVCN cô Đặng Thị Mỹ Hạnh và BGH trường.")
