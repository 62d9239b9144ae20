"""Adjudication by majority, precedence and adjudicator; provenance on every gold span."""
from __future__ import annotations

import pytest

from vimednlp.annotation.adjudicate import adjudicate, adjudicate_doc
from vimednlp.schema import Document, Span

TEXT = "Chị Lan, 45 tuổi, không sốt, ở xã Tân Phú."


def sp(sub, label, who, **attrs):
    i = TEXT.index(sub)
    return Span(i, i + len(sub), label, sub, attrs={"annotator": who, **attrs})


def doc3():
    return Document("d", TEXT, [
        sp("Lan", "NAME", "a"), sp("Lan", "NAME", "b"), sp("Chị Lan", "NAME", "c"),
        sp("45 tuổi", "AGE", "a"), sp("45 tuổi", "AGE", "c"),
        sp("sốt", "SYMPTOM", "a", negated=True), sp("sốt", "SYMPTOM", "b", negated=True), sp("sốt", "SYMPTOM", "c"),
        sp("xã Tân Phú", "LOCATION", "b"),
    ], {"annotators": ["a", "b", "c"]})


def test_majority_keeps_spans_most_annotators_gave():
    g = adjudicate_doc(doc3(), "majority")
    assert [(s.text, s.label) for s in g.spans] == [("Lan", "NAME"), ("45 tuổi", "AGE"), ("sốt", "SYMPTOM")]
    lan, age, sot = g.spans
    assert lan.attrs["agreed_by"] == ["a", "b"] and lan.attrs["annotator"] == "a"
    assert age.attrs["agreed_by"] == ["a", "c"]
    assert sot.attrs.get("negated") is True  # 2 of 3 said negated
    assert g.meta["adjudication"] == {"method": "majority", "annotators": ["a", "b", "c"]}
    assert all(s.source == "adjudicated:majority" for s in g.spans)
    g.check()


def test_precedence_takes_the_union_and_resolves_overlaps_by_order():
    g = adjudicate_doc(doc3(), "precedence", precedence=["c", "a", "b"])
    got = [(s.text, s.label, s.attrs["annotator"]) for s in g.spans]
    assert got == [("Chị Lan", "NAME", "c"), ("45 tuổi", "AGE", "c"), ("sốt", "SYMPTOM", "c"),
                   ("xã Tân Phú", "LOCATION", "b")]


def test_adjudicator_wins_where_present_else_fallback():
    d = doc3()
    d.spans += [sp("Lan", "NAME", "lead"), sp("xã Tân Phú", "LOCATION", "lead")]
    d.meta["annotators"] = ["a", "b", "c", "lead"]
    g = adjudicate_doc(d, "adjudicator", adjudicator="lead")
    assert [(s.text, s.attrs["annotator"], s.attrs["agreed_by"]) for s in g.spans] == [
        ("Lan", "lead", ["lead", "a", "b"]), ("xã Tân Phú", "lead", ["lead", "b"])]
    # a document the adjudicator did not see falls back to majority
    g2 = adjudicate([doc3()], "adjudicator", adjudicator="lead")[0]
    assert g2.meta["adjudication"]["method"] == "majority" and "note" in g2.meta["adjudication"]
    with pytest.raises(ValueError, match="needs the adjudicator"):
        adjudicate_doc(d, "adjudicator")
    with pytest.raises(ValueError, match="unknown adjudication method"):
        adjudicate_doc(d, "vote")
