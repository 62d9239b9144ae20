"""A doctor's chat question without its question mark ends with a question particle (`co sot ko`, `di ngoai dc ko
e`): like one with `?`, its diseases and symptoms are no mentions. A tag asking to confirm (`... phải không`) and a
check in a plan (`xem có đúng ĐTĐ không`) keep theirs, and so does the patient's side of the chat."""
from __future__ import annotations

from vimednlp.clinical import extract


def mentions(text):
    return [s.text for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")]


def test_question_by_particle_drops_its_mentions():
    text = ("BS Lan: co non ko, co sot ko e\n"
            "Mai: ko non a, chi dau bung thoi\n")
    m = mentions(text)
    assert "sot" not in m
    assert m.count("non") == 1          # the answer's `ko non` stays (negated)
    assert "dau bung" in m


def test_confirmation_tag_keeps_the_mention():
    m = mentions("BS Tam: tien su ba COPD nang, nam ngoai phai tho may phai ko\n")
    assert "COPD" in m


def test_check_in_a_plan_keeps_the_mention():
    m = mentions("BS Huong: mai lam HbA1c xem co dung dai thao duong ko\n")
    assert "dai thao duong" in m
