"""`vimednlp deid` input and output: '-' for stdin and stdout, one file out, special files never replaced, exit codes."""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from vimednlp.deid.cli import deid

NOTE = "BN Nguyễn Văn An, 45 tuổi, SĐT 0912 345 678, vào viện 12/03/2024 vì sốt cao."
BASE = ["--model", "none", "-q"]


def run(args, **kw):
    return CliRunner().invoke(deid, [str(a) for a in args], catch_exceptions=False, **kw)


def records(n: int = 3) -> str:
    return "".join(json.dumps({"id": f"bn-{i}", "khoa": "Nội", "text": NOTE}, ensure_ascii=False) + "\n"
                   for i in range(n))


def test_jsonl_from_stdin_to_stdout_keeps_ids_and_fields():
    r = run(["-", "--format", "jsonl", *BASE], input=records().encode("utf-8"))
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in rows] == ["bn-0", "bn-1", "bn-2"] and all(x["khoa"] == "Nội" for x in rows)
    assert all("Nguyễn" not in x["text"] and "[NAME]" in x["text"] for x in rows)


def test_jsonl_from_stdin_into_a_file_is_written_afresh(tmp_path):
    out = tmp_path / "deid.jsonl"
    for _ in range(2):  # nothing to resume from stdin: a rerun replaces the file, never appends to it
        r = run(["-", "--format", "jsonl", "--out", out, *BASE], input=records(3).encode("utf-8"))
        assert r.exit_code == 0, r.output
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["bn-0", "bn-1", "bn-2"]


def test_out_dash_is_stdout_for_jsonl_and_csv(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(records(2), encoding="utf-8")
    r = run([f, "--out", "-", *BASE])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 2 and "[PHONE]" in r.stdout
    assert not (tmp_path / "-").exists() and not list(tmp_path.glob("-*"))
    c = tmp_path / "in.csv"
    c.write_text(f'ma,ghi_chu\n1,"{NOTE}"\n', encoding="utf-8")
    r = run([c, "--columns", "ghi_chu", "--out", "-", *BASE])
    assert r.exit_code == 0 and r.stdout.splitlines()[0] == "ma,ghi_chu" and "[NAME]" in r.stdout


def test_one_text_file_with_out_file_writes_a_file(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text(NOTE, encoding="utf-8")
    out = tmp_path / "ket_qua" / "note_deid.txt"
    out.parent.mkdir()
    r = run([f, "--out", out, *BASE])
    assert r.exit_code == 0, r.output
    assert out.is_file() and "[NAME]" in out.read_text(encoding="utf-8")
    # stdin to a file, too
    out2 = tmp_path / "stdin_deid.txt"
    assert run(["-", "--out", out2, *BASE], input=NOTE).exit_code == 0
    assert out2.is_file() and "Nguyễn" not in out2.read_text(encoding="utf-8")


def test_a_symlink_to_a_file_is_followed_and_kept(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text(NOTE, encoding="utf-8")
    target, link = tmp_path / "that.txt", tmp_path / "link.txt"
    target.write_text("cũ", encoding="utf-8")
    link.symlink_to(target)
    assert run([f, "--out", link, *BASE]).exit_code == 0
    assert link.is_symlink() and "[NAME]" in target.read_text(encoding="utf-8")


def test_special_files_are_written_in_place_never_replaced(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(records(2), encoding="utf-8")
    null_link = tmp_path / "to_null.jsonl"
    null_link.symlink_to(os.devnull)
    r = run([f, "--out", null_link, *BASE])
    assert r.exit_code == 0, r.output
    assert null_link.is_symlink() and os.readlink(null_link) == os.devnull
    assert not Path(str(null_link) + ".progress").exists()  # nothing to resume into a device
    # a FIFO: written through (a reader gets the records), still a FIFO afterwards
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = run([f, "--out", fifo, *BASE])
    reader.join(timeout=30)
    assert r.exit_code == 0, r.output
    assert got and got[0].count(b"\n") == 2 and b"[NAME]" in got[0]
    import stat

    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    # one text file to a symlink to /dev/null: the link stays
    t = tmp_path / "note.txt"
    t.write_text(NOTE, encoding="utf-8")
    assert run([t, "--out", null_link, *BASE]).exit_code == 0
    assert null_link.is_symlink()


@pytest.mark.parametrize("mode", ["stdout", "file", "folder", "jsonl", "csv"])
def test_a_missing_input_is_a_usage_error_in_every_mode(tmp_path, mode):
    missing = tmp_path / ("khong_co.jsonl" if mode == "jsonl" else "khong_co.csv" if mode == "csv" else "khong_co")
    extra = {"stdout": [], "file": ["--out", tmp_path / "o.txt"], "folder": ["--out", tmp_path / "o"],
             "jsonl": ["--out", tmp_path / "o.jsonl"], "csv": ["--out", tmp_path / "o.csv", "--columns", "ghi_chu"]}
    r = CliRunner().invoke(deid, [str(missing), *map(str, extra[mode]), *BASE])
    assert r.exit_code == 2 and "does not exist" in r.output


def test_help_examples_run(tmp_path, monkeypatch):
    """The --help examples that need no key run as written."""
    monkeypatch.chdir(tmp_path)
    Path("note.txt").write_text(NOTE, encoding="utf-8")
    Path("notes.jsonl").write_text(records(2), encoding="utf-8")
    help_text = run(["--help"]).output
    for example in ("vimednlp deid note.txt --out note_deid.txt", "vimednlp deid - --format jsonl",
                    "vimednlp deid notes.jsonl --field text --out deid.jsonl --audit audit.jsonl --on-error skip"):
        assert example in help_text
    assert run(["note.txt", "--out", "note_deid.txt", *BASE]).exit_code == 0
    assert run(["-", "--format", "jsonl", *BASE], input=records(1)).exit_code == 0
    r = run(["notes.jsonl", "--field", "text", "--out", "deid.jsonl", "--audit", "audit.jsonl", "--on-error", "skip",
             *BASE])
    assert r.exit_code == 0 and len(Path("deid.jsonl").read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("enc", ["utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_extract_reads_the_encodings_deid_reads(tmp_path, enc):
    from vimednlp.clinical.cli import extract

    f = tmp_path / "note.txt"
    f.write_bytes("Không sốt, ho khan. TD viêm phổi.\n".encode(enc))
    assert run([f, *BASE]).exit_code == 0
    r = CliRunner().invoke(extract, [str(f)])
    assert r.exit_code == 0, r.output
    rec = json.loads(r.stdout.splitlines()[0])
    assert rec["text"] == "Không sốt, ho khan. TD viêm phổi.\n"
    assert any(s["text"] == "sốt" and s["attrs"]["negated"] for s in rec["spans"])
