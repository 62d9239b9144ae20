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
