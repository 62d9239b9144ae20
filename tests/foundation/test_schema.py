"""schema: labels, Span/Document records and their lossless JSON round trip, label maps."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from vimednlp import schema
from vimednlp.schema import Document, Span, map_label, unmap_label

NOTE = "BN Nguyễn Văn An, 45 tuổi, vào viện 12/03/2024 vì đau ngực trái. TD nhồi máu cơ tim."


def test_label_sets_follow_design():
    assert set(schema.DEFAULT_DEID_LABELS) == set(schema.PHI_LABELS) - {"GENDER", "TRANSPORT"}
    assert "DISEASE" in schema.CLINICAL_LABELS and "NAME" not in schema.CLINICAL_LABELS
    assert set(schema.ASSERTIONS) == {"negated", "uncertain", "historical", "family", "hypothetical"}
    assert all(label in schema.LABEL_DESCRIPTIONS for label in schema.ALL_LABELS)


def test_document_round_trip_keeps_everything():
    doc = Document(
        id="n1", text=NOTE,
        spans=[Span(3, 16, "NAME", source="name_recognizer", score=0.93, attrs={"explanation": "cue BN"}),
               Span(18, 25, "AGE"), Span(68, 83, "DISEASE", attrs={"uncertain": True})],
        meta={"genre": "clinical_note", "patient_id": "p1"},
    ).with_span_text()
    assert [s.text for s in doc.spans] == ["Nguyễn Văn An", "45 tuổi", "nhồi máu cơ tim"]
    line = doc.to_json()
    assert "Nguyễn" in line  # UTF-8 kept readable, not \u-escaped
    back = Document.from_json(line)
    assert back == doc
    back.check()


def test_span_rejects_bad_offsets_and_mismatched_text():
    with pytest.raises(ValueError, match="out of order"):
        Span(5, 2, "NAME")
    with pytest.raises(TypeError):
        Span("1", 2, "NAME")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ends past the text"):
        Document("x", "ngắn", [Span(0, 10, "NAME")]).check()
    with pytest.raises(ValueError, match="does not match"):
        Document("x", NOTE, [Span(3, 16, "NAME", text="Trần Văn Bình")]).check()


def test_document_from_dict_names_missing_fields():
    with pytest.raises(ValueError, match="'text'"):
        Document.from_dict({"id": "a"})
    with pytest.raises(ValueError, match="'label'"):
        Document.from_dict({"id": "a", "text": "abc", "spans": [{"start": 0, "end": 1}]})
    with pytest.raises(ValueError, match="JSON object"):
        Document.from_dict(["not", "a", "dict"])  # type: ignore[arg-type]


def test_phoner_label_map_both_ways():
    assert map_label("PATIENT_ID", "phoner_covid19") == "ID"
    assert map_label("JOB", "phoner_covid19") == "PROFESSION"
    assert map_label("SYMPTOM_AND_DISEASE", "phoner_covid19") == "DISEASE"
    assert map_label("TRANSPORTATION", "phoner_covid19") == "TRANSPORT"
    assert unmap_label("PROFESSION", "phoner_covid19") == "JOB"
    assert unmap_label("SYMPTOM", "phoner_covid19") == "SYMPTOM_AND_DISEASE"
    assert unmap_label("DISEASE", "phoner_covid19", orig="SYMPTOM_AND_DISEASE") == "SYMPTOM_AND_DISEASE"
    for source, table in schema.LABEL_MAPS.items():
        for pub, ours in table.items():
            for o in ours if isinstance(ours, tuple) else (ours,):
                assert o in schema.ALL_LABELS, (source, pub, o)
    with pytest.raises(KeyError, match="unknown label source"):
        map_label("NAME", "no_such_corpus")


_vi_text = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ "
                   "ĐÂĂƠƯ0123456789,.\n\u0301\U0001F600", min_size=1, max_size=80)


@given(_vi_text, st.data())
def test_document_json_round_trip_property(text, data):
    n = len(text)
    spans = []
    for _ in range(data.draw(st.integers(0, 4))):
        a = data.draw(st.integers(0, n))
        b = data.draw(st.integers(a, n))
        spans.append(Span(a, b, data.draw(st.sampled_from(schema.ALL_LABELS)), text[a:b],
                          attrs=data.draw(st.dictionaries(st.sampled_from(["kind", "negated"]),
                                                          st.one_of(st.booleans(), st.text(max_size=5)),
                                                          max_size=2))))
    doc = Document("d", text, spans, {"source": "test"})
    assert Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))) == doc
