"""Geriatric and psycho-geriatric signs in the forms geriatric ward notes use."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,sign", [
    ("Cụ ông Trịnh Văn Lộc 88t, ba tháng nay trí nhớ giảm, hay lạc đồ.", "trí nhớ giảm"),
    ("Bệnh Parkinson 8 năm, gần đây đông cứng khi xoay người, ngã 2 lần.", "đông cứng khi xoay người"),
    ("Đêm qua kêu la ban đêm, rút kim truyền.", "kêu la ban đêm"),
    ("Sàng lọc CAM: ý thức dao động trong ngày.", "ý thức dao động"),
    ("Một tuần nay bà từ chối uống nước, môi khô.", "từ chối uống nước"),
    ("Sau ngã ông không tự đứng dậy được, đau háng phải.", "không tự đứng dậy được"),
])
def test_geriatric_sign_is_a_symptom(text, sign):
    assert ("SYMPTOM", sign) in labelled(text)


def test_creatinine_clearance_abbreviation_is_a_test():
    spans = labelled("Chỉnh liều theo ClCr 32 mL/ph.")
    assert ("TEST", "ClCr") in spans


def test_loss_of_standing_is_present_not_negated():
    (s,) = [s for s in extract("Sau ngã ông không tự đứng dậy được, đau háng phải.") if s.text == "không tự đứng dậy được"]
    assert not s.attrs["negated"]
