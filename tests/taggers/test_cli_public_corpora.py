"""`vimednlp train` on public corpora read as published (fixtures in the real layouts, sentences written for the
tests): trained on the published train split with the corpus's own labels, scored on its test split."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from vimednlp.cli import cli
from vimednlp.taggers import load_tagger

PUB = Path(__file__).resolve().parent.parent / "corpus" / "fixtures" / "published"
VIMEDNER_TAGS = ["bien_phap_chan_doan", "bien_phap_dieu_tri", "nguyen_nhan_benh", "ten_benh", "trieu_chung_benh"]


def test_a_vimq_conll_with_its_lower_case_labels_trains_all_three(tmp_path):
    """ViMQ writes `drug` and `medical_procedure` in lower case; mapped with --label-source vimq they must not
    vanish (the CoNLL is what `corpus convert --corpus vimq` writes: the published tags)."""
    runner = CliRunner()
    conll = tmp_path / "vimq_train.conll"
    res = runner.invoke(cli, ["corpus", "convert", str(PUB / "vimq"), str(conll), "--corpus", "vimq", "--split", "train"])
    assert res.exit_code == 0, res.output
    text = conll.read_text(encoding="utf-8")
    assert "B-drug" in text and "B-medical_procedure" in text
    # the upper-cased spelling of the same tags maps the same way
    upper = tmp_path / "vimq_upper.conll"
    upper.write_text(text.replace("-drug", "-DRUG").replace("-medical_procedure", "-MEDICAL_PROCEDURE"),
                     encoding="utf-8")
    for src in (conll, upper):
        out = tmp_path / f"model_{src.stem}"
        res = runner.invoke(cli, ["train", "--train", str(src), "--label-source", "vimq", "--out", str(out),
                                  "--max-iterations", "30", "--quiet"])
        assert res.exit_code == 0, res.output
        assert "spans left out" not in res.output
        assert load_tagger(out).labels == ["DISEASE", "DRUG", "PROCEDURE"]


def test_train_on_vimedner_as_published_scores_its_test_split_on_its_own_labels(tmp_path):
    out = tmp_path / "vimedner-crf"
    res = CliRunner().invoke(cli, ["train", "--corpus", "vimedner", "--data", str(PUB / "vimedner"), "--out", str(out),
                                   "--max-iterations", "60"])
    assert res.exit_code == 0, res.output
    assert "1 empty tokens skipped" in res.output and "read 8 training documents" in res.output
    assert "test split of vimedner (3 records)" in res.output and "micro" in res.output
    for tag in VIMEDNER_TAGS:
        assert tag in res.output
    assert load_tagger(out).labels == VIMEDNER_TAGS
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["corpus"] == "vimedner" and metrics["labels"] == "published"
    assert sorted(metrics["test"]["per_label"]) == VIMEDNER_TAGS
    assert metrics["test"]["micro"]["support"] == 7 and metrics["test"]["micro"]["f1"] > 0.5


def test_train_a_spacy_tagger_on_vimq_and_map_labels_on_request(tmp_path):
    out = tmp_path / "vimq-spacy"
    res = CliRunner().invoke(cli, ["train", "--corpus", "vimq", "--data", str(PUB / "vimq"), "--kind", "spacy",
                                   "--epochs", "3", "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert sorted(metrics["test"]["per_label"]) == ["SYMPTOM_AND_DISEASE", "drug", "medical_procedure"]
    assert metrics["test"]["micro"]["support"] == 4
    res = CliRunner().invoke(cli, ["train", "--corpus", "vimq", "--data", str(PUB / "vimq"), "--map-labels",
                                   "--max-iterations", "30"])
    assert res.exit_code == 0, res.output
    assert "labels (mapped to vimednlp)" in res.output and "PROCEDURE" in res.output
    assert "not saved (no --out)" in res.output


def test_a_corpus_without_a_published_split_is_split_by_a_seeded_shuffle():
    res = CliRunner().invoke(cli, ["train", "--corpus", "vietmed_ner", "--data", str(PUB / "vietmed_ner" / "dataset.txt"),
                                   "--max-iterations", "30", "--seed", "1"])
    assert res.exit_code == 0, res.output
    assert "has no published split" in res.output and "seed 1" in res.output
    assert "test split of vietmed_ner (1 records)" in res.output


def test_train_corpus_usage_errors_and_help(tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["train", "--corpus", "vimq"])
    assert res.exit_code == 2 and "--data" in res.output
    res = runner.invoke(cli, ["train", "--corpus", "vimq", "--data", str(PUB / "vimq"), "--split", "validation"])
    assert res.exit_code == 2 and "no split 'validation'" in res.output and "train, dev, test" in res.output
    res = runner.invoke(cli, ["train", "--corpus", "vimedner", "--data", str(PUB / "vimq")])
    assert res.exit_code == 2 and "no ViMedNER split" in res.output
    res = runner.invoke(cli, ["train", "--corpus", "vimq", "--data", str(PUB / "vimq"), "--label-source", "vimq"])
    assert res.exit_code == 2 and "--map-labels" in res.output
    res = runner.invoke(cli, ["train", "--out", str(tmp_path / "o")])
    assert res.exit_code == 2 and "--corpus NAME --data DIR" in res.output
    res = runner.invoke(cli, ["train", "--help"])
    assert res.exit_code == 0 and "--corpus vimq --data" in res.output and "--eval-split" in res.output
