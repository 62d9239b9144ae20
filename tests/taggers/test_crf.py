from __future__ import annotations

import json

import pytest

from vimednlp.schema import Document, Span
from vimednlp.taggers import CRFTagger, Tagger, entity_scores, load_tagger
from vimednlp.taggers.bio import bio_to_spans, doc_tokens, spans_to_bio


@pytest.fixture(scope="module")
def crf(train_docs):
    return CRFTagger(max_iterations=60).fit(train_docs)


def test_bio_round_trip():
    text = "Bệnh nhân Nguyễn Văn An , 45 tuổi , sốt cao ."
    spans = [Span(10, 23, "NAME"), Span(26, 33, "AGE"), Span(36, 43, "SYMPTOM")]
    toks = doc_tokens(text)
    tags = spans_to_bio(toks, spans)
    assert tags[:5] == ["O", "O", "B-NAME", "I-NAME", "I-NAME"]
    back = bio_to_spans(text, toks, tags)
    assert [(s.start, s.end, s.label, s.text) for s in back] == [
        (10, 23, "NAME", "Nguyễn Văn An"), (26, 33, "AGE", "45 tuổi"), (36, 43, "SYMPTOM", "sốt cao")]


def test_crf_learns_and_generalizes(crf, test_docs):
    assert isinstance(crf, Tagger)
    assert set(crf.labels) == {"NAME", "AGE", "DATE", "SYMPTOM", "DISEASE", "DRUG", "ORGANIZATION"}
    rep = entity_scores(test_docs, crf.predict(test_docs))
    assert rep.micro.f1 > 0.9, rep.format()
    # an unseen name in a known context is still found (shape + window features, not memory)
    text = "Bệnh nhân Trịnh Công Sơn , 52 tuổi , vào viện ngày 09/09/2024 vì đau ngực trái ."
    spans = crf.predict([text])[0]
    got = {(s.text, s.label) for s in spans}
    assert ("Trịnh Công Sơn", "NAME") in got
    assert ("52 tuổi", "AGE") in got
    for s in spans:
        assert text[s.start:s.end] == s.text


def test_crf_predict_on_raw_text_offsets_and_empty(crf):
    text = "Tiền sử tăng huyết áp,đang dùng Amlodipin 5mg."  # no spaces around punctuation
    spans = crf.predict([text, "", "   "])
    assert spans[1] == [] and spans[2] == []
    for s in spans[0]:
        assert text[s.start:s.end] == s.text
    assert any(s.label == "DRUG" and s.text == "Amlodipin" for s in spans[0])


def test_crf_accepts_documents_and_scores(crf, test_docs):
    with_scores = crf.predict(test_docs[:3], with_scores=True)
    plain = crf.predict(test_docs[:3])
    assert [[(s.start, s.end, s.label) for s in a] for a in with_scores] == \
        [[(s.start, s.end, s.label) for s in a] for a in plain]
    assert all(0.0 < s.score <= 1.0 for doc in with_scores for s in doc)


def test_crf_save_load(crf, test_docs, tmp_path):
    out = crf.save(tmp_path / "crf")
    meta = json.loads((out / "meta.json").read_text())
    assert meta["kind"] == "crf" and "NAME" in meta["labels"]
    again = load_tagger(out)
    assert isinstance(again, CRFTagger) and again.labels == crf.labels
    a = crf.predict(test_docs)
    b = CRFTagger.load(out).predict(test_docs)
    assert [[s.to_dict() for s in x] for x in a] == [[s.to_dict() for s in x] for x in b]


def test_gazetteer_features_help_unseen_terms(train_docs):
    # "viêm tụy cấp" never occurs in training; a lexicon entry (without diacritics) marks it as DISEASE
    text = "Chẩn đoán : viêm tụy cấp . Điều trị Paracetamol 1 viên x 2 lần / ngày ."
    lex = {"DISEASE": {"viem tuy cap", "tang huyet ap", "dai thao duong", "viem phoi", "suy tim",
                       "hen phe quan", "lao phoi", "viem da day", "nhoi mau co tim", "sot xuat huyet",
                       "viem gan B"}}
    tagger = CRFTagger(max_iterations=60, gazetteers=lex).fit(train_docs)
    spans = tagger.predict([text])[0]
    assert ("viêm tụy cấp", "DISEASE") in {(s.text, s.label) for s in spans}


def test_train_gazetteer_and_word_segmentation_options(train_docs, test_docs, tmp_path):
    calls = []

    def seg(text):  # a tiny segmenter: joins "bệnh nhân" and "vào viện" into words
        calls.append(text)
        return text.replace("Bệnh nhân", "Bệnh_nhân").replace("vào viện", "vào_viện").split()

    tagger = CRFTagger(max_iterations=40, train_gazetteer=True, word_segmentation=True, segmenter=seg)
    tagger.fit(train_docs)
    assert calls, "the segmenter was not used"
    assert "DRUG" in tagger.learned_gazetteer and "amoxicilin" in tagger.learned_gazetteer["DRUG"]
    assert entity_scores(test_docs, tagger.predict(test_docs)).micro.f1 > 0.9
    tagger.save(tmp_path / "m")
    params = json.loads((tmp_path / "m" / "meta.json").read_text())["params"]
    assert params["train_gazetteer"] and params["word_segmentation"]


def test_crf_errors(tmp_path):
    with pytest.raises(ValueError, match="empty"):
        CRFTagger().fit([])
    with pytest.raises(ValueError, match="no spans"):
        CRFTagger().fit([Document("a", "Bệnh nhân ổn định .")])
    bad = Document("b", "sốt", spans=[Span(0, 10, "SYMPTOM")])
    with pytest.raises(ValueError, match="'b'"):
        CRFTagger().fit([bad])
    with pytest.raises(RuntimeError, match="not trained"):
        CRFTagger().predict(["sốt"])
    with pytest.raises(TypeError):
        CRFTagger().fit("sốt cao")
    with pytest.raises(FileNotFoundError, match="meta.json"):
        load_tagger(tmp_path)
