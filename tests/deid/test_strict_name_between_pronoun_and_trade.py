"""The strict profile and a speaker who names himself between a first-person pronoun and his trade, as announcements
and phone calls say it ('cần gì thì gọi tôi sềnh lái xe', 'em khánh thợ điện đây'): the name goes, the trade stays;
a common word in that slot ('tôi hay lái xe', 'tôi vẫn làm ruộng') is no name."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer
from vimednlp.deid.strict import strict_spans

_ANALYZER = Analyzer(model=None)


def removed_words(text: str) -> set[str]:
    spans = _ANALYZER.analyze(text)
    return {w for s in spans + strict_spans(text, spans) for w in s.text.split()}


@pytest.mark.parametrize("text, name", [
    ("bà con cần xe thì gọi cho tôi lử lái xe của trạm nhé", "lử"),
    ("alo chị ơi em khánh thợ điện đây, mai em qua sửa quạt", "khánh"),
    ("có gì gọi tôi sềnh lái xe khám lưu động", "sềnh"),
])
def test_strict_removes_a_name_between_a_pronoun_and_a_trade(text, name):
    assert name in removed_words(text)


@pytest.mark.parametrize("text, word", [
    ("tôi hay lái xe ban đêm nên mắt mỏi", "hay"),
    ("tôi vẫn làm ruộng dù đau lưng", "vẫn"),
])
def test_strict_keeps_a_common_word_between_a_pronoun_and_a_trade(text, word):
    assert word not in removed_words(text)
