"""Identifier numbers after the French and Swiss / Québec cue words of expatriate notes: 'N° AVS/AHV', 'RAMQ',
'NIR', 'numéro de sécurité sociale', 'numéro de dossier', 'référence'. A dotted or spaced number after them is an
identifier, not an amount or a phone."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_social_insurance_numbers(rules):
    text = ("Né le 08.05.1951    N° AVS/AHV: 756.1299.8812.40\n"
            "Numéro de sécurité sociale: 2 84 07 75 112 048 33, carte Vitale à jour.")
    ids = texts(rules, text, "ID")
    assert "756.1299.8812.40" in ids
    assert any("2 84 07 75 112 048 33" in x for x in ids)


def test_file_and_reference_numbers(rules):
    ids = texts(rules, "Ouvert sous numéro de dossier 88213447, référence 55120934 pour l'assureur", "ID")
    assert "88213447" in ids and "55120934" in ids
