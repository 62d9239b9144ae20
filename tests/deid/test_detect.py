"""The Analyzer contract (offsets, sorting, no overlaps, labels), the spaCy component, the tagger, and
accuracy on the hand-written notes and held-out synthetic documents."""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from vimednlp.deid.analyzer import Analyzer
from vimednlp.schema import DEFAULT_DEID_LABELS, ID_KINDS, Document

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

NOTE = ("Bệnh nhân Lương Thị Hảo, 67 tuổi, nội trợ, địa chỉ xóm 3, xã Nghi Phong, huyện Nghi Lộc, Nghệ An. "
        "Vào viện ngày 03/02/2024 vì đau ngực trái. HA 160/100 mmHg. Chẩn đoán I21.0. "
        "Con trai là anh Trần Văn Đạt, SĐT 0912 448 301, CCCD 040089001234.")


def check_contract(text, spans):
    prev_end = 0
    for s in spans:
        assert s.label in DEFAULT_DEID_LABELS
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text
        assert s.start >= prev_end, "spans must be sorted and must not overlap"
        prev_end = s.end
        assert 0 < s.score <= 1 and s.source and "explanation" in s.attrs
        if s.label == "ID":
            assert s.attrs["kind"] in ID_KINDS


def test_contract_default_model():
    a = Analyzer()
    spans = a.analyze(NOTE)
    check_contract(NOTE, spans)
    labels = {s.label for s in spans}
    assert {"NAME", "AGE", "LOCATION", "DATE", "PHONE", "ID", "PROFESSION"} <= labels
    assert not any("160/100" in s.text or "I21.0" in s.text for s in spans)


def test_variants_upper_no_diacritics_decomposed():
    from vimednlp.text.fold import fold

    a = Analyzer(model=None)
    base = {(s.start, s.end, s.label) for s in a.analyze(NOTE)}
    for variant in (NOTE.upper(), fold(NOTE)):
        got = {(s.start, s.end, s.label) for s in a.analyze(variant)}
        assert len(got & base) / len(base) >= 0.8
    nfd = unicodedata.normalize("NFD", NOTE)
    spans = a.analyze(nfd)
    check_contract(nfd, spans)  # offsets point into the decomposed text as given
    assert [unicodedata.normalize("NFC", s.text) for s in spans] == [s.text for s in a.analyze(NOTE)]


def test_empty_and_bad_input():
    a = Analyzer(model=None)
    assert a.analyze("") == [] and a.analyze("   \n") == []
    with pytest.raises(TypeError):
        a.analyze(None)
    with pytest.raises(ValueError, match="unknown PHI label"):
        Analyzer(labels=["NAMES"])
    with pytest.raises(FileNotFoundError, match="no PHI tagger model"):
        Analyzer(model="/nonexistent/model")


def test_labels_filter():
    spans = Analyzer(labels=["PHONE"], model=None).analyze(NOTE)
    assert [s.text for s in spans] == ["0912 448 301"]


def test_spacy_component_writes_phi_span_group():
    from vimednlp.pipeline import blank

    nlp = blank()
    nlp.add_pipe("vimednlp_phi", config={"labels": ["NAME", "DATE"], "model": None})
    doc = nlp(NOTE)
    got = [(s.text, s.label_) for s in doc.spans["phi"]]
    assert got == [("Lương Thị Hảo", "NAME"), ("03/02/2024", "DATE"), ("Trần Văn Đạt", "NAME")]
    assert doc.spans["phi"][0]._.source == "name" and doc.spans["phi"][0]._.attrs["explanation"]


@pytest.mark.slow
def test_tiny_tagger_learns_and_round_trips(tmp_path):
    from corpora.synthetic.generate import generate
    from vimednlp.deid.tagger import phi_crf
    from vimednlp.taggers import load_tagger

    docs = generate(60, seed=5)
    tagger = phi_crf(max_iterations=30).fit(docs)
    path = tagger.save(tmp_path / "m")
    loaded = load_tagger(path)
    assert loaded.predict(docs[:3]) == tagger.predict(docs[:3])
    a = Analyzer(model=str(path))
    check_contract(NOTE, a.analyze(NOTE))


def _token_scores(docs, analyzer):
    from benchmarks.bench_deid_accuracy import token_metrics

    return token_metrics(docs, [analyzer.analyze(d.text) for d in docs])


