"""A relative stays the subject of a longer sentence: an age and a time of life between the kinship word and the problem
(`Anh trai cháu 5 tuổi mấy hôm nay cũng ho`, `Bố cháu hồi bé cũng hay khò khè`); `hồi bé` and `nhà trẻ` are no child
patient (context.yaml not_terminators); a time word ends the relative's scope unless `cũng` ties the problem back to
them (soft_terminators, also_words); the verb a kinship cue needs lies in its own sentence and line."""
from __future__ import annotations

import pytest

from vimednlp import extract

CLASSES = ("negated", "uncertain", "historical", "family", "hypothetical")


def classes(text: str) -> dict[str, list[str]]:
    return {s.text: [a for a in CLASSES if s.attrs.get(a)] for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


@pytest.mark.parametrize("text, term", [
    ("Bé ho 3 ngày. Anh trai bé 6 tuổi mấy hôm nay cũng sổ mũi.", "sổ mũi"),
    ("Cháu khò khè từ tối qua. Bố cháu hồi bé cũng hay khò khè.", "khò khè"),
    ("Bé sốt 2 ngày. Chị gái 4 tuổi đi nhà trẻ cũng đang ho.", "ho"),
    ("Con gái chị ấy dạo này cũng bị tiêu chảy.", "tiêu chảy"),
])
def test_a_relative_with_an_age_or_a_time_of_life_keeps_the_problem(text, term):
    got = classes(text)
    assert "family" in got[[k for k in got if k == term][-1]]


@pytest.mark.parametrize("text, term", [
    ("Mẹ bị tăng huyết áp, mấy hôm nay bệnh nhân sốt cao.", "sốt cao"),   # the patient after a time word
    ("Mẹ bị tăng huyết áp, bé cũng ho.", "ho"),                             # the child patient, `cũng` or not
    # the verb `có` of the doctor's next line is no verb for `ma` (mà / má typed without marks)
    ("Me be: be 3 tuoi, ho it. E cho uong hapacol roi ma van sot lai\nBS: be co kho tho khong?", "sot lai"),
])
def test_the_patient_after_the_relative_is_no_family(text, term):
    assert "family" not in classes(text)[term]


@pytest.mark.parametrize("text, term", [
    ("BN nam 58 tuổi. Vợ nói ở nhà có lần ông co giật khi bỏ rượu.", "co giật"),
    ("Con gái cho biết bà hay quên, đi lạc 2 lần.", "hay quên"),
])
def test_a_relative_who_tells_is_the_informant(text, term):
    assert "family" not in classes(text)[term]


def test_a_relative_who_has_it_keeps_family():
    assert "family" in classes("BN nam 58 tuổi. Vợ bị tăng huyết áp, bố mất vì đột quỵ.")["tăng huyết áp"]


def test_a_denial_stops_where_a_relative_opens_a_new_subject():
    from vimednlp.clinical import extract

    # a transcript without punctuation: `không` denies the patient's symptom, not the mother's disease
    a = {s.text: s.attrs for s in extract("bệnh nhân ho đờm không sốt mẹ bệnh nhân cũng bị tiểu đường mất năm ngoái")
         if s.label in ("DISEASE", "SYMPTOM")}
    assert a["sốt"]["negated"] and not a["sốt"]["family"]
    assert a["tiểu đường"]["family"] and not a["tiểu đường"]["negated"]
    b = {s.text: s.attrs for s in extract("Gia đình không ai bị tăng huyết áp.") if s.label == "DISEASE"}
    assert b["tăng huyết áp"]["negated"]
