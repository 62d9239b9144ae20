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
