"""Transcripts: a phone number read again in pieces, and a name spelled aloud letter by letter after it is said
(sentences written for these tests)."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer


@pytest.fixture(scope="module")
def rules():
    return Analyzer(model=None)


def labelled(an, text, label):
    return [s.text for s in an.analyze(text) if s.label == label]


def test_pieces_of_a_phone_number_said_again(rules):
    t = ("dạ số máy bàn của trạm là không hai năm chín ba tám bảy không một năm bốn còn máy em "
         "không chín tám hai à không phải không chín tám ba một hai không bốn năm sáu nha chị")
    phones = labelled(rules, t, "PHONE")
    assert "không chín tám ba một hai không bốn năm sáu" in phones
    assert "không hai năm chín ba tám bảy không một năm bốn" in phones
    # 'không chín tám hai' opens no number read in full: a slip, not taken as a piece
    assert "không chín tám hai" not in phones
    t = "chị ghi giùm số anh hùng là không chín một bảy dạ không chín một bảy ba ba hai sáu năm tám nha"
    assert labelled(rules, t, "PHONE") == ["không chín một bảy", "không chín một bảy ba ba hai sáu năm tám"]


def test_digit_words_that_open_no_number_stay(rules):
    t = "bé uống không hai ba lần gì hết, số em là không chín một hai ba bốn năm sáu bảy tám nha"
    assert labelled(rules, t, "PHONE") == ["không chín một hai ba bốn năm sáu bảy tám"]


def test_a_name_spelled_aloud_after_it(rules):
    t = ("dạ chị ghi giùm em tên bệnh nhân là chị mông thị khuê, khuê là ca hát u ê có dấu huyền nha chị sinh năm "
         "hai ngàn lẻ một nhà ở thôn bốn")
    names = labelled(rules, t, "NAME")
    assert "ca hát u ê" in names
    assert "khuê" in names[1:]  # the name said again before its spelling


def test_spelled_letters_that_spell_another_word_stay(rules):
    # the letters spell no word said before 'là': no name
    t = "dạ chị ghi giùm tên bệnh nhân là anh lò văn sáng nhà ở bản mường là ca ca nha chị"
    assert "ca ca" not in labelled(rules, t, "NAME")


def test_weekday_then_ngay_then_a_date(rules):
    assert labelled(rules, "bà con góp được gì em gom gửi luôn thứ 6 ngày 27/11", "DATE") == ["thứ 6 ngày 27/11"]
    assert labelled(rules, "hẹn tái khám thứ Sáu ngày 12/6/2026 nhé", "DATE") == ["thứ Sáu ngày 12/6/2026"]
    # an ordinal is no weekday
    assert labelled(rules, "lần thứ 2 ngày 12/6 bé sốt lại", "DATE") == ["12/6"]


def test_a_child_age_in_months_without_tuoi(rules):
    assert labelled(rules, "chị ấy có con nhỏ 14 tháng đang bị tiêu chảy", "AGE") == ["14 tháng"]
    assert labelled(rules, "dạ có con nhỏ mười bốn tháng đi theo luôn chị", "AGE") == ["mười bốn tháng"]
    # a span of time after a child word stays
    assert labelled(rules, "bé ba tháng nay hay ho về đêm", "AGE") == []
    assert labelled(rules, "con uống hai tháng rồi vẫn chưa đỡ", "AGE") == []
