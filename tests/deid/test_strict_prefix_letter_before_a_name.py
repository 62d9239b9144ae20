"""The strict profile and the K', Y, H' of a highland name written as a bare capital before the name ('ủng hộ K
Brông', 'chở Y Klô'): when the name after it is removed, the letter goes with it. A letter after its own head
('vitamin K', 'nhóm A', 'tầng H') stays."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def spans_with_name(text: str, name: str) -> list:
    a = text.index(name)
    return strict_spans(text, [Span(a, a + len(name), "NAME", name)])


@pytest.mark.parametrize("text, letter, name", [
    ('chuyển khoản nội dung "giup K Brong mo mat"', "K", "Brong"),
    ("hôm qua anh chở Y Klô xuống trạm", "Y", "Klô"),
])
def test_strict_takes_the_prefix_letter_before_a_removed_name(text, letter, name):
    i = text.index(f"{letter} {name}")
    assert any(s.start <= i < s.end for s in spans_with_name(text, name))


def test_strict_keeps_a_letter_after_its_head():
    text = "tiêm vitamin K Hương theo dõi thêm"
    i = text.index("K ")
    assert not any(s.start <= i < s.end for s in spans_with_name(text, "Hương"))
