"""`vimednlp extract` over text and JSONL files."""
from __future__ import annotations

import json

from click.testing import CliRunner

from vimednlp.cli import cli


def run(args, **kw):
    return CliRunner().invoke(cli, ["extract", *args], catch_exceptions=False, **kw)


def test_help_has_examples():
    r = run(["--help"])
    assert r.exit_code == 0 and "Examples:" in r.output and "vimednlp extract note.txt" in r.output


def test_text_file_and_stdin(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("Không sốt. Nghi lao phổi.", encoding="utf-8")
    r = run([str(f), "-q"])
    assert r.exit_code == 0
    rec = json.loads(r.output)
    assert rec["id"] == "note"
    lao = next(s for s in rec["spans"] if s["text"] == "lao phổi")
    assert lao["attrs"]["uncertain"] is True
    r = run(["-", "-q"], input="Bố bị THA")
    assert json.loads(r.output)["spans"][0]["attrs"]["family"] is True


def test_jsonl_errors_are_reported_with_line_numbers(tmp_path):
    f = tmp_path / "notes.jsonl"
    f.write_text('{"id": "a", "text": "Sốt cao"}\n{broken\n{"id": "c", "note": "x"}\n{"id": "d", "text": "Ho"}\n',
                 encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run([str(f), "--out", str(out), "--on-error", "skip"])
    assert r.exit_code == 0
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a", "d"]
    assert "notes.jsonl:2" in r.output and "notes.jsonl:3" in r.output and "Sốt" not in r.output.split("skipped")[-1]
    r = run([str(f), "--out", str(out)])
    assert r.exit_code == 1 and "notes.jsonl:2" in r.output


def test_usage_errors(tmp_path):
    assert run([str(tmp_path / "missing.txt")]).exit_code == 2
    f = tmp_path / "n.txt"
    f.write_text("sốt", encoding="utf-8")
    assert run([str(f), "--labels", "NAME"]).exit_code == 2
    bad = tmp_path / "latin.txt"
    bad.write_bytes("B\xe9nh".encode("latin-1"))
    r = run([str(bad)])
    assert r.exit_code == 1 and "UTF-8" in r.output


def test_csv_out_is_csv_one_row_per_span_and_unknown_extensions_are_refused(tmp_path):
    import csv

    f = tmp_path / "note.txt"
    f.write_text("Không sốt, ho khan 3 ngày. TD viêm phổi.", encoding="utf-8")
    out = tmp_path / "e.csv"
    r = run([str(f), "--out", str(out), "-q"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [(x["label"], x["text"]) for x in rows] == [("SYMPTOM", "sốt"), ("SYMPTOM", "ho khan"),
                                                       ("DISEASE", "viêm phổi")]
    assert rows[0]["negated"] == "True" and rows[2]["uncertain"] == "True" and rows[0]["id"] == "note"
    r = run([str(f), "--out", str(tmp_path / "e.tsv"), "-q"])
    assert r.exit_code == 2 and "--to" in r.output and not (tmp_path / "e.tsv").exists()


def test_csv_input_with_a_text_column_keeps_ids_and_names_bad_rows_by_line(tmp_path):
    f = tmp_path / "export.csv"
    f.write_text('visit,note\nv1,"Không sốt,\nho khan."\nv2,\nv3,Tiền sử THA\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run([str(f), "--text-column", "note", "--id-column", "visit", "--out", str(out), "-q"])
    assert r.exit_code == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in recs] == ["v1", "v2", "v3"]
    assert recs[0]["text"] == "Không sốt,\nho khan." and recs[2]["spans"][0]["attrs"]["historical"] is True
    r = run([str(f), "--text-column", "body"])
    assert r.exit_code == 1 and "no column 'body'" in r.output


def test_on_error_skip_skips_a_lone_surrogate_with_file_and_line(tmp_path):
    f = tmp_path / "notes.jsonl"
    f.write_text('{"id": "a", "text": "Sốt cao \\ud800 ho"}\n{"id": "b", "text": "Ho khan"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run([str(f), "--out", str(out), "--on-error", "skip", "-q"])
    assert r.exit_code == 0
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["b"]
    assert "notes.jsonl:1" in r.output and "surrogate" in r.output and "Sốt" not in r.output
    r = run([str(f), "--out", str(out)])
    assert r.exit_code == 1 and "notes.jsonl:1" in r.output
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["b"]  # kept as it was


def test_out_through_a_symlink_and_dash(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("Ho khan.", encoding="utf-8")
    target = tmp_path / "target.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert run([str(f), "--out", str(link), "-q"]).exit_code == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["id"] == "note"
    r = run([str(f), "--out", "-", "-q"])
    assert r.exit_code == 0 and json.loads(r.output)["spans"][0]["text"] == "Ho khan"


def test_on_error_skip_goes_on_when_extraction_itself_fails_on_a_record(tmp_path, monkeypatch):
    from vimednlp import clinical

    real = clinical.extract

    def flaky(text, **kw):
        if "THA" in text:
            raise RuntimeError("boom in a rule")
        return real(text, **kw)

    monkeypatch.setattr(clinical, "extract", flaky)
    f = tmp_path / "notes.jsonl"
    f.write_text('{"id": "a", "text": "Tiền sử THA"}\n{"id": "b", "text": "Ho khan"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run([str(f), "--out", str(out), "--on-error", "skip", "-q"])
    assert r.exit_code == 0
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["b"]
    assert "notes.jsonl:1 (id a): RuntimeError" in r.output and "THA" not in r.output
    r = run([str(f), "--out", str(out)])
    assert r.exit_code == 1 and "notes.jsonl:1" in r.output
