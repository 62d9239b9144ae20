"""Against a real Label Studio server (see conftest.py): configs load, errors are clear, and the whole
loop push -> annotate as two annotators -> pull -> agreement -> adjudicate -> export holds."""
from __future__ import annotations

import json
import time

import pytest

from vimednlp.annotation.adjudicate import adjudicate
from vimednlp.annotation.agreement import agreement
from vimednlp.annotation.client import LabelStudioClient, LabelStudioError
from vimednlp.annotation.simulate import controlled_annotator, lexicon_predictor, make_notes
from vimednlp.annotation.store import PullStore
from vimednlp.schema import Document, Span

pytestmark = pytest.mark.labelstudio


def _working_pipeline():
    """vimednlp's own predictor when it is installed and runs, else None (its rooms are tested elsewhere)."""
    import warnings

    from vimednlp.annotation.predict import PredictorUnavailable, get_predictor

    try:
        p = get_predictor("all")
        p("Bệnh nhân Nguyễn Văn An, 45 tuổi. Không sốt.")
        return p
    except PredictorUnavailable:
        return None
    except Exception as e:  # a broken pipeline is the pipeline's tests' business, not this one's
        warnings.warn(f"vimednlp's pipeline fails ({type(e).__name__}: {e}); using the fallback predictor")
        return None


def _title(name: str) -> str:
    return f"{name} {time.monotonic_ns()}"


@pytest.mark.parametrize("which", ["phi", "clinical", "all"])
def test_generated_config_loads_in_the_server(ls_client, which):
    pid = ls_client.ensure_project(_title(f"cfg-{which}"), which)
    p = ls_client.get_project(pid)
    assert p.label_config.strip().endswith("</View>")
    parsed = p.parsed_label_config
    assert set(parsed["label"]["labels"]) == set(ls_client.schema.label_names(which))
    expected_choices = {"phi": {"id_kind"}, "clinical": {"assertion"}, "all": {"assertion", "id_kind"}}[which]
    assert set(parsed) - {"label"} == expected_choices
    # updating the same project (by title) keeps its id
    assert ls_client.ensure_project(p.title, which) == pid


def test_clear_errors(ls_server, ls_client):
    bad = LabelStudioClient(ls_server.url, "f" * 40)
    with pytest.raises(LabelStudioError, match="refused the API token"):
        bad.whoami()
    down = LabelStudioClient("http://127.0.0.1:9", ls_server.token, timeout=3)
    with pytest.raises(LabelStudioError, match="not reachable"):
        down.whoami()
    with pytest.raises(LabelStudioError, match="project 987654 does not exist"):
        ls_client.pull(987654, PullStore(ls_server.data_dir / "nostate"))


