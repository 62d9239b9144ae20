"""A lone surrogate (text decoded with surrogate escapes, a broken JSON escape) never reaches a trained tagger's
encoder: extraction with a CRF tagger returns spans instead of crfsuite's SystemError."""
from __future__ import annotations

import vimednlp
from vimednlp.schema import Document, Span
from vimednlp.taggers.crf import CRFTagger


def test_extract_with_a_trained_tagger_on_a_lone_surrogate():
    pairs = [("BN đau ngực trái", "đau ngực"), ("sốt cao 39 độ", "sốt"), ("ho khan nhiều", "ho khan")] * 3
    docs = [Document(id=str(i), text=t, spans=[Span(t.index(w), t.index(w) + len(w), "SYMPTOM")])
            for i, (t, w) in enumerate(pairs)]
    tagger = CRFTagger(max_iterations=5)
    tagger.fit(docs)
    text = "BN đau ngực \ud800 sốt \udc01"
    spans = vimednlp.extract(text, tagger=tagger)
    assert "đau ngực" in [s.text for s in spans]
    for s in spans:
        assert text[s.start:s.end] == s.text
