"""The strict profile keeps ordinary and clinical English words of bilingual notes (wound, fracture, cardiology and
occupational-health English: 'sloughy', 'displaced', 'overriding', 'sensor', 'barefoot') while the name stays
removed."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans


def removed(text: str) -> str:
    return " ".join(s.text for s in strict_spans(text, []))


def test_strict_keeps_english_clinical_and_ordinary_words():
    text = ("Foot ulcer 2 cm, sloughy base, surrounding erythema, no crepitus; patient walks barefoot. "
            "X-ray: minimally displaced fracture. Echo: overriding aorta with RVOT obstruction. "
            "Machine sensor broken, operator not supervised.")
    out = removed(text)
    for w in ("sloughy", "surrounding", "crepitus", "barefoot", "displaced", "overriding", "obstruction", "sensor",
              "operator", "supervised"):
        assert w not in out


def test_strict_still_removes_a_foreign_name():
    assert "Haines" in removed("Seen with nurse Rebecca Haines, sloughy base debrided.")
