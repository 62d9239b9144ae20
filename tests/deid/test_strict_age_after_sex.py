"""The strict profile and an age after a removed name and a sex ('Pt: Siu Hlen, F, 47 y', 'bố Lò Văn Pấng, nam, 70t'):
the age goes; a number after a sex that follows no removed name stays ('Giới: F, 2 lần khám')."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def ages(text: str, name: str | None = None) -> list[str]:
    spans = []
    if name:
        s = text.index(name)
        spans = [Span(s, s + len(name), "NAME", name, "test", 1.0, {})]
    return [x.text for x in strict_spans(text, spans) if x.label == "AGE"]


def test_strict_removes_an_age_after_a_name_and_a_sex():
    assert ages("Pt: Siu Hlen, F, 47 y, came with her son.", "Siu Hlen") == ["47 y"]
    assert ages("Bố Lò Văn Pấng, nam, 70t, làm rẫy.", "Lò Văn Pấng") == ["70t"]


def test_strict_keeps_a_number_after_a_sex_without_a_name():
    assert ages("Giới: nữ, 2 lần khám trong tháng.") == []
