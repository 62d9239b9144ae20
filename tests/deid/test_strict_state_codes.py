"""The strict profile and the state or province code after a removed foreign city ('Denver, CO', 'Calgary, AB'):
the comma and the code go with the city; a degree after a removed name stays ('Linh Pham, MD')."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def added(text: str, part: str, label: str) -> list[str]:
    s = text.index(part)
    spans = [Span(s, s + len(part), label, part, "test", 1.0, {})]
    return [x.text for x in strict_spans(text, spans)]


def test_strict_takes_the_state_code_after_a_removed_city():
    text = "Referred by her sister's GP (Denver, CO) after a fall; family in Việt Nam informed."
    assert any("CO" in a for a in added(text, "Denver", "LOCATION"))


def test_strict_keeps_a_degree_after_a_removed_name():
    text = "Signed: Linh Pham, MD - Internal Medicine"
    assert not any("MD" in a for a in added(text, "Linh Pham", "NAME"))
