"""The public `extract()` API: records, labels, bad input, a tagger merged with the lexicon."""
from __future__ import annotations

import pytest

import vimednlp
from vimednlp.schema import Span

NOTE = vimednlp.demo.demo_text() if hasattr(vimednlp, "demo") else None


def test_public_face_and_attrs():
    spans = vimednlp.extract("Không sốt. Nghi viêm phổi, điều trị Ceftriaxon 2g/ngày.")
    assert {s.label for s in spans} >= {"SYMPTOM", "DISEASE", "DRUG", "DOSAGE"}
    for s in spans:
        for key in ("negated", "uncertain", "historical", "family", "hypothetical", "section", "codes"):
            assert key in s.attrs
    dis = next(s for s in spans if s.label == "DISEASE")
    assert dis.attrs["uncertain"] and not dis.attrs["negated"]


def test_labels_filter_and_errors():
    spans = vimednlp.extract("Sốt cao, dùng Paracetamol 500mg", labels=["DRUG"])
    assert [s.label for s in spans] == ["DRUG"]
    with pytest.raises(ValueError, match="unknown clinical labels"):
        vimednlp.extract("sốt", labels=["NAME"])
    with pytest.raises(TypeError):
        vimednlp.extract(b"sot")
    assert vimednlp.extract("") == [] and vimednlp.extract("   \n") == []


def test_demo_note_end_to_end():
    from vimednlp.demo import demo_text

    text = demo_text()
    spans = vimednlp.extract(text)
    got = {(s.text, s.label): s for s in spans}
    assert got[("nhồi máu cơ tim", "DISEASE")].attrs["family"]
    assert got[("nhồi máu cơ tim cấp thành trước", "DISEASE")].attrs["uncertain"]
    assert got[("sốt", "SYMPTOM")].attrs["negated"]
    assert got[("500mg x 2 lần/ngày", "DOSAGE")]
    assert got[("160/95 mmHg", "RESULT")]
    for s in spans:
        assert text[s.start:s.end] == s.text


class KeywordTagger:
    """A stand-in with the taggers' interface: marks `ho gà` and a drug the lexicon lacks."""

    def predict(self, texts):
        out = []
        for t in texts:
            found = []
            for word, label in (("Zetamin", "DRUG"), ("ho gà", "DISEASE")):
                i = t.find(word)
                if i >= 0:
                    found.append(Span(i, i + len(word), label, word, "tagger", 0.8))
            out.append(found)
        return out


def test_tagger_spans_merge_and_get_assertions():
    spans = vimednlp.extract("Không ho gà. Dùng Zetamin 10mg.", tagger=KeywordTagger())
    got = {(s.text, s.label): s for s in spans}
    assert got[("Zetamin", "DRUG")].source == "tagger"
    assert got[("ho gà", "DISEASE")].attrs["negated"]       # the longer tagger span, then ConText
    assert ("10mg", "DOSAGE") in got


def test_bad_tagger_is_a_clear_error():
    class Bad:
        def predict(self, texts):
            return [[Span(0, 999, "DRUG")]]

    with pytest.raises(ValueError, match="outside the text"):
        vimednlp.extract("sốt", tagger=Bad())
    with pytest.raises(TypeError, match="predict"):
        vimednlp.extract("sốt", tagger=object())


def test_huge_text_is_a_clear_error():
    with pytest.raises(ValueError, match="too long"):
        vimednlp.extract("sốt " * 600_000)
