"""The strict profile and French in trilingual notes (resources/deid/strict/french_words.txt): ordinary French words
of clinical letters and speech-to-text stay, elided forms included (l'hôpital, d'urgence, j'ai); a French name, a
number said in French and the address around them still go."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, kept", [
    ("Motif: douleur lombaire gauche brutale depuis hier soir, irradiant vers l'aine. Pas de fièvre.",
     {"Motif", "douleur", "lombaire", "gauche", "brutale", "depuis", "soir", "irradiant", "vers", "l'aine", "fièvre"}),
    ("Bệnh nhân nói: j'ai mal au ventre, je suis fatiguée; médecin: vous pouvez boire de l'eau?",
     {"j'ai", "mal", "ventre", "suis", "vous", "pouvez", "boire", "l'eau"}),
    ("Copie au conjoint — « Votre mère est adressée à l'hôpital dentaire pour drainage d'un abcès. »",
     {"Copie", "conjoint", "Votre", "mère", "est", "adressée", "l'hôpital", "dentaire", "pour", "drainage", "d'un"}),
])
def test_strict_keeps_french_clinical_and_common_words(text, kept):
    assert not removed_words(text) & kept


def test_strict_still_removes_a_french_name_and_a_number_said_in_french():
    text = "Patient: M. Gwenaël Kerjean, rappel au zéro six douze quarante et un trente-huit quinze."
    gone = removed_words(text)
    assert {"Gwenaël", "Kerjean"} <= gone
    assert {"douze", "quarante", "quinze"} <= gone
