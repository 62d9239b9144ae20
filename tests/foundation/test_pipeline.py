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


# --- the resolver keeps entities set earlier (spaCy's EntityRuler convention) ---------------------
def _ruler_pipeline(**resolver_config):
    nlp = blank()
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "HOSPITAL", "pattern": "Bạch Mai"}])
    nlp.add_pipe("vimednlp_sections")
    nlp.add_pipe("vimednlp_clinical")
    nlp.add_pipe("vimednlp_resolver", config=resolver_config)
    return nlp


RULER_NOTE = "Chuyển viện Bạch Mai vì viêm phổi, không sốt."


def test_resolver_keeps_entities_an_entity_ruler_set():
    doc = _ruler_pipeline()(RULER_NOTE)
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("Bạch Mai", "HOSPITAL") in ents
    assert ("viêm phổi", "DISEASE") in ents and ("sốt", "SYMPTOM") in ents


def test_resolver_overwrite_ents_replaces_them():
    doc = _ruler_pipeline(overwrite_ents=True)(RULER_NOTE)
    assert "HOSPITAL" not in {e.label_ for e in doc.ents}
    assert ("viêm phổi", "DISEASE") in [(e.text, e.label_) for e in doc.ents]


def test_resolver_leaves_out_spans_overlapping_kept_entities():
    nlp = blank()
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "X", "pattern": [{"LOWER": "phổi"}]}])
    nlp.add_pipe("vimednlp_clinical")
    nlp.add_pipe("vimednlp_resolver")
    doc = nlp("Chẩn đoán: viêm phổi.")
    assert [(e.text, e.label_) for e in doc.ents] == [("phổi", "X")]
    assert [sp.text for sp in doc.spans["clinical"]] == ["viêm phổi"]   # the group still holds it


def test_components_declare_what_they_assign_and_require():
    from vimednlp.pipeline import DEFAULT_COMPONENTS, load

    nlp = load(["vimednlp_sections", "vimednlp_clinical", "vimednlp_context", "vimednlp_resolver"])
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    summary = analysis["summary"]
    assert "doc.ents" in summary["vimednlp_resolver"]["assigns"]
    assert "doc.spans" in summary["vimednlp_resolver"]["requires"]
    assert "span._.negated" in summary["vimednlp_context"]["assigns"]
    assert "doc.spans" in summary["vimednlp_clinical"]["assigns"]
    meta = {n: spacy.Language.get_factory_meta(n) for n in DEFAULT_COMPONENTS}
    assert all(m.assigns for m in meta.values())


# --- other tokenizers: spans stay exact ----------------------------------------------------------
def _whitespace_nlp():
    """spaCy's Vietnamese without pyvi: tokens are the text cut at spaces (`sốt,` is one token)."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def test_components_on_a_whitespace_tokenizer_give_exact_spans():
    import vimednlp

    text = "BN Nguyễn Văn An, 45 tuổi. Không sốt, ho khan. TD viêm phổi."
    nlp = _whitespace_nlp()
    assert "sốt," in [t.text for t in nlp.make_doc(text)]
    for name in ("vimednlp_phi", "vimednlp_sections", "vimednlp_clinical", "vimednlp_context", "vimednlp_resolver"):
        nlp.add_pipe(name)
    doc = nlp(text)
    got = {(sp.start_char, sp.end_char, sp.label_, sp.text, sp._.negated, sp._.uncertain)
           for sp in doc.spans["clinical"]}
    want = {(s.start, s.end, s.label, s.text, s.attrs["negated"], s.attrs["uncertain"]) for s in vimednlp.extract(text)}
    assert got == want
    assert ("sốt", "SYMPTOM") in [(e.text, e.label_) for e in doc.ents]
    assert ("viêm phổi", "DISEASE") in [(e.text, e.label_) for e in doc.ents]
    assert ("Nguyễn Văn An", "NAME") in [(sp.text, sp.label_) for sp in doc.spans["phi"]]
    assert doc.text == text


def test_split_at_keeps_spans_of_other_groups_and_entities():
    from spacy.tokens import Span as SpacySpan

    from vimednlp.text.tokenizer import char_spans, split_at

    doc = _whitespace_nlp()("Không sốt, ho khan. TD viêm phổi.")
    doc.spans["other"] = [SpacySpan(doc, 0, 2, "X")]                 # `Không sốt,`
    doc.spans["other"][0]._.negated = True
    doc.ents = [SpacySpan(doc, 4, 6, "Y")]                           # `TD viêm`
    assert split_at(doc, [20]) == 0                                  # already a boundary: nothing to do
    sot, pneu = char_spans(doc, [(6, 9, "SYMPTOM"), (23, 32, "DISEASE")])
    assert (sot.text, pneu.text) == ("sốt", "viêm phổi")
    assert [t.text for t in doc][:3] == ["Không", "sốt", ","]
    kept = doc.spans["other"][0]
    assert (kept.text, kept.label_, kept._.negated) == ("Không sốt,", "X", True)
    assert [(e.text, e.label_) for e in doc.ents] == [("TD viêm", "Y")]


# --- tables --------------------------------------------------------------------------------------
def test_to_dataframe_has_one_row_per_entity_with_its_attributes():
    import vimednlp
    from vimednlp.pipeline import load, to_dataframe, to_records

    text = "Tiền sử gia đình: mẹ bị đái tháo đường.\nKhám: không sốt. TD viêm phổi."
    doc = load(["vimednlp_sections", "vimednlp_clinical", "vimednlp_context"])(text)
    df = to_dataframe(doc)
    assert list(df.columns[:6]) == ["start", "end", "label", "text", "group", "section"]
    rows = {r["text"]: r for r in df.to_dict("records")}
    assert rows["sốt"]["negated"] and not rows["sốt"]["uncertain"]
    assert rows["viêm phổi"]["uncertain"]
    assert rows["đái tháo đường"]["family"] and rows["đái tháo đường"]["section"] == "tien_su_gia_dinh"
    assert len(df) == len(doc.spans["clinical"])
    # the spans of extract() give the same table
    spans = vimednlp.extract(text)
    assert [(r["start"], r["label"], r["negated"]) for r in to_records(spans)] == \
        [(r["start"], r["label"], r["negated"]) for r in df.to_dict("records")]
    assert len(to_dataframe(spans)) == len(spans)


def test_to_dataframe_without_pandas_says_what_to_do(monkeypatch):
    import sys

    import pytest

    from vimednlp.pipeline import to_dataframe

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="to_records"):
        to_dataframe([])
