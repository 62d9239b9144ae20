from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from vimednlp.cli import cli
from vimednlp.taggers import load_tagger
from vimednlp.taggers.io import read_docs

from .conftest import make_docs


def _conll(docs) -> str:
    """Write documents as CoNLL (`token TAG`), the way PhoNER-style corpora are distributed."""
    from vimednlp.taggers.bio import doc_to_bio

    lines = []
    for d in docs:
        toks, tags = doc_to_bio(d)
        lines += [f"{t.text} {g}" for t, g in zip(toks, tags)] + [""]
    return "\n".join(lines) + "\n"


def test_conll_reader_round_trip(tmp_path):
    docs = make_docs(5, seed=3)
    p = tmp_path / "a.conll"
    p.write_text(_conll(docs), encoding="utf-8")
    back = read_docs(p)
    assert len(back) == 5
    for a, b in zip(docs, back):
        assert [s.text for s in a.spans] == [s.text for s in b.spans]
        assert [s.label for s in a.spans] == [s.label for s in b.spans]
        b.check()


def test_readers_report_bad_lines(tmp_path):
    p = tmp_path / "bad.jsonl"
    good = make_docs(1)[0].to_json()
    p.write_text(good + "\n{broken\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        read_docs(p)
    c = tmp_path / "bad.conll"
    c.write_text("Bệnh O\nnhân O\nsốt\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.conll:3"):
        read_docs(c)


@pytest.mark.slow
def test_train_command_crf(tmp_path):
    tr, dv = tmp_path / "train.conll", tmp_path / "dev.jsonl"
    tr.write_text(_conll(make_docs(100, seed=1)), encoding="utf-8")
    dv.write_text("\n".join(d.to_json() for d in make_docs(25, seed=2)) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    res = CliRunner().invoke(cli, ["train", "--kind", "crf", "--train", str(tr), "--dev", str(dv), "--out", str(out),
                                   "--max-iterations", "40", "--labels", "NAME,AGE,SYMPTOM"])
    assert res.exit_code == 0, res.output
    assert "micro" in res.output and "SYMPTOM" in res.output and "DRUG" not in res.output
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["dev"]["micro"]["f1"] > 0.9
    tagger = load_tagger(out)
    assert tagger.labels == ["AGE", "NAME", "SYMPTOM"]


def test_train_command_usage_errors(tmp_path):
    tr = tmp_path / "train.jsonl"
    tr.write_text(make_docs(1)[0].to_json() + "\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(cli, ["train", "--kind", "transformers", "--train", str(tr), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2 and "--model" in res.output
    res = runner.invoke(cli, ["train", "--train", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2
    res = runner.invoke(cli, ["train", "--help"])
    assert res.exit_code == 0 and "Examples" in res.output
