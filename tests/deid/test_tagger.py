"""The PHI tagger of the analyzer: the one CRF (`CRFTagger`) with the PHI feature sets (`phi`, `phi-ext`),
marginal-probability decoding (`min_prob`), the shipped model in the unified folder format, and the folder
format the PHI CRF had before (still loaded)."""
from __future__ import annotations

import json
import shutil

import pytest

from vimednlp.deid.analyzer import Analyzer
from vimednlp.deid.phi_features import _gazetteer_tags, featurize, rule_candidates
from vimednlp.deid.recognizers.base import Context
from vimednlp.deid.tagger import DEFAULT_MODEL_DIR, TaggerCandidates, load_phi_tagger, phi_crf
from vimednlp.taggers import load_tagger
from vimednlp.taggers.crf import CRFTagger

TEXT = "Bệnh nhân Nguyễn Thị Lan, 45 tuổi, trú tại phường Bến Nghé, Quận 1, TP. Hồ Chí Minh, làm giáo viên."


def test_extended_features_add_to_the_base_ones():
    ctx = Context(TEXT)
    base, ext = featurize(ctx, []), featurize(ctx, [], extended=True)
    assert len(base) == len(ext) == len(ctx.tokens)
    for b, e in zip(base, ext):
        assert set(b) < set(e)
    i = [t.text for t in ctx.tokens].index("Nguyễn")
    assert "wl=nguyễn" in ext[i] and "w=nguyen" in ext[i]
    # a place and a profession from our lexicons are marked as phrases
    gz = _gazetteer_tags(ctx.ftoks)
    j = [t.text for t in ctx.tokens].index("Bến")
    assert "gB:ward" in gz[j] and "gI:ward" in gz[j + 1]
    k = [t.text for t in ctx.tokens].index("giáo")
    assert "gB:professions" in gz[k]


def test_rule_hits_become_features_of_the_tokens_they_cover():
    ctx = Context(TEXT)
    rules = rule_candidates(ctx, ["NAME", "AGE"])
    assert {c.label for c in rules} == {"NAME", "AGE"}
    feats = featurize(ctx, rules)
    toks = [t.text for t in ctx.tokens]
    assert "r=B-NAME" in feats[toks.index("Nguyễn")] and "r=I-NAME" in feats[toks.index("Lan")]
    assert "r-1=B-NAME" in feats[toks.index("Thị")]
    assert "r=B-AGE" in feats[toks.index("45")]
    # without rule candidates every token says O
    assert all("r=O" in f for f in featurize(ctx, []))


def test_bad_feature_set_is_refused():
    with pytest.raises(ValueError, match="features must be one of"):
        CRFTagger(features="wide")
    with pytest.raises(ValueError, match="belong to features='general'"):
        CRFTagger(features="phi", word_segmentation=True)


def test_shipped_model_is_a_phi_crf_in_the_unified_format():
    meta = json.loads((DEFAULT_MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["kind"] == "crf" and meta["params"]["features"] == "phi"
    tagger = load_tagger(DEFAULT_MODEL_DIR)
    assert isinstance(tagger, CRFTagger) and "NAME" in tagger.labels
    view = load_phi_tagger("default")
    assert isinstance(view.tagger, CRFTagger) and view.tagger.features == "phi"
    # the analyzer's view: the tagger's candidates carry its source and score
    ctx = Context("BN Nguyễn Văn An, 45 tuổi, vào viện ngày 12/3/2024.")
    cands = view.candidates(ctx, rule_candidates(ctx))
    assert ("NAME", "Nguyễn Văn An") in {(c.label, ctx.text[c.start:c.end]) for c in cands}
    assert all(c.source == "crf" and c.score == 0.6 for c in cands)


def test_model_in_the_old_phi_folder_format_still_loads(tmp_path):
    # the PHI CRF's own format before the CRFs were unified: phi_crf.crfsuite + meta without "kind"
    meta = json.loads((DEFAULT_MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    old = tmp_path / "old"
    old.mkdir()
    shutil.copyfile(DEFAULT_MODEL_DIR / "model.crfsuite", old / "phi_crf.crfsuite")
    (old / "meta.json").write_text(json.dumps({"docs": 10, "labels": meta["labels"], "c1": 0.05, "c2": 0.05,
                                               "max_iterations": 80, "features": "base"}), encoding="utf-8")
    note = "Bệnh nhân Lê Văn Tám, 60 tuổi, SĐT 0912 345 678, ở phường Bến Nghé."
    assert Analyzer(model=str(old)).analyze(note) == Analyzer(model="default").analyze(note)


def test_missing_or_non_phi_model_is_refused_clearly(tmp_path, train_docs_clinical):
    with pytest.raises(FileNotFoundError, match="no PHI tagger model"):
        load_phi_tagger(tmp_path)
    clinical = CRFTagger(max_iterations=10, labels=["SYMPTOM", "DISEASE"]).fit(train_docs_clinical)
    clinical.save(tmp_path / "clin")
    with pytest.raises(ValueError, match="predicts no PHI label"):
        load_phi_tagger(tmp_path / "clin")


@pytest.fixture(scope="module")
def train_docs_clinical():
    from vimednlp.schema import Document, Span

    text = "Bệnh nhân sốt cao, ho khan, tiền sử tăng huyết áp."
    spans = [Span(10, 17, "SYMPTOM", "sốt cao"), Span(19, 26, "SYMPTOM", "ho khan"),
             Span(36, 49, "DISEASE", "tăng huyết áp")]
    return [Document(id=f"c{i}", text=text, spans=spans) for i in range(3)]


@pytest.fixture(scope="module")
def tiny_ext(tmp_path_factory):
    from corpora.synthetic.generate import generate

    docs = generate(60, seed=7)
    tagger = phi_crf(max_iterations=40, features="phi-ext").fit(docs)
    return docs, tagger, tagger.save(tmp_path_factory.mktemp("ext"))


def _covered(tagger, ctx, rules):
    return {i for c in TaggerCandidates(tagger).candidates(ctx, rules)
            for i, t in enumerate(ctx.tokens) if c.start < t.end and t.start < c.end}


@pytest.mark.slow
def test_ext_tagger_round_trips_with_its_feature_set(tiny_ext):
    docs, tagger, path = tiny_ext
    loaded = load_tagger(path)
    assert loaded.features == "phi-ext"
    ctx = Context(docs[0].text)
    rules = rule_candidates(ctx)
    assert TaggerCandidates(loaded).candidates(ctx, rules) == TaggerCandidates(tagger).candidates(ctx, rules)
    assert loaded.predict(docs[:5]) == tagger.predict(docs[:5])


@pytest.mark.slow
def test_lower_probability_threshold_marks_more_tokens(tiny_ext):
    import copy

    docs, tagger, _ = tiny_ext
    gold = hit = 0
    for d in docs[:20]:
        ctx = Context(d.text)
        rules = rule_candidates(ctx)
        covers = []
        for t in (0.9, 0.5, 0.05, 0.001):
            tg = copy.copy(tagger)
            tg.min_prob = t
            covers.append(_covered(tg, ctx, rules))
            # spans are labelled: every one carries a PHI label the tagger was trained on
            assert all(c.label in tagger.labels for c in TaggerCandidates(tg).candidates(ctx, rules))
        assert covers[0] <= covers[1] <= covers[2] <= covers[3]
        g = {i for s in d.spans if s.label in tagger.labels for i, t in enumerate(ctx.tokens) if s.start < t.end and t.start < s.end}
        gold += len(g)
        hit += len(g & covers[1])
    # on its own training documents, the 0.5 threshold finds nearly every PHI token
    assert hit / gold > 0.9
