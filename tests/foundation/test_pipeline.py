"""pipeline: the spaCy Language, the resolver, Doc <-> Document."""
from __future__ import annotations

import spacy

from vimednlp.pipeline import blank, doc_to_document, document_to_doc, resolve, Resolver
from vimednlp.schema import Document, Span

NOTE = "Bệnh nhân Trần Thị Mai, 67 tuổi, tiền sử tăng huyết áp. Không sốt.\nTD viêm phổi."


def _doc_with_spans():
    nlp = blank()
    doc = nlp(NOTE)
    doc.spans["phi"] = [doc.char_span(10, 22, "NAME"), doc.char_span(24, 31, "AGE")]
    doc.spans["clinical"] = [doc.char_span(41, 54, "DISEASE"), doc.char_span(62, 65, "SYMPTOM"),
                             doc.char_span(70, 79, "DISEASE"), doc.char_span(10, 14, "DISEASE")]
    return doc


def test_blank_pipeline_keeps_text_and_offsets():
    nlp = blank()
    doc = nlp("BN  Nguyễn Văn An\t45t\n\nHA 150/90 mmHg")
    assert doc.text == "BN  Nguyễn Văn An\t45t\n\nHA 150/90 mmHg"
    assert "150/90" in [t.text for t in doc]
    for t in doc:
        assert doc.text[t.idx:t.idx + len(t.text)] == t.text


def test_resolver_prefers_phi_and_drops_overlaps():
    doc = _doc_with_spans()
    chosen = resolve(doc)
    labels = [(s.text, s.label_) for s in chosen]
    assert ("Trần Thị Mai", "NAME") in labels
    assert ("Trần", "DISEASE") not in labels  # overlaps a PHI span
    doc = Resolver()(doc)
    assert [e.label_ for e in doc.ents] == ["NAME", "AGE", "DISEASE", "SYMPTOM", "DISEASE"]


def test_resolver_can_prefer_clinical():
    doc = Resolver(prefer="clinical")(_doc_with_spans())
    assert ("Trần", "DISEASE") in [(e.text, e.label_) for e in doc.ents]


def test_doc_document_round_trip_keeps_groups_and_assertions():
    doc = _doc_with_spans()
    doc.spans["clinical"][1]._.negated = True
    doc.spans["clinical"][2]._.uncertain = True
    doc.spans["clinical"][0]._.section = "Tiền sử"
    rec = doc_to_document(doc, id="n1", meta={"genre": "note"})
    rec.check()
    by_text = {s.text: s for s in rec.spans}
    assert by_text["sốt"].attrs["negated"] is True
    assert by_text["viêm phổi"].attrs["uncertain"] is True
    assert by_text["tăng huyết áp"].attrs["section"] == "Tiền sử"
    assert by_text["Trần Thị Mai"].attrs["group"] == "phi"
    again = doc_to_document(document_to_doc(Document.from_json(rec.to_json())), id="n1", meta={"genre": "note"})
    assert again == rec


def test_document_to_doc_rejects_spans_inside_tokens():
    import pytest

    with pytest.raises(ValueError, match="token boundaries"):
        document_to_doc(Document("x", NOTE, [Span(11, 15, "NAME")]))


def test_factories_are_registered_with_spacy():
    from spacy.language import Language

    import vimednlp.factories  # noqa: F401

    for name in ("vimednlp_phi", "vimednlp_clinical", "vimednlp_context", "vimednlp_sections",
                 "vimednlp_linker", "vimednlp_resolver"):
        assert Language.has_factory(name), name
    nlp = spacy.blank("xx")
    nlp.add_pipe("vimednlp_resolver")
    assert nlp.pipe_names == ["vimednlp_resolver"]
