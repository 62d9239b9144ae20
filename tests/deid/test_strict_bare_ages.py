"""The strict profile and ages written bare, as English-style and bilingual notes give them: a number before a sex
('61M', '29 F', '| 43 | M') or between a name or nationality and its comma ('Kenji Sato, 61, passport …'). Years
of stay, decimals and lab values in a list stay."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def removed_at(text: str, part: str, spans=()) -> bool:
    i = text.index(part)
    return any(s.start <= i < s.end for s in strict_spans(text, list(spans)))


@pytest.mark.parametrize("text, age", [
    ("Bed 602 – Ms Margaux Roussel 61M, Belgian, tăng huyết áp", "61"),
    ("Pt: Joselito Castillo, 45 F, Filipino, passport pending", "45"),
    ("PID TLX-INT-0049587 | DOB 1983-10-05 | 43 | M", "43"),
    ("Partner Minh Anh (Vietnamese, 29) worried about the cost", "29"),
])
def test_strict_removes_a_bare_age(text, age):
    assert removed_at(text, f"{age}")


def test_strict_removes_an_age_after_a_removed_name_and_its_other_script():
    text = "Your husband Mr. Kenji Sato (佐藤 健二), 61, was admitted to our ICU"
    name = Span(text.index("Kenji"), text.index("Kenji") + len("Kenji Sato"), "NAME", "Kenji Sato")
    assert removed_at(text, "61", [name])


@pytest.mark.parametrize("text, part", [
    ("song o VN 4 nam tai so 248 Hai Ba Trung", "4"),
    ("Bé trai đã ra, 2,6kg, khỏe", "2,6kg"),
    ("Kali 3.5, Natri 135, Clo 98, đường huyết 5.6", "135"),
])
def test_strict_keeps_numbers_that_are_no_age(text, part):
    assert not removed_at(text, part)


def test_strict_a_code_that_starts_with_digits_and_a_letter_is_no_age():
    text = "Mã lô vắc xin 5M0417, hạn dùng 2027"
    assert not any(s.label == "AGE" for s in strict_spans(text, []))


def test_strict_removes_an_age_said_in_words_before_an_english_unit():
    text = "em xin chuyển ms. lena, mười chín yrs austrian national, architect"
    i = text.index("mười chín yrs")
    assert any(s.start <= i and i + len("mười chín yrs") <= s.end for s in strict_spans(text, []))
