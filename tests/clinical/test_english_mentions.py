"""English mentions in bilingual notes: names of signs and HIV/TB conditions, bare English negation cues."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def found(text):
    return {s.text: s for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_english_signs_and_conditions_are_mentions():
    text = ("Exam: Oral thrush (+). Cervical lymphadenopathy L>R, non-tender. Crackles right upper zone.\n"
            "Impression: pulmonary TB; oral candidiasis. Possible TB lymphadenitis. HTN, type 2 DM; father ESRD.")
    spans = found(text)
    for term in ("Oral thrush", "Cervical lymphadenopathy", "Crackles", "oral candidiasis", "TB lymphadenitis",
                 "HTN", "type 2 DM", "ESRD"):
        assert term in spans, term
    assert "non" not in spans   # `non-tender` is no vomiting (nôn)


@pytest.mark.parametrize("text,terms", [
    ("HPI: cough 3 wks, weight loss. No haemoptysis. Không đau ngực.", ["haemoptysis"]),
    ("Phổi trong, no wheeze.", ["wheeze"]),
    ("No fever, chills or cough. Đau ngực trái.", ["fever", "cough"]),
])
def test_bare_english_no_negates_an_english_mention(text, terms):
    spans = found(text)
    for t in terms:
        assert spans[t].attrs["negated"], t
    if "Đau ngực trái" in spans:
        assert not spans["Đau ngực trái"].attrs["negated"]


def test_no_written_without_marks_is_no_cue_on_vietnamese():
    # `no` is `nó` (he) in a chat without diacritics: his fever is affirmed
    (s,) = [s for s in extract("ma no sot cao lam bs oi") if s.label == "SYMPTOM"]
    assert not s.attrs["negated"]


def test_english_cardiology_and_emergency_terms_carry_their_labels():
    text = ("HPI: orthopnoea (3 pillows) and PND for a week; no chest pain.\n"
            "O/E: raised JVP, diastolic murmur at the apex, calf tenderness absent.\n"
            "Plan: TEE before cardioversion; cardiology to discuss balloon valvuloplasty vs valve replacement.")
    got = {(s.label, s.text) for s in extract(text)}
    for pair in (("SYMPTOM", "orthopnoea"), ("SYMPTOM", "PND"), ("SYMPTOM", "raised JVP"),
                 ("SYMPTOM", "diastolic murmur"), ("TEST", "TEE"), ("PROCEDURE", "cardioversion"),
                 ("PROCEDURE", "balloon valvuloplasty"), ("PROCEDURE", "valve replacement")):
        assert pair in got, pair
    pnd = next(s for s in extract(text) if s.text == "PND")
    assert not pnd.attrs["negated"]
