"""A blood pressure said or typed alone, without `HA` before it (chats, transcripts, relatives reporting home readings):
the pressure shape (patterns.yaml bare_pressure) makes it a RESULT; a ratio said `trên` between digits reads as `/`
(spoken.yaml ratio)."""
from __future__ import annotations

import pytest

from vimednlp import extract


def results(text: str) -> list[str]:
    return [s.text for s in extract(text) if s.label == "RESULT"]


@pytest.mark.parametrize("text, expected", [
    ("Con gái: tối qua bố em đo ở nhà 170/100 luôn bác sĩ ạ, kêu nhức đầu", ["170/100"]),
    ("[20:15] Lan: em do lai duoc 155/95 roi chi oi", ["155/95"]),
    ("Cháu: dạ sáng nay máy báo 150 trên 90, mạch 98.", ["150 trên 90", "98"]),
    ("huyết áp 140 trên 85, nhiệt độ 37 độ", ["140 trên 85", "37 độ"]),
])
def test_a_pressure_reading_alone_is_a_result(text, expected):
    assert results(text) == expected


@pytest.mark.parametrize("text", [
    "Tăng huyết áp chưa đạt mục tiêu (< 130/80), tăng liều Amlodipin.",   # a goal, no reading
    "Mixtard 30/70 tiêm dưới da 14 UI trước ăn sáng.",                     # an insulin mix
    "Giai đoạn duy trì: RH (150/75) 3 viên/ngày.",                         # a drug's strengths in brackets
    "Tái khám ngày 12/11, mang theo sổ theo dõi.",                         # a date
    "Bệnh nhân tự đánh giá đỡ đau, còn khoảng 3 trên 10.",                 # a pain score said aloud
])
def test_numbers_that_are_no_pressure_reading(text):
    assert results(text) == []
