"""The strict profile and ages in two more shapes: a number in words after the age word used as a field label
('Tuổi bốn mươi chín', 'tuổi: ba mươi hai'), and the next age of a list after one already removed ('2 con 5 tuổi
với 18 tháng'). The unit of an age just said ('45 tuổi | hai con') and a duration ('2 tháng nay') stay."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def removed(text: str, part: str, spans=()) -> bool:
    i = text.index(part)
    got = strict_spans(text, list(spans))
    return all(any(s.start <= k < s.end for s in got) for k in range(i, i + len(part)) if not text[k].isspace())


def touched(text: str, part: str, spans=()) -> bool:
    i = text.index(part)
    return any(s.start < i + len(part) and i < s.end for s in strict_spans(text, list(spans)))


@pytest.mark.parametrize("text, age", [
    ("Họ tên người bệnh: Vi Thị Nhàn    Tuổi bốn mươi mốt    Giới: nữ", "bốn mươi mốt"),
    ("ghi âm: bệnh nhân nam tuổi: sáu mươi hai làm ruộng", "sáu mươi hai"),
])
def test_strict_removes_an_age_in_words_after_its_label(text, age):
    assert removed(text, age)


def age_span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part), "AGE", part)


@pytest.mark.parametrize("text, first, nxt", [
    ("Nhà có 2 con nhỏ 4 tuổi với 15 tháng, chồng đi làm xa.", "4 tuổi", "15 tháng"),
    ("Hai bé sinh đôi? Không, một bé 6 tuổi và 9 tháng tuổi bé kia.", "6 tuổi", "9 tháng tuổi"),
    ("Children aged 7 years, 3 years and 11 months live with the grandmother.", "7 years", "11 months"),
])
def test_strict_removes_the_next_age_of_a_list(text, first, nxt):
    assert removed(text, nxt, [age_span(text, first)])


@pytest.mark.parametrize("text, first, part", [
    ("Bé 4 tuổi, 2 tháng nay ho khan về đêm.", "4 tuổi", "2 tháng"),
    ("Ông 45 tuổi, 20 năm hút thuốc lá.", "45 tuổi", "20 năm"),
])
def test_strict_keeps_a_duration_after_an_age(text, first, part):
    assert not touched(text, part, [age_span(text, first)])


def test_strict_keeps_the_count_after_an_age_in_words():
    assert not touched("ông ấy bốn mươi lăm tuổi hai con đều đi làm xa", "hai con")