@pytest.mark.slow
def test_synthetic_generator_is_seeded_and_valid():
    from corpora.synthetic.generate import generate

    a, b = generate(30, seed=3), generate(30, seed=3)
    assert [d.to_json() for d in a] == [d.to_json() for d in b]
    genres = {d.meta["genre"] for d in generate(120, seed=4)}
    assert {"clinical_note", "discharge", "prescription", "lab", "referral", "chat", "case_report"} <= genres
    for d in a:
        d.check()
        Document.from_json(d.to_json())


@pytest.mark.slow
def test_accuracy_hand_written_notes():
    from benchmarks.bench_deid_accuracy import load_jsonl

    docs = load_jsonl(ROOT / "corpora" / "handwritten" / "notes.jsonl")
    assert len(docs) >= 30
    m = _token_scores(docs, Analyzer())
    # the acceptance line is recall >= 0.99 / precision >= 0.95 (benchmarks/results/deid_accuracy.md);
    # the test guards against regressions below the level measured last (recall 0.986, precision 0.977)
    assert m["recall"] >= 0.98 and m["precision"] >= 0.95 and m["clinical_removed"] < 0.01


@pytest.mark.parametrize("src,built,least", [("notes.src.txt", "notes.jsonl", 30),
                                              ("dev_notes.src.txt", "dev_notes.jsonl", 15)])
def test_hand_written_files_are_built_from_their_source(src, built, least):
    """notes.jsonl (test set) and dev_notes.jsonl (development set) are exactly what build.py makes of the
    marked-up sources; every gold span is valid and the two sets share no note."""
    from benchmarks.bench_deid_accuracy import load_jsonl
    from corpora.handwritten.build import parse

    here = ROOT / "corpora" / "handwritten"
    docs = parse((here / src).read_text(encoding="utf-8"))
    assert len(docs) >= least
    made = load_jsonl(here / built)
    if src.startswith("dev") and (here / "dev_heldout.jsonl").exists():
        made += load_jsonl(here / "dev_heldout.jsonl")  # the held-out batch (build.HELD_OUT_FROM on)
    assert [d.to_json() for d in docs] == [d.to_json() for d in made]
    for d in docs:
        d.check()
        assert any(s.label in DEFAULT_DEID_LABELS for s in d.spans)
    test_texts = {d.text for d in load_jsonl(here / "notes.jsonl")}
    if src.startswith("dev"):
        assert not test_texts & {d.text for d in docs}


@pytest.mark.slow
def test_accuracy_dev_notes():
    """The development notes (analysed for errors, unlike the test notes): measured 0.96+ recall after the
    round recorded in benchmarks/results/deid_accuracy.md."""
    from benchmarks.bench_deid_accuracy import load_jsonl

    docs = load_jsonl(ROOT / "corpora" / "handwritten" / "dev_notes.jsonl")
    m = _token_scores(docs, Analyzer())
    assert m["recall"] >= 0.95 and m["precision"] >= 0.95 and m["clinical_removed"] < 0.01


@pytest.mark.slow
def test_accuracy_held_out_synthetic():
    from corpora.synthetic.generate import generate

    m = _token_scores(generate(80, seed=24680), Analyzer())
    # measured: recall 0.995, precision 0.973
    assert m["recall"] >= 0.985 and m["precision"] >= 0.95 and m["clinical_removed"] < 0.01


@pytest.mark.slow
def test_phoner_covid19_test_split_recall(shared):
    """PhoNER_COVID19 (read from ../shared, never copied): identifier tokens found by rules + shipped model.
    The full numbers (and the PhoNER-trained CRF) are in benchmarks/results/deid_accuracy.md."""
    from benchmarks.bench_deid_accuracy import PHONER_TYPES, to_phoner_conventions, token_metrics
    from vimednlp.corpus.loaders import load_corpus

    path = shared("data", "phoner_covid19")
    docs = load_corpus("phoner_covid19", path, splits="test", map_labels=True)[:400]
    a = Analyzer(labels=PHONER_TYPES)
    m = token_metrics(docs, [to_phoner_conventions(a.analyze(d.text)) for d in docs], PHONER_TYPES)
    # guard below the level measured on the whole test split (recall 0.959, precision 0.867; these 400
    # sentences measured 0.929 / 0.882 when the whole split gave 0.944)
    assert m["recall"] >= 0.93 and m["precision"] >= 0.85 and m["clinical_removed"] < 0.01
