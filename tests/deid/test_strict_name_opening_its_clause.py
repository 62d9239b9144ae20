"""The strict profile and a given name alone that opens its clause before a calling or presenting word, as
transcripts and chats write it without a kinship word ('khải ơi mang giúp chị …', 'alo, nhung đây chị'): the name
goes; an interjection ('trời ơi'), a kinship or group word ('bà con ơi') and 'X đây' inside a sentence ('thuốc đây
chị' is no name) stay."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, name", [
    ("khải ơi mang giúp chị thùng vắc xin ra xe", "khải"),
    ("alo, nhung đây chị, em gọi về kết quả", "nhung"),
])
def test_strict_removes_a_name_that_opens_its_clause(text, name):
    assert name in removed_words(text)


@pytest.mark.parametrize("text", ["trời ơi đau quá bác sĩ ơi", "bà con ơi nhớ mang sổ tiêm", "thuốc đây chị, uống sau ăn"])
def test_strict_keeps_interjections_and_group_words(text):
    assert removed_words(text) == set()
