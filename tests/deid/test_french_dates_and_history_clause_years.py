"""Dates of bilingual notes written in French ('jeudi 3 décembre 2026', 'le 1er février', 'vendredi 12/02'), and a
bare year in a clause opened by a history cue ('tiền sử tai biến 2021', 'tiền căn lao 2015', 'history of stroke
2019') or quoted as a birth year from a paper ('năm sinh theo CCCD 1956'). 'mai' (tomorrow, a given name) names no
French month without its year; a dose or a count after 'tiền sử' is no year."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_french_weekday_day_month_year(rules):
    text = "Clinique mobile – journée vaccination – jeudi 3 décembre 2026 / Site: nhà văn hóa thôn"
    assert "jeudi 3 décembre 2026" in texts(rules, text, "DATE")


def test_french_first_of_month_and_numeric_with_weekday(rules):
    dates = texts(rules, "Rendez-vous le 1er février, puis vendredi 12/02 au dispensaire", "DATE")
    assert "1er février" in dates and "vendredi 12/02" in dates


def test_mai_without_year_is_no_french_month(rules):
    dates = texts(rules, "hẹn 3 mai đi khám lại, con gái đi cùng", "DATE")
    assert not any("mai" in d for d in dates)


def test_year_after_history_cue(rules):
    assert "2021" in texts(rules, "Tiền sử tai biến mạch não 2021, yếu tay phải", "DATE")
    assert "2015" in texts(rules, "tiền căn lao phổi 2015 đã điều trị đủ", "DATE")
    assert "2019" in texts(rules, "PMH: history of stroke 2019, on aspirin", "DATE")


def test_birth_year_quoted_from_a_paper(rules):
    assert "1956" in texts(rules, "ông Hạng, 70 tuổi (năm sinh theo CCCD 1956, ông nói sinh sớm hơn)", "DATE")


def test_dose_after_history_cue_is_no_year(rules):
    text = "Tiền sử ĐTĐ típ 2 dùng metformin 2000 mg/ngày"
    assert texts(rules, text, "DATE") == []
