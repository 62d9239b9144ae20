"""Ages and years in French and English prose of bilingual notes: a child's age in months after a comma, a bracket or
'il/elle a' ('Enfant Manon B., 18 mois', 'elle a 14 mois'), and a bare year after a prose word ('en 2019 à Lyon',
'rappel 2018', 'depuis 2021', 'YOB 1991', 'in 2015'). A duration ('6 mois de rifampicine') and a dose or a count after
the same words ('en 2000 mg') stay."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_child_age_in_months(rules):
    text = "Enfant Manon B., 18 mois, fièvre 39,2. Maman: bonsoir docteur, elle a 14 mois et tousse depuis hier."
    ages = texts(rules, text, "AGE")
    assert "18 mois" in ages and "14 mois" in ages


def test_duration_in_months_is_no_age(rules):
    text = "Traitement prolongé, 6 mois de rifampicine, contrôle dans 3 mois."
    assert texts(rules, text, "AGE") == []


def test_year_after_french_and_english_prose_words(rules):
    text = ("ATCD: colique néphrétique en 2019 à Lyon. Vaccin antitétanique: rappel 2018. Insomnie depuis 2021. "
            "Bệnh nhân 34 tuổi (YOB 1991). Diagnosed with HTN in 2015, on amlodipine.")
    dates = texts(rules, text, "DATE")
    for year in ("2019", "2018", "2021", "1991", "2015"):
        assert year in dates


def test_dose_after_prose_word_is_no_year(rules):
    assert texts(rules, "Truyền NaCl 0,9% 2000 ml, puis en 2000 mg de paracétamol par jour", "DATE") == []
