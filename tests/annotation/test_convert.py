"""Spans <-> Label Studio result items: UTF-16 offsets, per-region attributes."""
from __future__ import annotations

import pytest

from vimednlp.annotation.convert import results_to_spans, spans_to_results
from vimednlp.schema import Span

TEXT = "BN 😷 Nguyễn Văn An 𠀋, không sốt, CCCD 001089012345. Nghi viêm phổi."


def _span(text, sub, label, **attrs):
    i = text.index(sub)
    return Span(i, i + len(sub), label, sub, attrs=attrs)


def test_round_trip_with_astral_characters_and_attributes():
    spans = [_span(TEXT, "Nguyễn Văn An", "NAME"), _span(TEXT, "sốt", "SYMPTOM", negated=True),
             _span(TEXT, "001089012345", "ID", kind="cccd"),
             _span(TEXT, "viêm phổi", "DISEASE", uncertain=True)]
    res = spans_to_results(TEXT, spans)
    name = next(r for r in res if r["type"] == "labels" and r["value"]["labels"] == ["NAME"])
    # the emoji before the name takes two UTF-16 units: Label Studio's offsets are one past ours
    assert name["value"]["start"] == spans[0].start + 1
    assert TEXT.encode("utf-16-le")[name["value"]["start"] * 2:name["value"]["end"] * 2].decode("utf-16-le") == "Nguyễn Văn An"
    ch = [r for r in res if r["type"] == "choices"]
    assert {(r["from_name"], tuple(r["value"]["choices"])) for r in ch} == {
        ("assertion", ("negated",)), ("id_kind", ("cccd",)), ("assertion", ("uncertain",))}
    back = results_to_spans(TEXT, res, annotator="a@x.vn")
    assert [(s.start, s.end, s.label, s.text) for s in back] == [(s.start, s.end, s.label, s.text) for s in spans]
    assert back[1].attrs == {"annotator": "a@x.vn", "negated": True}
    assert back[2].attrs == {"annotator": "a@x.vn", "kind": "cccd"}
    assert back[0].attrs == {"annotator": "a@x.vn"}


def test_bad_regions_are_named():
    res = [{"id": "x9", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 3, "end": 999, "labels": ["NAME"]}}]
    with pytest.raises(ValueError, match="region x9"):
        results_to_spans(TEXT, res)
    res = [{"id": "x8", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 0, "end": 2, "text": "XX", "labels": ["NAME"]}}]
    with pytest.raises(ValueError, match="region x8.*does not match"):
        results_to_spans(TEXT, res)
    with pytest.raises(ValueError, match="ends past the text"):
        spans_to_results("ngắn", [Span(0, 10, "NAME")])
