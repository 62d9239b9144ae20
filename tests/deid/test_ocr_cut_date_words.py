"""A date word cut in two by OCR, in lower case ('ngày 15 thá ng 12 năm 2O26'): read whole, so the full date is one
DATE. Two words that are each a syllable ('thì ra', 'uống thuốc ngày 2 lần') are left alone."""
from __future__ import annotations

from vimednlp.text.canonical import canonical_view

from tests.deid.helpers import texts


def test_lower_case_cut_month_word_is_joined():
    assert canonical_view("Đợt khám: ngày 9 thá ng 11 năm 2O26").text == "Đợt khám: ngày 9 tháng 11 năm 2026"


def test_cut_date_is_one_date(rules):
    assert "ngày 9 thá ng 11 năm 2O26" in texts(rules, "Đợt khám: ngày 9 thá ng 11 năm 2O26   Địa điểm: trạm y tế", "DATE")


def test_whole_words_stay_apart():
    for t in ("uống thuốc ngày 2 lần, mỗi lần 1 viên", "thì ra chị ấy đã về"):
        assert canonical_view(t).text == t
