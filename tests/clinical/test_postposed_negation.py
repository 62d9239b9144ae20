"""A problem answered `không` right after it, at its clause end, is negated; a question (`... không?`) is not."""
from __future__ import annotations

from vimednlp.clinical import extract


def attrs(text):
    return {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_item_answered_no_in_a_list():
    a = attrs("Tiền sử: sốt rét 3 lần; viêm gan C không (anti-HCV âm tính); lao chưa.")
    assert a["viêm gan C"]["negated"] and a["lao"]["negated"]
    assert not a["sốt rét"]["negated"]


def test_side_effect_row_answered_no():
    a = attrs("Tháng 2: buồn nôn nhẹ, vàng da không.")
    assert a["vàng da"]["negated"] and not a["buồn nôn"]["negated"]


def test_a_question_is_not_negated():
    a = attrs("Chị Lan: bé có sốt không? Bé còn ho không?")
    assert not any(v["negated"] for v in a.values())


def test_a_question_frame_without_its_mark_is_not_negated():
    a = attrs("Chị hỏi xem có phải bị viêm họng không.")
    assert not a["viêm họng"]["negated"]

