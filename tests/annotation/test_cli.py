"""`vimednlp ls ...` offline commands (config, agreement, consistency, adjudicate) and usage errors."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from vimednlp.annotation.config import label_config
from vimednlp.annotation.predict import PredictorUnavailable, get_predictor
from vimednlp.cli import cli
from vimednlp.schema import Document, Span

TEXT = "Chị Mai, 33 tuổi, ở phường Nghĩa Đô. Không sốt."


def sp(sub, label, who, **attrs):
    i = TEXT.index(sub)
    return Span(i, i + len(sub), label, sub, attrs={"annotator": who, **attrs})


@pytest.fixture
def records(tmp_path):
    d = Document("n1", TEXT, [sp("Mai", "NAME", "a"), sp("33 tuổi", "AGE", "a"), sp("sốt", "SYMPTOM", "a", negated=True),
                              sp("Mai", "NAME", "b"), sp("33 tuổi", "AGE", "b"), sp("phường Nghĩa Đô", "LOCATION", "b")],
                 {"annotators": ["a", "b"]})
    p = tmp_path / "ann.jsonl"
    p.write_text(d.to_json() + "\n", encoding="utf-8")
    return p


def test_config_command(tmp_path):
    r = CliRunner().invoke(cli, ["ls", "config", "clinical"])
    assert r.exit_code == 0 and r.output == label_config("clinical")
    r = CliRunner().invoke(cli, ["ls", "config", "--write-all", str(tmp_path)])
    assert r.exit_code == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["all.xml", "clinical.xml", "phi.xml"]
    assert CliRunner().invoke(cli, ["ls", "config", "nope"]).exit_code == 2


def test_agreement_and_report(records, tmp_path):
    rep = tmp_path / "dis.md"
    r = CliRunner().invoke(cli, ["ls", "agreement", str(records), "--json", "--report", str(rep)])
    assert r.exit_code == 0, r.output
    figures = json.loads(r.stdout)
    assert figures["pairs"]["a|b"]["strict"]["ALL"]["f1"] == pytest.approx(4 / 6)
    md = rep.read_text(encoding="utf-8")
    assert "missing in A" in md and "missing in B" in md


def test_adjudicate_command(records, tmp_path):
    out = tmp_path / "gold.jsonl"
    r = CliRunner().invoke(cli, ["ls", "adjudicate", str(records), "--method", "precedence", "--precedence", "b,a",
                                 "--out", str(out)])
    assert r.exit_code == 0, r.output
    (g,) = [Document.from_json(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(s.text, s.attrs["annotator"]) for s in g.spans] == [
        ("Mai", "b"), ("33 tuổi", "b"), ("phường Nghĩa Đô", "b"), ("sốt", "a")]
    r = CliRunner().invoke(cli, ["ls", "adjudicate", str(records), "--method", "adjudicator"])
    assert r.exit_code == 2 and "--adjudicator" in r.output


def test_consistency_command(tmp_path):
    docs = [Document("1", "Chị Mai đến khám.", [Span(4, 7, "NAME", "Mai")]),
            Document("2", "Hẹn ngày mai tái khám.", [Span(9, 12, "DATE", "mai")])]
    p = tmp_path / "c.jsonl"
    p.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
    r = CliRunner().invoke(cli, ["ls", "consistency", str(p)])
    assert r.exit_code == 0 and r.stdout.startswith("mai\tDATEx1, NAMEx1")


def test_missing_token_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    r = CliRunner().invoke(cli, ["ls", "pull", "--project", "1", "--state", str(tmp_path)])
    assert r.exit_code == 2 and "token" in r.output


def test_predictor_errors_are_clear():
    with pytest.raises(PredictorUnavailable, match="cannot load predictor"):
        get_predictor(spec="no_such_module_xyz:predict")
    with pytest.raises(ValueError, match="module:function"):
        get_predictor(spec="justaname")


def test_worked_examples_reproduce(tmp_path):
    """annotation/examples/*.md and gold files are what the commands print for the example records."""
    from pathlib import Path

    ex = Path(__file__).resolve().parents[2] / "annotation" / "examples"
    rep = tmp_path / "dis.md"
    r = CliRunner().invoke(cli, ["ls", "agreement", str(ex / "two_annotators.jsonl"), "--report", str(rep)])
    assert r.exit_code == 0
    assert r.stdout == (ex / "agreement.md").read_text(encoding="utf-8")
    assert rep.read_text(encoding="utf-8") == (ex / "disagreements.md").read_text(encoding="utf-8")
    out = tmp_path / "g.jsonl"
    CliRunner().invoke(cli, ["ls", "adjudicate", str(ex / "two_annotators.jsonl"), "--method", "precedence",
                             "--precedence", "lan.annotator@example.com", "--out", str(out)])
    assert out.read_text(encoding="utf-8") == (ex / "gold_precedence.jsonl").read_text(encoding="utf-8")


def test_a_failing_predictor_names_the_record_not_its_text():
    from vimednlp.annotation.client import LabelStudioClient
    from vimednlp.annotation.predict import Predictor

    def boom(text):
        raise RuntimeError("model exploded")

    c = LabelStudioClient("http://127.0.0.1:9", "t" * 40)
    with pytest.raises(PredictorUnavailable, match=r"failed on document 'n-7' \(RuntimeError\)") as ei:
        c.push(1, [Document("n-7", "Bà Nguyễn Thị Hoa, 70 tuổi")], Predictor(boom, "x"))
    assert "Hoa" not in str(ei.value)


def test_config_labels_reads_the_labels_a_project_offers():
    from vimednlp.annotation.config import config_labels
    from vimednlp.schema import CLINICAL_LABELS, PHI_LABELS

    assert config_labels(label_config("phi"), "label") == set(PHI_LABELS)
    assert config_labels(label_config("all"), "label") == set(PHI_LABELS) | set(CLINICAL_LABELS)
    hand_made = '<View><Labels name="ner" toName="t"><Label value="NAME"/><Label value="DATE"/></Labels>' \
                '<Text name="t" value="$text"/></View>'
    assert config_labels(hand_made, "label") == {"NAME", "DATE"}
    with pytest.raises(ValueError, match="not valid XML"):
        config_labels("<View>", "label")


def test_push_leaves_out_and_counts_predictions_the_project_has_no_label_for(tmp_path, monkeypatch):
    from vimednlp.annotation.client import LabelStudioClient
    from vimednlp.schema import PHI_LABELS

    sent: list[dict] = []
    monkeypatch.setattr(LabelStudioClient, "project_labels", lambda self, project: set(PHI_LABELS))
    monkeypatch.setattr(LabelStudioClient, "_import",
                        lambda self, project, tasks: sent.extend(tasks) or list(range(len(tasks))))
    notes = tmp_path / "notes.jsonl"
    d = Document("n1", TEXT, [sp("Mai", "NAME", "a"), sp("33 tuổi", "AGE", "a"), sp("sốt", "SYMPTOM", "a")])
    notes.write_text(d.to_json() + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["ls", "push", str(notes), "--project", "3", "--url", "http://127.0.0.1:9",
                                 "--token", "t" * 40, "--spans-as-predictions"])
    assert r.exit_code == 0, r.output
    labels = [x["value"]["labels"][0] for x in sent[0]["predictions"][0]["result"] if x["type"] == "labels"]
    assert labels == ["NAME", "AGE"]
    assert "no label for 1 predicted spans" in r.output and "SYMPTOM 1" in r.output and "Mai" not in r.output


def test_push_with_the_pipeline_counts_clinical_predictions_a_phi_project_lacks(tmp_path, monkeypatch):
    from vimednlp.annotation.client import LabelStudioClient
    from vimednlp.annotation.predict import Predictor
    from vimednlp.schema import PHI_LABELS

    sent: list[dict] = []
    monkeypatch.setattr(LabelStudioClient, "project_labels", lambda self, project: set(PHI_LABELS))
    monkeypatch.setattr(LabelStudioClient, "_import",
                        lambda self, project, tasks: sent.extend(tasks) or list(range(len(tasks))))
    # the pipeline's spans for TEXT, fixed here so the test checks the push, not the detectors
    fixed = [sp("Mai", "NAME", "x"), sp("sốt", "SYMPTOM", "x"), sp("phường Nghĩa Đô", "LOCATION", "x")]
    monkeypatch.setattr("vimednlp.annotation.predict.get_predictor",
                        lambda which, spec, mv: Predictor(lambda text: fixed, "vimednlp-test-all"))
    note = tmp_path / "n.txt"
    note.write_text(TEXT, encoding="utf-8")
    r = CliRunner().invoke(cli, ["ls", "push", str(note), "--project", "3", "--url", "http://127.0.0.1:9",
                                 "--token", "t" * 40])
    assert r.exit_code == 0, r.output
    labels = [x["value"]["labels"][0] for x in sent[0]["predictions"][0]["result"] if x["type"] == "labels"]
    assert labels == ["NAME", "LOCATION"] and "SYMPTOM 1" in r.output


def test_agreement_with_nothing_to_compare_says_so_and_fails(tmp_path):
    one = Document("n1", TEXT, [sp("Mai", "NAME", "a"), sp("sốt", "SYMPTOM", "a")], {"annotators": ["a"]})
    p = tmp_path / "one.jsonl"
    p.write_text(one.to_json() + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["ls", "agreement", str(p)])
    assert r.exit_code == 1 and "nothing to compare" in r.output and "alpha" not in r.output.lower()
    # two annotators, never on the same document
    other = Document("n2", "Anh Hùng ho khan.", [Span(4, 8, "NAME", "Hùng", attrs={"annotator": "b"})],
                     {"annotators": ["b"]})
    p.write_text(one.to_json() + "\n" + other.to_json() + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["ls", "agreement", str(p)])
    assert r.exit_code == 1 and "no document was annotated by two" in r.output
    # adjudicated gold keeps both names in its meta but holds one annotation per document
    gold = tmp_path / "gold.jsonl"
    ex = __import__("pathlib").Path(__file__).resolve().parents[2] / "annotation" / "examples"
    gold.write_text((ex / "gold_majority.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    r = CliRunner().invoke(cli, ["ls", "agreement", str(gold)])
    assert r.exit_code == 1 and "adjudicated gold" in r.output
