"""The strict profile and a title that is also a surname as written ('ông', the surname Ông): in lower case before
a name it is the title ('con ông thạch', 'nhà ông lường') and stays, while the name after it goes."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, name", [
    ("cháu là con ông thạch ở đội ba", "thạch"),
    ("đoàn khám ghé nhà ông lường bên kia suối", "lường"),
])
def test_strict_keeps_the_title_and_removes_the_name(text, name):
    got = removed_words(text)
    assert "ông" not in got and name in got
