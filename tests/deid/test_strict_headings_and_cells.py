"""What the strict profile keeps in the words of forms: a header word in a table cell starts its cell even when
the cell before is in capitals ('STT<TAB>Họ tên'), and a colon that ends its line opens a block, so the field
label on the next line is no person's name ('giới thiệu người bệnh:' / 'Họ và tên: …'). A name after a person
cue and a colon still goes, on the same line or alone on the next."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, [])]


@pytest.mark.parametrize("text", [
    "STT\tHọ tên\tNăm sinh\tGiới\tMã bệnh\tTổng chi phí",
    "BVĐK\tMã thẻ\tSố ngày điều trị",
    "Kính gửi bệnh viện tuyến trên, trân trọng giới thiệu người bệnh:\nHọ và tên: ",
])
def test_strict_keeps_field_labels_of_forms_and_tables(text):
    assert removed(text) == []


@pytest.mark.parametrize("text, name", [
    ("Người ghi: Lả", "Lả"),
    ("Người ghi:\nLả\n(ký, ghi rõ họ tên)", "Lả"),
])
def test_strict_still_removes_a_name_after_a_person_cue_and_colon(text, name):
    assert name in removed(text)


def test_strict_keeps_heading_words_that_ocr_wrote_with_l_or_0():
    assert removed("GlẤY RA VlỆN\nBẢO HlỂM XÃ HỘl\nCHẨN ĐOÁN: viêm phổi") == []


def test_strict_still_removes_a_name_in_capitals_after_an_ocr_title():
    assert "NGUYỄN VĂN AN" in " ".join(removed("BSCKl NGUYỄN VĂN AN\nGlÁM ĐỐC"))
