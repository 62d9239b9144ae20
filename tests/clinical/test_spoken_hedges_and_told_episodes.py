"""Spoken hedges and past episodes: `thì hình như` hedges the problem after it when the topic before `thì` is no
mention (`tiểu thì hình như tiểu ít hơn`) as well as the one before it (`đau bụng thì hình như có`); an episode told
just before (`lần đó bị ĐTĐ thai kỳ`, `đợt đó`) is history."""
from __future__ import annotations

from vimednlp.clinical import extract


def attrs(text):
    return {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_hedge_after_a_topic_that_is_no_mention():
    a = attrs("Con gái: mẹ ăn kém, tiểu thì hình như tiểu ít hơn mọi ngày")
    assert a["tiểu ít"]["uncertain"]


def test_hedge_after_the_problem_still_counts():
    a = attrs("Mẹ bé: đau bụng thì hình như có chút chút bên phải")
    assert a["đau bụng"]["uncertain"]


def test_episode_told_just_before_is_history():
    a = attrs("Chị kể lần có thai đầu sinh mổ vì thai to, lần đó bị đái tháo đường thai kỳ chỉ ăn kiêng.\n"
              "Khám: thai 29 tuần, không phù.")
    assert a["đái tháo đường thai kỳ"]["historical"]
    assert not a["phù"]["historical"]


def _attrs(text):
    return {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_not_yet_sure_is_a_doubt_not_a_denial():
    a = _attrs("21:25 DD Lan: chua chac da la soi e a, co khi sot phat ban do virus thoi")
    assert a["soi"]["uncertain"] and not a["soi"]["negated"]


def test_asking_whether_the_problem_is_there():
    a = _attrs("[06:12] Hoa: sang nay nuoc tieu do, co phai tieu ra mau ko chi")
    assert a["tieu ra mau"]["uncertain"]


def test_prevent_without_marks_is_itch():
    # `ngua` typed without marks is ngứa (itch), no `ngừa` (prevent) that would make what follows hypothetical
    a = _attrs("[06:24] Sinh: may hom nay keu ngua khap nguoi, hinh nhu co noi man do o lung")
    sp = next(k for k in a if k.startswith("noi man do"))
    assert a[sp]["uncertain"] and not a[sp]["hypothetical"]
    b = _attrs("Dặn dùng aspirin để ngừa đột quỵ tái phát.")
    assert b["đột quỵ"]["hypothetical"]

