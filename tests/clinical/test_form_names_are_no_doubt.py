"""`theo dõi` in a form's name (`phiếu theo dõi loét tì đè`) casts no doubt; a plan to watch for a problem still does."""
from __future__ import annotations

from vimednlp.clinical import extract


def attrs(text):
    return {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_form_name_is_no_doubt():
    a = attrs("Trung tâm dưỡng lão — phiếu theo dõi loét tì đè tuần 3. Bà Ngô Thị Hoa 92t.")
    assert not a["loét tì đè"]["uncertain"]


def test_watching_for_a_problem_is_still_a_doubt():
    a = attrs("Chẩn đoán: theo dõi viêm phổi.")
    assert a["viêm phổi"]["uncertain"]
