"""Words that look like a negation and deny nothing: a unit glued to a number or a slash (`mg/kg`, no `kg` = không),
a watched sign's negated verb (`gọi không dậy hoặc thở chậm`), ruling out as a purpose (`để loại trừ lao`)."""
from __future__ import annotations

from vimednlp.clinical import extract


def test_a_unit_after_a_slash_is_no_chat_negation():
    # `kg` is also a chat spelling of không; glued to `mg/` it is the unit
    a = {s.text: s.attrs for s in extract("Gentamicin 4 mg/kg IV q24h only if fever, poor feeding or apnea.")
         if s.label in ("DISEASE", "SYMPTOM")}
    assert a["fever"]["hypothetical"] and not a["fever"]["negated"]


def test_a_negated_verb_of_a_watched_sign_denies_nothing_after_it():
    a = {s.text: s.attrs for s in extract("Dặn: nếu ngủ li bì, gọi không dậy hoặc thở chậm thì đưa vào viện ngay.")
         if s.label in ("DISEASE", "SYMPTOM")}
    assert a["thở chậm"]["hypothetical"] and not a["thở chậm"]["negated"]


def test_ruling_out_as_a_purpose_is_no_denial():
    a = {s.text: s.attrs for s in extract("Làm Xpert MTB/RIF để loại trừ lao phổi.") if s.label == "DISEASE"}
    assert a["lao phổi"]["uncertain"] and not a["lao phổi"]["negated"]
