"""The linker component attaches ranked codes to DISEASE, DRUG and TEST spans."""
from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from vimednlp.pipeline import blank, doc_to_document
from vimednlp.terminology.component import Linker

TEXT = ("Chẩn đoán: Nhồi máu cơ tim cấp (I21.0), tăng huyết áp, đái tháo đường típ 2. Đang dùng Augmentin, "
        "xét nghiệm CTM, HbA1c 8.1%.")


def _doc(nlp):
    doc = nlp(TEXT)
    spans = []
    for s, label in [("Nhồi máu cơ tim cấp", "DISEASE"), ("tăng huyết áp", "DISEASE"),
                     ("đái tháo đường", "DISEASE"), ("Augmentin", "DRUG"),
                     ("CTM", "TEST"), ("HbA1c", "TEST"), ("8.1%", "RESULT")]:
        i = TEXT.index(s)
        spans.append(doc.char_span(i, i + len(s), label=label, alignment_mode="expand"))
    doc.spans["clinical"] = spans
    return doc


def test_linker_attaches_codes(vi_cache):
    nlp = blank()
    nlp.add_pipe("vimednlp_linker", config={"top_k": 3})
    doc = nlp(TEXT)
    doc = _doc(nlp)
    doc = nlp.get_pipe("vimednlp_linker")(doc)
    by = {s.text: s._.codes for s in doc.spans["clinical"]}
    assert by["Nhồi máu cơ tim cấp"][0]["code"] == "I21.0"          # the code written after the mention wins
    assert by["Nhồi máu cơ tim cấp"][0]["reason"] == "code"
    assert by["tăng huyết áp"][0]["code"] == "I10" and len(by["tăng huyết áp"]) <= 3
    assert by["đái tháo đường"][0]["code"].startswith("E11")   # the type written after the span counts
    assert by["Augmentin"][0]["code"] == "J01CR02" and by["Augmentin"][0]["system"] == "drug"
    assert by["CTM"][0]["code"] == "58410-2" and by["HbA1c"][0]["code"] == "4548-4"
    assert SpacySpan.has_extension("codes") and by["8.1%"] is None
    rec = doc_to_document(doc, id="n1")
    dis = [s for s in rec.spans if s.label == "DISEASE"]
    assert dis and dis[0].attrs["codes"][0]["code"] == "I21.0"


def test_linker_config_errors():
    with pytest.raises(ValueError):
        Linker(None, labels=["NAME"])
    with pytest.raises(ValueError):
        Linker(None, top_k=0)