def test_end_to_end_two_annotators(ls_server, ls_client, tmp_path):
    """push (with pre-annotations) -> two annotators through the API -> pull -> agreement -> adjudicate -> export."""
    c = ls_client
    text = "BS. Trần Quang Minh khám cho chị Lan 😷, 45 tuổi, ở xã Tân Phú. Không sốt, nghi viêm phổi."

    def s(sub, label, **attrs):
        i = text.index(sub)
        return Span(i, i + len(sub), label, sub, attrs=attrs)

    docs = [Document("e2e-1", text), Document("e2e-2", "Mẹ bị tăng huyết áp. Bệnh nhân ho khan 3 ngày.")]
    pid = c.ensure_project(_title("e2e"), "all")
    predictor = lexicon_predictor([Document("lex", text, [s("Lan", "NAME"), s("viêm phổi", "DISEASE")])])
    ids = c.push(pid, docs, predictor)
    assert len(ids) == 2
    (pred,) = list(c.ls.predictions.list(task=ids[0]))
    assert pred.model_version == "simulate-lexicon-1"
    assert {r["value"]["text"] for r in pred.result} == {"Lan", "viêm phổi"}

    # two annotator accounts: the Community Edition API creates users; annotations carry completed_by
    u1, u2 = c.ensure_user("annotator1@example.com"), c.ensure_user("annotator2@example.com")
    assert u1 != u2
    gold1 = [s("Trần Quang Minh", "NAME"), s("Lan", "NAME"), s("45 tuổi", "AGE"), s("xã Tân Phú", "LOCATION"),
             s("sốt", "SYMPTOM", negated=True), s("viêm phổi", "DISEASE", uncertain=True)]
    ann2 = [s("BS. Trần Quang Minh", "NAME"), s("Lan", "NAME"), s("45 tuổi", "AGE"), s("Tân Phú", "LOCATION"),
            s("sốt", "SYMPTOM", negated=True), s("viêm phổi", "DISEASE")]
    t2 = docs[1].text
    d2 = [Span(t2.index("tăng huyết áp"), t2.index("tăng huyết áp") + 13, "DISEASE", attrs={"family": True}),
          Span(t2.index("ho khan"), t2.index("ho khan") + 7, "SYMPTOM")]
    c.annotate(ids[0], text, gold1, completed_by=u1)
    a2 = c.annotate(ids[0], text, ann2, completed_by=u2)
    c.annotate(ids[1], t2, d2, completed_by=u1)
    c.annotate(ids[1], t2, d2, completed_by=u2)

    state = tmp_path / "state"
    r1 = c.pull(pid, PullStore(state))
    assert (r1.new, r1.unchanged, r1.tasks) == (4, 0, 2)
    r2 = c.pull(pid, PullStore(state))
    assert (r2.new, r2.unchanged) == (0, 4)  # idempotent

    # annotator 2 fixes the title boundary; then the annotation is deleted on the server: nothing is lost
    ann2[0] = s("Trần Quang Minh", "NAME")
    c.update_annotation(a2, text, ann2)
    r3 = c.pull(pid, PullStore(state))
    assert r3.new == 1
    c.ls.annotations.delete(id=a2)
    r4 = c.pull(pid, PullStore(state))
    assert r4.new == 0
    store = PullStore(state)
    assert len(store.annotations) == 5
    pulled = {d.id: d for d in store.documents()}
    assert set(pulled) == {"e2e-1", "e2e-2"}
    d = pulled["e2e-1"]
    assert d.meta["annotators"] == ["annotator1@example.com", "annotator2@example.com"]
    by = {(x.attrs["annotator"], x.text, x.label): x for x in d.spans}
    assert by[("annotator1@example.com", "sốt", "SYMPTOM")].attrs["negated"] is True
    assert by[("annotator1@example.com", "viêm phổi", "DISEASE")].attrs["uncertain"] is True
    assert "uncertain" not in by[("annotator2@example.com", "viêm phổi", "DISEASE")].attrs
    assert pulled["e2e-2"].spans[0].attrs["family"] is True

    rep = agreement(list(pulled.values()))
    m = rep.pair("annotator1@example.com", "annotator2@example.com")
    # doc 1: 5 of 6 exact (LOCATION differs in its boundary); doc 2: 2 of 2 -> strict 2*7/(8+8), overlap 1
    assert m["strict"]["ALL"]["f1"] == pytest.approx(14 / 16)
    assert m["overlap"]["ALL"]["f1"] == pytest.approx(1.0)

    gold = adjudicate(list(pulled.values()), "precedence", precedence=["annotator1@example.com"])
    g1 = {x.text: x for x in gold[0].spans}
    assert set(g1) == {"Trần Quang Minh", "Lan", "45 tuổi", "xã Tân Phú", "sốt", "viêm phổi"}
    assert g1["xã Tân Phú"].attrs["annotator"] == "annotator1@example.com"
    assert g1["Lan"].attrs["agreed_by"] == ["annotator1@example.com", "annotator2@example.com"]
    for g in gold:
        g.check()

    exported = {t["id"]: t for t in c.export_json(pid)}
    assert exported[ids[0]]["total_predictions"] == 1
    assert len(exported[ids[0]]["annotations"]) == 1  # annotator 2's was deleted on the server
    out = tmp_path / "gold.jsonl"
    out.write_text("".join(g.to_json() + "\n" for g in gold), encoding="utf-8")
    back = [Document.from_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [len(b.spans) for b in back] == [6, 2]
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["spans"][0]["attrs"]["annotator"]


@pytest.mark.slow
def test_fifty_documents_controlled_disagreement(ls_client, tmp_path):
    """50 notes pushed with pre-annotations, two simulated annotators with scheduled disagreements:
    the agreement equals what the schedule implies, and adjudication gives back the gold corpus."""
    from vimednlp.corpus.validate import validate_records

    c = ls_client
    docs = make_notes(50, seed=7)
    pid = c.ensure_project(_title("fifty"), "all")
    ua, ub, lead = (c.ensure_user(f"{x}@example.com") for x in ("sim-a", "sim-b", "sim-lead"))
    b_spans, counts, edited = controlled_annotator(docs)
    # the two annotators' work arrives with the tasks (one import call: per-annotation calls for 100
    # annotations cost a minute on a busy machine, and the end-to-end test covers them) ...
    # pre-annotations from vimednlp's own pipeline where it is installed, else the simulation's lexicon
    predictor = _working_pipeline() or lexicon_predictor(docs)
    ids = c.push(pid, docs, predictor, annotations=[{ua: d.spans, ub: b} for d, b in zip(docs, b_spans)])
    preds = list(c.ls.predictions.list(task=ids[0]))
    assert preds and preds[0].model_version == predictor.model_version and preds[0].result
    # ... and the lead adjudicates, through the annotation API, the documents where the two disagree
    for i in edited:
        c.annotate(ids[i], docs[i].text, docs[i].spans, completed_by=lead)
    store = PullStore(tmp_path / "state")
    r = c.pull(pid, store)
    assert r.new == 100 + len(edited)
    pulled = store.documents()
    assert len(pulled) == 50

    rep = agreement(pulled, annotators=["sim-a@example.com", "sim-b@example.com"])
    m = rep.pair("sim-a@example.com", "sim-b@example.com")
    n_a, n_b = counts.spans, counts.spans - counts.dropped
    strict_tp = counts.spans - counts.dropped - counts.relabeled - counts.shifted
    overlap_tp = counts.spans - counts.dropped - counts.relabeled
    assert (counts.dropped, counts.relabeled, counts.shifted) == (10, 3, 6)
    assert (m["strict"]["ALL"]["tp"], m["strict"]["ALL"]["n_a"], m["strict"]["ALL"]["n_b"]) == (strict_tp, n_a, n_b)
    assert m["strict"]["ALL"]["f1"] == pytest.approx(2 * strict_tp / (n_a + n_b), abs=1e-6)
    assert m["overlap"]["ALL"]["f1"] == pytest.approx(2 * overlap_tp / (n_a + n_b), abs=1e-6)
    assert 0.9 < m["kappa"]["ALL"] < 1.0 and 0.9 < rep.alpha["ALL"] < 1.0

    gold = adjudicate(pulled, "adjudicator", adjudicator="lead@example.com".replace("lead", "sim-lead"))
    by_id = {g.id: g for g in gold}
    for d in docs:
        g = by_id[d.id]
        assert [(x.start, x.end, x.label) for x in g.spans] == [(x.start, x.end, x.label) for x in d.spans]
        for x, y in zip(g.spans, d.spans):
            assert {k: v for k, v in x.attrs.items() if k not in ("annotator", "agreed_by")} == y.attrs
            assert x.attrs["annotator"] in ("sim-a@example.com", "sim-lead@example.com")
    report = validate_records(((None, g) for g in gold), "gold")
    assert report.ok(), [p for p in report.errors]


def test_cli_push_with_pipeline_predictions_pull_export(ls_server, ls_client, tmp_path):
    """The commands against the server; pre-annotations come from vimednlp's own pipeline when it is installed."""
    from click.testing import CliRunner

    from vimednlp.cli import cli

    have_pipeline = _working_pipeline() is not None
    text = "Bệnh nhân Nguyễn Văn An, 45 tuổi, SĐT 0912 345 678. Không sốt."
    src = tmp_path / "notes.jsonl"
    src.write_text(Document("cli-1", text).to_json() + "\n", encoding="utf-8")
    env = {"LABEL_STUDIO_URL": ls_server.url, "LABEL_STUDIO_API_KEY": ls_server.token}
    run = CliRunner().invoke
    r = run(cli, ["ls", "project", "--title", _title("cli"), "--schema", "all"], env=env)
    assert r.exit_code == 0, r.output
    pid = int(r.stdout.strip())
    r = run(cli, ["ls", "push", str(src), "--project", str(pid)] + ([] if have_pipeline else ["--no-predict"]), env=env)
    assert r.exit_code == 0, r.output
    (task,) = list(ls_client.ls.tasks.list(project=pid))
    preds = list(ls_client.ls.predictions.list(task=task.id))
    if have_pipeline:
        (p,) = preds
        assert p.model_version == "vimednlp-0.1.0-all"
        labels = {(x["value"]["text"], x["value"].get("labels", [None])[0]) for x in p.result if x["type"] == "labels"}
        assert ("Nguyễn Văn An", "NAME") in labels and ("sốt", "SYMPTOM") in labels
        neg = [x for x in p.result if x["type"] == "choices" and x["value"]["text"] == "sốt"]
        assert neg and neg[0]["value"]["choices"] == ["negated"]
    else:
        assert preds == []
    uid = ls_client.ensure_user("cli-annotator@example.com")
    ls_client.annotate(task.id, text, [Span(10, 23, "NAME")], completed_by=uid)
    out = tmp_path / "pulled.jsonl"
    args = ["ls", "pull", "--project", str(pid), "--state", str(tmp_path / "st"), "--out", str(out)]
    r = run(cli, args, env=env)
    assert r.exit_code == 0, r.output
    assert "1 new annotation versions" in r.output
    r = run(cli, args, env=env)
    assert "0 new annotation versions, 1 already pulled" in r.output
    (d,) = [Document.from_json(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert d.id == "cli-1" and [(s.text, s.attrs["annotator"]) for s in d.spans] == [
        ("Nguyễn Văn An", "cli-annotator@example.com")]
    r = run(cli, ["ls", "export", "--project", str(pid), "--out", str(tmp_path / "exp.json")], env=env)
    assert r.exit_code == 0 and json.loads((tmp_path / "exp.json").read_text(encoding="utf-8"))[0]["data"]["text"] == text
    r = run(cli, ["ls", "pull", "--project", "99999", "--state", str(tmp_path / "st2")], env=env)
    assert r.exit_code == 1 and "project 99999 does not exist" in r.output


def test_push_into_a_phi_project_leaves_out_clinical_predictions_and_the_export_converts_per_annotator(
        ls_server, ls_client, tmp_path):
    """`ls push --schema all` into a PHI-only project warns and sends only PHI predictions; the server's own JSON
    export, converted by `corpus convert`, keeps both annotators' annotations with their choices."""
    from click.testing import CliRunner

    from vimednlp.cli import cli

    text = "Bà Lê Thị Hoa, CCCD 001203004567, không sốt, ho khan."

    def s(sub, label, **attrs):
        i = text.index(sub)
        return Span(i, i + len(sub), label, sub, attrs=attrs)

    src = tmp_path / "notes.jsonl"
    src.write_text(Document("phi-1", text, [s("Lê Thị Hoa", "NAME"), s("sốt", "SYMPTOM", negated=True)]).to_json()
                   + "\n", encoding="utf-8")
    env = {"LABEL_STUDIO_URL": ls_server.url, "LABEL_STUDIO_API_KEY": ls_server.token}
    pid = ls_client.ensure_project(_title("phi-only"), "phi")
    r = CliRunner().invoke(cli, ["ls", "push", str(src), "--project", str(pid), "--spans-as-predictions"], env=env)
    assert r.exit_code == 0, r.output
    assert "no label for 1 predicted spans" in r.output and "SYMPTOM 1" in r.output
    (task,) = list(ls_client.ls.tasks.list(project=pid))
    (pred,) = list(ls_client.ls.predictions.list(task=task.id))
    assert [x["value"]["labels"] for x in pred.result if x["type"] == "labels"] == [["NAME"]]

    ua, ub = ls_client.ensure_user("phi-a@example.com"), ls_client.ensure_user("phi-b@example.com")
    ls_client.annotate(task.id, text, [s("Lê Thị Hoa", "NAME"), s("001203004567", "ID", kind="cccd")], completed_by=ua)
    ls_client.annotate(task.id, text, [s("Lê Thị Hoa", "NAME"), s("001203004567", "ID", kind="bhyt")], completed_by=ub)
    exp = tmp_path / "export.json"
    assert CliRunner().invoke(cli, ["ls", "export", "--project", str(pid), "--out", str(exp)], env=env).exit_code == 0
    recs = tmp_path / "recs.jsonl"
    r = CliRunner().invoke(cli, ["corpus", "convert", str(exp), str(recs)])
    assert r.exit_code == 0, r.output
    (d,) = [Document.from_json(x) for x in recs.read_text(encoding="utf-8").splitlines()]
    kinds = sorted((x.attrs["annotator"], x.attrs.get("kind")) for x in d.spans if x.label == "ID")
    assert len(d.spans) == 4 and d.meta["annotators"] == ["phi-a@example.com", "phi-b@example.com"]
    assert [k for _, k in kinds] in (["cccd", "bhyt"], ["bhyt", "cccd"])
    r = CliRunner().invoke(cli, ["ls", "agreement", str(recs), "--json"])
    assert r.exit_code == 0, r.output
    (pair,) = json.loads(r.stdout)["pairs"].values()
    assert pair["strict"]["ALL"]["f1"] == 1.0
