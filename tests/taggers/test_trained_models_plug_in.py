"""A tagger trained with `vimednlp train` plugs into the library: a PHI CRF runs in
`deidentify(model=path)` and in `extract(tagger=path)`, any tagger runs in the `vimednlp_tagger` spaCy
component, and the trainer is quiet unless asked and warns when dev labels differ from train labels."""
from __future__ import annotations

import json
import logging

import pytest
from click.testing import CliRunner

import vimednlp
from vimednlp.cli import cli
from vimednlp.deid.analyzer import Analyzer
from vimednlp.taggers import load_tagger
from vimednlp.taggers.base import cached_tagger

from .conftest import make_docs

PHI = "NAME,AGE,DATE,PHONE,ID,LOCATION,ORGANIZATION"
NOTE = ("Bệnh nhân Trịnh Văn Khải, 58 tuổi, vào viện ngày 14/02/2024 vì sốt cao, ho khan. "
        "Tiền sử tăng huyết áp, đang dùng Amlodipin 5 mg.")


def _jsonl(path, docs):
    path.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """Realistic synthetic notes (corpora/synthetic/generate.py) with PHI and clinical spans."""
    from corpora.synthetic.generate import generate

    d = tmp_path_factory.mktemp("corpus")
    return _jsonl(d / "train.jsonl", generate(60, seed=3)), _jsonl(d / "dev.jsonl", generate(15, seed=4))


def _train(out, train, *extra):
    res = CliRunner().invoke(cli, ["train", "--kind", "crf", "--train", str(train), "--out", str(out),
                                   "--max-iterations", "30", *extra])
    assert res.exit_code == 0, res.output
    return res


@pytest.fixture(scope="module", params=["general", "phi"])
def phi_model(request, synthetic, tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / f"phi-{request.param}"
    _train(out, synthetic[0], "--labels", PHI, "--features", request.param, "--quiet")
    return out


def test_phi_crf_from_the_cli_runs_in_deidentify(phi_model):
    tagger = load_tagger(phi_model)
    assert set(tagger.labels) <= set(PHI.split(","))
    analyzer = Analyzer(model=str(phi_model))
    assert analyzer.tagger is not None
    # the trained CRF proposes spans of its own (source "crf") next to the rules'
    _ctx, cands = analyzer.candidates(NOTE)
    crf = {NOTE[c.start:c.end] for c in cands if c.source == "crf"}
    assert "Trịnh Văn Khải" in crf
    res = vimednlp.deidentify(NOTE, model=str(phi_model))
    assert "Trịnh" not in res.text and "14/02/2024" not in res.text
    assert "sốt cao" in res.text and "tăng huyết áp" in res.text


def test_phi_crf_from_the_cli_runs_in_extract(phi_model):
    spans = vimednlp.extract(NOTE, tagger=str(phi_model))
    got = {(s.label, s.text, s.source) for s in spans}
    # the tagger's PHI spans join the lexicon's clinical spans
    assert ("NAME", "Trịnh Văn Khải", "tagger") in got
    assert any(label == "SYMPTOM" and text == "sốt cao" for label, text, _ in got)
    # the same folder is loaded once
    assert cached_tagger(phi_model) is cached_tagger(str(phi_model))


def test_extract_reloads_a_model_saved_again_into_the_same_folder(tmp_path):
    out = tmp_path / "m"
    _train(out, _jsonl(tmp_path / "a.jsonl", make_docs(40, seed=1)), "--labels", "SYMPTOM", "--quiet")
    first = cached_tagger(out)
    _train(out, _jsonl(tmp_path / "b.jsonl", make_docs(40, seed=1)), "--labels", "SYMPTOM,DISEASE", "--quiet")
    again = cached_tagger(out)
    assert again is not first and again.labels == ["DISEASE", "SYMPTOM"]


def test_extract_with_a_missing_tagger_folder_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no meta.json"):
        vimednlp.extract(NOTE, tagger=str(tmp_path / "nowhere"))


def test_deidentify_refuses_a_tagger_without_phi_labels(tmp_path):
    out = tmp_path / "clin"
    _train(out, _jsonl(tmp_path / "c.jsonl", make_docs(40, seed=1)), "--labels", "SYMPTOM,DISEASE", "--quiet")
    with pytest.raises(ValueError, match="predicts no PHI label"):
        vimednlp.deidentify(NOTE, model=str(out))


def test_training_is_silent_unless_verbose(synthetic, tmp_path):
    train = synthetic[0]
    res = _train(tmp_path / "a", train, "--labels", "NAME,AGE")
    # the per-label report and a few status lines, no optimizer log
    assert "Iteration" not in res.output and "L-BFGS" not in res.output
    assert "micro" not in res.output  # no --dev / --test: nothing to report
    assert len(res.output.splitlines()) <= 4
    quiet = _train(tmp_path / "b", train, "--labels", "NAME,AGE", "--quiet", "--dev", str(synthetic[1]))
    assert quiet.output == ""
    assert json.loads((tmp_path / "b" / "metrics.json").read_text())["dev"]["micro"]["f1"] > 0
    loud = _train(tmp_path / "c", train, "--labels", "NAME,AGE", "--verbose", "--max-iterations", "5")
    assert "Iteration" in loud.output or "L-BFGS" in loud.output


def test_dev_labels_that_differ_from_train_labels_are_warned_about(tmp_path, caplog):
    train = _jsonl(tmp_path / "train.jsonl", make_docs(40, seed=1))
    dev_docs = make_docs(10, seed=2)
    for d in dev_docs:
        for s in d.spans:
            if s.label == "DRUG":
                s.label = "MEDICATION"
    dev = _jsonl(tmp_path / "dev.jsonl", dev_docs)
    with caplog.at_level(logging.WARNING, logger="vimednlp.taggers.base"):
        _train(tmp_path / "m", train, "--dev", str(dev), "--quiet")
    msgs = [r.getMessage() for r in caplog.records if "dev labels differ" in r.getMessage()]
    assert msgs and "only in dev: MEDICATION" in msgs[0] and "only in train: DRUG" in msgs[0]
    # labels only: no text of a note in the warning
    assert not any(d.text[:20] in msgs[0] for d in dev_docs)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="vimednlp.taggers.base"):
        _train(tmp_path / "n", train, "--dev", str(_jsonl(tmp_path / "same.jsonl", make_docs(40, seed=5))), "--quiet")
    assert not [r for r in caplog.records if "dev labels differ" in r.getMessage()]
