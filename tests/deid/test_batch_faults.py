"""`vimednlp deid` under faults: bad bytes, broken records, duplicate ids, odd encodings, kill -9 and resume.

Every run must account for every input: records in = written + skipped (listed in the report with
file, line and reason) + done by an earlier run, and nothing is written twice.
"""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from vimednlp.deid.cli import deid

NAMES = ["Nguyễn Văn An", "Trần Thị Lan", "Lê Minh Tuấn", "Phạm Thu Hà", "Hoàng Đức Thắng"]
BASE = ["--model", "none", "-q"]


def note(i: int) -> str:
    """A short admission note with a name, an age, a phone and a date (all must go)."""
    return (f"BN {NAMES[i % 5]}, {20 + i % 60} tuổi, SĐT 0912 345 {i % 1000:03d}, vào viện 12/03/2024 "
            f"vì sốt cao, ho khan.")


def run(args, **kw):
    return CliRunner().invoke(deid, [str(a) for a in args], catch_exceptions=False, **kw)


def report_of(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def assert_clean(text: str) -> None:
    for name in NAMES:
        assert name not in text
    assert "0912 345" not in text and "12/03/2024" not in text


# --- kill -9 and resume: 2,000 records through JSONL, CSV and folders ------------------------------------
def _progress_lines(progress: Path) -> int:
    try:
        return progress.read_bytes().count(b"\n") - 1
    except FileNotFoundError:
        return 0


def _kill_midway(args: list, progress: Path, total: int, at: int = 150) -> int:
    """Start `vimednlp deid ARGS`, SIGKILL its whole process group once `at` records are done; the count done."""
    proc = subprocess.Popen([sys.executable, "-m", "vimednlp", "deid", *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline, n = time.monotonic() + 120, 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            n = _progress_lines(progress)
            if n >= at:
                os.killpg(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.003)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert at <= n < total
    return n


def _resume(args: list) -> subprocess.CompletedProcess:
    r = subprocess.run([sys.executable, "-m", "vimednlp", "deid", *map(str, args)], capture_output=True, text=True, check=False,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return r


def test_jsonl_2000_records_with_faults_survive_kill_and_resume(tmp_path):
    src, out = tmp_path / "notes.jsonl", tmp_path / "deid.jsonl"
    bad: dict[int, str] = {}  # line -> what is wrong
    with src.open("wb") as fh:
        for i in range(2000):
            line = i + 1
            rec = {"id": f"bn-{i % 1700}" if i % 250 != 3 else "", "n": i, "khoa": "Nội", "text": note(i)}
            raw = json.dumps(rec, ensure_ascii=False).encode("utf-8")
            if i % 197 == 5:
                raw, bad[line] = raw[:-9], "invalid JSON"
            elif i % 211 == 7:
                raw, bad[line] = raw.replace(b"BN ", b"BN \\ud83d ", 1), "lone surrogate"
            elif i % 223 == 9:
                raw, bad[line] = raw.replace("sốt".encode(), b"s\xff\xfet", 1), "not UTF-8"
            elif i == 1500:
                raw, bad[line] = json.dumps({"id": "x", "n": i, "body": note(i)}, ensure_ascii=False).encode(), "field"
            fh.write(raw + b"\n")
    good = {i for i in range(2000) if i + 1 not in bad}
    args = [src, "--out", out, "--on-error", "skip", *BASE]
    done = _kill_midway([*args, "--workers", 2], Path(str(out) + ".progress"), 2000)
    r = _resume([*args, "--workers", 1])
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    seen = Counter(x["n"] for x in rows)
    assert set(seen) == good and max(seen.values()) == 1  # every good record, exactly once
    assert all(x["khoa"] == "Nội" for x in rows)
    assert_clean(out.read_text(encoding="utf-8"))
    rep = report_of(Path(str(out) + ".report.json"))
    assert rep["records_in"] == 2000
    assert rep["already_done"] >= done and rep["already_done"] + rep["processed"] == len(good)
    assert sorted(e["line"] for e in rep["error_records"]) == sorted(bad)
    assert all(e["source"] == "notes.jsonl" for e in rep["error_records"])
    assert rep["duplicate_ids"] > 0
    assert f"accounting: 2000 record(s) in = {rep['processed']} written + {len(bad)} skipped" in r.stderr


def _csv_row(values: list[str]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerow(values)
    return buf.getvalue().encode("utf-8")


def test_csv_2000_rows_with_faults_survive_kill_and_resume(tmp_path):
    src, out = tmp_path / "export.csv", tmp_path / "export_deid.csv"
    start_line: dict[int, int] = {}
    bad: set[int] = set()
    line = 2
    with src.open("wb") as fh:
        fh.write(_csv_row(["stt", "ma_bn", "ghi_chu", "khoa"]))
        for i in range(2000):
            text = note(i) if i % 7 else note(i) + "\nTiền sử: tăng huyết áp.\nDị ứng: không."  # quoted newlines
            raw = _csv_row([str(i), f"bn-{i % 1600}", text, "Nội"])
            if i % 173 == 11:  # a bad byte: several of them well past the first 8 KB
                raw = raw.replace("sốt".encode(), b"s\xfft", 1)
                bad.add(i)
            elif i % 251 == 13:
                raw = raw.rstrip(b"\r\n") + ",thừa\r\n".encode()
                bad.add(i)
            start_line[i] = line
            line += raw.count(b"\n")
            fh.write(raw)
    good = set(range(2000)) - bad
    args = [src, "--out", out, "--columns", "ghi_chu", "--id-field", "ma_bn", "--on-error", "skip", *BASE]
    _kill_midway([*args, "--workers", 1], Path(str(out) + ".progress"), 2000)
    r = _resume([*args, "--workers", 2])
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["stt", "ma_bn", "ghi_chu", "khoa"]
    seen = Counter(int(x[0]) for x in rows[1:])
    assert set(seen) == good and max(seen.values()) == 1
    assert_clean(out.read_text(encoding="utf-8"))
    rep = report_of(Path(str(out) + ".report.json"))
    assert rep["records_in"] == 2000 and rep["already_done"] + rep["processed"] == len(good)
    assert sorted(e["line"] for e in rep["error_records"]) == sorted(start_line[i] for i in bad)
    byte_errors = [e for e in rep["error_records"] if "not UTF-8" in e["error"]]
    assert len(byte_errors) == len([i for i in bad if i % 173 == 11])
    assert all("byte offset" in e["error"] for e in byte_errors)
    assert "accounting: 2000 record(s) in" in r.stderr


def test_folder_of_2000_files_with_faults_survives_kill_and_resume(tmp_path):
    src, out = tmp_path / "notes", tmp_path / "deid"
    bad: set[str] = set()
    for i in range(1994):
        d = src / f"khoa_{i % 10}"
        d.mkdir(parents=True, exist_ok=True)
        data = note(i).encode("utf-32" if i % 500 == 1 else "utf-16-le" if i % 500 == 2 else "utf-8")
        (d / f"bn_{i:04d}.txt").write_bytes(data)
    for k in range(4):  # undecodable files
        (src / "khoa_0" / f"hong_{k}.txt").write_bytes(b"\xff\xfe\x00garbage\xff")
        bad.add(f"khoa_0/hong_{k}.txt")
    (src / "khoa_1" / "mat.txt").symlink_to(src / "khong_co.txt")  # a dangling link
    bad.add("khoa_1/mat.txt")
    os.mkfifo(src / "khoa_2" / "ong.txt")  # not a regular file: must not hang the run
    bad.add("khoa_2/ong.txt")
    (src / "khoa_3" / "scan.pdf").write_bytes(b"%PDF-1.4")  # not text: counted as ignored
    args = [src, "--out", out, "--on-error", "skip", *BASE]
    _kill_midway([*args, "--workers", 2], out / ".vimednlp-deid.progress", 2000)
    r = _resume([*args, "--workers", 2])
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert len(written) == 1994
    for i in (0, 1, 2, 501, 1993):  # UTF-8, UTF-32 and UTF-16 without BOM all decoded and de-identified
        text = (out / f"khoa_{i % 10}" / f"bn_{i:04d}.txt").read_text(encoding="utf-8")
        assert "[NAME]" in text and "vì sốt cao" in text
        assert_clean(text)
    rep = report_of(out / "deid-report.json")
    assert rep["records_in"] == 2000 and rep["already_done"] + rep["processed"] == 1994
    assert {e["source"] for e in rep["error_records"]} == bad
    assert rep["ignored_files"] == {".pdf": 1}
    assert "accounting: 2000 record(s) in" in r.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "folder"])
def test_a_record_written_but_not_yet_listed_is_not_written_twice(tmp_path, fmt):
    """The window kill -9 can hit: the output (and audit) hold a record, or half of one, that the progress file
    does not list yet. A resume cuts both back to the last listed record and writes it once."""
    if fmt == "jsonl":
        src = tmp_path / "in.jsonl"
        src.write_text("".join(json.dumps({"id": "a", "n": i, "text": note(i)}, ensure_ascii=False) + "\n"
                               for i in range(6)), encoding="utf-8")
        out, extra, progress = tmp_path / "o.jsonl", [], tmp_path / "o.jsonl.progress"
    elif fmt == "csv":
        src = tmp_path / "in.csv"
        src.write_text("n,ghi_chu\n" + "".join(f'{i},"{note(i)}"\n' for i in range(6)), encoding="utf-8")
        out, extra, progress = tmp_path / "o.csv", ["--columns", "ghi_chu"], tmp_path / "o.csv.progress"
    else:
        src = tmp_path / "notes"
        src.mkdir()
        for i in range(6):
            (src / f"{i}.txt").write_text(note(i), encoding="utf-8")
        out, extra = tmp_path / "deid", []
        progress = out / ".vimednlp-deid.progress"
    audit = tmp_path / "audit.jsonl"
    args = [src, "--out", out, "--audit", audit, *extra, *BASE]
    assert run(args).exit_code == 0
    full = None if fmt == "folder" else out.read_bytes()
    lines = progress.read_text(encoding="utf-8").splitlines(keepends=True)
    progress.write_text("".join(lines[:4]) + lines[4][:5], encoding="utf-8")  # 3 listed, the 4th entry cut
    if fmt != "folder":
        with out.open("ab") as fh:
            fh.write(b'{"id": "a", "n": 9, "te')  # a record cut in the middle of its write
    with audit.open("a", encoding="utf-8") as fh:
        fh.write('{"audit_version": "1", "ch')
    r = run(args)
    assert r.exit_code == 0, r.output
    assert "3 already done" in r.output and "de-identified 3 record(s)" in r.output
    if fmt != "folder":
        assert out.read_bytes() == full
    else:
        assert sorted(p.name for p in out.glob("*.txt")) == [f"{i}.txt" for i in range(6)]
    audits = [json.loads(x) for x in audit.read_text(encoding="utf-8").splitlines()]  # no cut record left
    assert len(audits) == 6


# --- bad bytes (#16 items 1, 2, 16) -----------------------------------------------------------------------
def _csv_with_bad_byte(path: Path, at: int, rows: int = 400) -> int:
    """A CSV of `rows` notes with one byte 0xFF placed at about byte `at`; the line it is on."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["ma", "ghi_chu", "khoa"])
    for i in range(rows):
        w.writerow([str(i), note(i), "Nội"])
    raw = buf.getvalue().encode("utf-8")
    i = raw.index("vì".encode(), at)
    raw = raw[:i] + b"\xff" + raw[i + len("vì".encode()):]
    path.write_bytes(raw)
    return raw.count(b"\n", 0, i) + 1


@pytest.mark.parametrize("at", [100, 8150, 8191, 9000, 30_000])
def test_csv_bad_byte_loses_no_other_row_and_ends(tmp_path, at):
    src = tmp_path / "export.csv"
    bad_line = _csv_with_bad_byte(src, at)
    out = tmp_path / "out.csv"
    signal.alarm(30)  # the old reader could loop for ever on some placements
    try:
        r = run([src, "--out", out, "--columns", "ghi_chu", "--id-field", "ma", "--on-error", "skip", *BASE])
    finally:
        signal.alarm(0)
    assert r.exit_code == 0, r.output
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert len(rows) == 399
    rep = report_of(Path(str(out) + ".report.json"))
    assert [e["line"] for e in rep["error_records"]] == [bad_line]
    assert f"line {bad_line}" in rep["error_records"][0]["error"] and "byte offset" in rep["error_records"][0]["error"]
    assert "accounting: 400 record(s) in = 399 written + 1 skipped" in r.output


def test_decode_errors_name_file_line_and_byte_offset(tmp_path):
    f = tmp_path / "ghi_chu.txt"
    body = ("Dòng một: BN khám lại.\n" * 5).encode("utf-8")
    f.write_bytes(body + b"Kh\xffam\n")
    r = run([f, *BASE])
    assert r.exit_code == 1
    assert "ghi_chu.txt" in r.output and f"byte offset {len(body) + 2}" in r.output and "line 6" in r.output
    # a UTF-8 CSV with a bad byte, with --on-error fail: the file, line and offset, no bare codec message
    src = tmp_path / "export.csv"
    bad_line = _csv_with_bad_byte(src, 9000)
    r = run([src, "--out", tmp_path / "o.csv", "--columns", "ghi_chu", *BASE])
    assert r.exit_code == 1 and f"export.csv:{bad_line}" in r.output and "byte offset" in r.output
    assert "codec can't decode" not in r.output


def test_stdin_bytes_go_through_the_file_decoder(tmp_path):
    text = "BN Nguyễn Văn An, 45 tuổi, SĐT 0912 345 678."
    for raw in (text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-32")):
        r = run(["-", *BASE], input=raw)
        assert r.exit_code == 0, r.output
        assert "[NAME]" in r.stdout and "SĐT [PHONE]" in r.stdout
        assert_clean(r.stdout)
    # bytes that no decoder takes: the same error as the same bytes in a file, naming stdin, line, offset
    raw = b"BN An\nkh\xff\xfe\xfd\xfc\x80\x81 0912345678\n"
    r = run(["-", *BASE], input=raw)
    assert r.exit_code == 1 and "<stdin>" in r.output and "byte offset 8" in r.output and "line 2" in r.output
    r = run(["-", "--on-error", "skip", *BASE], input=raw)
    assert r.exit_code == 0 and "0912345678" not in r.stdout
    assert "accounting: 1 record(s) in = 0 written + 1 skipped" in r.output


@pytest.mark.parametrize("workers", [1, 2])
def test_lone_surrogate_record_is_skipped_and_listed(tmp_path, workers):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "a", "text": note(0)}, ensure_ascii=False),
        '{"id": "b", "text": "BN Nguy\\u1ec5n V\\u0103n An \\ud83d SĐT 0912 345 678"}',
        '{"id": "c", "text": "BN Lê Minh Tuấn", "ghi_chu": "\\udc00"}',
        json.dumps({"id": "d", "text": note(3)}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run([src, "--out", out, "--on-error", "skip", "--workers", workers, *BASE])
    assert r.exit_code == 0, r.output
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a", "d"]
    rep = report_of(Path(str(out) + ".report.json"))
    assert [(e["line"], "lone surrogate" in e["error"]) for e in rep["error_records"]] == [(2, True), (3, True)]
    assert "'text'" in rep["error_records"][0]["error"] and "'ghi_chu'" in rep["error_records"][1]["error"]
    # the same records through stdin to stdout
    r = run(["-", "--format", "jsonl", "--on-error", "skip", *BASE], input=src.read_bytes())
    assert r.exit_code == 0
    assert [json.loads(x)["id"] for x in r.stdout.splitlines()] == ["a", "d"]
    assert "<stdin>:2" in r.output and "<stdin>:3" in r.output


def test_a_detector_failure_names_its_line(tmp_path, monkeypatch):
    from vimednlp.deid.api import Deidentifier

    real = Deidentifier.__call__

    def failing(self, text, **kw):
        if "Hoàng" in text:
            raise RuntimeError("simulated crash on " + text)  # the message holds text: it must not be shown
        return real(self, text, **kw)

    monkeypatch.setattr(Deidentifier, "__call__", failing)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": note(i)}, ensure_ascii=False) + "\n"
                           for i in range(6)), encoding="utf-8")
    r = run([src, "--out", tmp_path / "o.jsonl", *BASE])
    assert r.exit_code == 1 and "in.jsonl:5: RuntimeError" in r.output and "Hoàng" not in r.output
    r = run([src, "--out", tmp_path / "o2.jsonl", "--on-error", "skip", *BASE])
    rep = report_of(tmp_path / "o2.jsonl.report.json")
    assert rep["processed"] == 5 and [e["line"] for e in rep["error_records"]] == [5]


# --- odd encodings (#16 item 6) ---------------------------------------------------------------------------
@pytest.mark.parametrize("enc", ["utf-32", "utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_utf32_and_utf16_without_bom_are_decoded_not_passed_through(tmp_path, enc):
    f = tmp_path / "note.txt"
    f.write_bytes((note(0) + "\n" + note(1) + "\n").encode(enc))
    r = run([f, *BASE])
    assert r.exit_code == 0, r.output
    assert r.stdout.count("[NAME]") == 2 and "\x00" not in r.stdout
    assert_clean(r.stdout)
    # a UTF-16 CSV and JSONL are read too
    c = tmp_path / "export.csv"
    c.write_bytes(("ma,ghi_chu\n1,\"" + note(2) + "\"\n").encode(enc))
    r = run([c, "--out", tmp_path / "o.csv", "--columns", "ghi_chu", *BASE])
    assert r.exit_code == 0, r.output
    assert "[NAME]" in (tmp_path / "o.csv").read_text(encoding="utf-8")


# --- silent loss and wrong success (#16 items 3, 4, 5) ----------------------------------------------------
def test_out_inside_the_input_folder_is_refused(tmp_path):
    src = tmp_path / "notes"
    src.mkdir()
    (src / "a.txt").write_text(note(0), encoding="utf-8")
    for out in (src, src / "deid"):
        r = run([src, "--out", out, *BASE])
        assert r.exit_code == 2 and "inside the input folder" in r.output
    assert sorted(p.name for p in src.iterdir()) == ["a.txt"]
    assert (src / "a.txt").read_text(encoding="utf-8") == note(0)
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "1", "text": note(0)}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run([f, "--out", f, *BASE])
    assert r.exit_code == 2 and "is the input file" in r.output


def test_a_rerun_with_other_settings_processes_everything_again(tmp_path):
    src = tmp_path / "notes"
    src.mkdir()
    for i in range(3):
        (src / f"bn_{i}.txt").write_text(note(i), encoding="utf-8")
    out = tmp_path / "deid"
    assert run([src, "--out", out, *BASE]).exit_code == 0
    assert "[NAME]" in (out / "bn_0.txt").read_text(encoding="utf-8")
    r = run([src, "--out", out, "--operator", "mask", *BASE])
    assert r.exit_code == 0 and "de-identified 3 record(s)" in r.output and "settings differ" in r.output
    assert "[NAME]" not in (out / "bn_0.txt").read_text(encoding="utf-8")
    r = run([src, "--out", out, "--operator", "mask", *BASE])  # same settings: resumed, nothing to do
    assert "de-identified 0 record(s)" in r.output and "3 already done" in r.output
    # JSONL: the output is written afresh, not appended to
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps({"id": str(i), "text": note(i)}, ensure_ascii=False) + "\n" for i in range(3)),
                 encoding="utf-8")
    o = tmp_path / "o.jsonl"
    run([f, "--out", o, *BASE])
    r = run([f, "--out", o, "--labels", "NAME", *BASE])
    rows = [json.loads(x) for x in o.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and "[PHONE]" not in rows[0]["text"] and "[NAME]" in rows[0]["text"]


def test_duplicate_and_empty_ids_do_not_make_resume_skip_records(tmp_path):
    src = tmp_path / "in.jsonl"
    ids = ["a", "a", "", "b", "", "a"]
    src.write_text("".join(json.dumps({"id": x, "n": i, "text": note(i)}, ensure_ascii=False) + "\n"
                           for i, x in enumerate(ids)), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    r = run([src, "--out", out, *BASE])
    assert r.exit_code == 0
    assert [json.loads(x)["n"] for x in out.read_text(encoding="utf-8").splitlines()] == list(range(6))
    # the progress of a run cut after 2 records: a resume does the 4 others, whatever their ids
    progress = Path(str(out) + ".progress")
    lines = progress.read_text(encoding="utf-8").splitlines(keepends=True)
    progress.write_text("".join(lines[:3]), encoding="utf-8")
    r = run([src, "--out", out, *BASE])
    assert "de-identified 4 record(s)" in r.output and "2 already done" in r.output
    assert [json.loads(x)["n"] for x in out.read_text(encoding="utf-8").splitlines()] == list(range(6))
    # CSV: same
    c = tmp_path / "in.csv"
    c.write_text("ma,ghi_chu\n" + "".join(f'{x},"{note(i)}"\n' for i, x in enumerate(ids)), encoding="utf-8")
    co = tmp_path / "o.csv"
    run([c, "--out", co, "--columns", "ghi_chu", "--id-field", "ma", *BASE])
    assert len(co.read_text(encoding="utf-8").splitlines()) == 7


def test_unreadable_subfolder_and_dangling_link_are_listed(tmp_path, monkeypatch):
    src = tmp_path / "notes"
    (src / "khoa_noi").mkdir(parents=True)
    (src / "khoa_kin").mkdir()
    (src / "a.txt").write_text(note(0), encoding="utf-8")
    (src / "khoa_noi" / "b.txt").write_text(note(1), encoding="utf-8")
    (src / "khoa_kin" / "c.txt").write_text(note(2), encoding="utf-8")
    (src / "d.txt").symlink_to(tmp_path / "da_xoa.txt")
    real_scandir = os.scandir

    def scandir(path="."):  # as root chmod 000 does not stop reading: simulate the permission error
        if str(path).endswith("khoa_kin"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "deid"
    r = run([src, "--out", out, "--on-error", "skip", *BASE])
    assert r.exit_code == 0
    rep = report_of(out / "deid-report.json")
    errs = {e["source"]: e["error"] for e in rep["error_records"]}
    assert set(errs) == {"khoa_kin/", "d.txt"}
    assert "cannot read the folder (PermissionError)" in errs["khoa_kin/"] and "dangling" in errs["d.txt"]
    assert rep["processed"] == 2 and "accounting: 4 record(s) in = 2 written + 2 skipped" in r.output


def test_csv_unterminated_quote_is_reported_where_it_starts(tmp_path):
    src = tmp_path / "export.csv"
    src.write_text("ma,ghi_chu\n1,BN Nguyễn Văn An\n2,\"BN Trần Thị Lan sốt cao\n3,BN Lê Minh Tuấn\n4,BN Phạm Thu Hà\n",
                   encoding="utf-8")
    out = tmp_path / "o.csv"
    r = run([src, "--out", out, "--columns", "ghi_chu", "--on-error", "skip", *BASE])
    assert r.exit_code == 0
    rep = report_of(Path(str(out) + ".report.json"))
    assert [(e["line"], e["end_line"]) for e in rep["error_records"]] == [(3, 5)]
    assert "Trần" not in json.dumps(rep, ensure_ascii=False)
    r = run([src, "--out", tmp_path / "o2.csv", "--columns", "ghi_chu", *BASE])
    assert r.exit_code == 1 and "export.csv:3" in r.output


def test_every_run_prints_its_accounting(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([json.dumps({"id": "1", "text": note(0)}, ensure_ascii=False), "{hỏng",
                              json.dumps({"id": "3", "text": note(2)}, ensure_ascii=False), ""]) + "\n",
                   encoding="utf-8")
    out = tmp_path / "o.jsonl"
    r = run([src, "--out", out, "--on-error", "skip", *BASE])
    assert "accounting: 3 record(s) in = 2 written + 1 skipped, listed in" in r.output
    r = run([src, "--out", out, "--on-error", "skip", *BASE])
    assert "accounting: 3 record(s) in = 0 written + 1 skipped, listed in" in r.output
    assert "+ 2 done by an earlier run" in r.output


# --- leaks through fields and names (#16 items 9, 11, 13) -------------------------------------------------
def test_project_records_lose_their_original_spans_unless_kept(tmp_path):
    from vimednlp.schema import Document, Span

    text = note(0)
    a = text.index(NAMES[0])
    doc = Document("bn-1", text, [Span(a, a + len(NAMES[0]), "NAME", NAMES[0])], {"khoa": "Nội"})
    src = tmp_path / "gold.jsonl"
    src.write_text(doc.to_json() + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert run([src, "--out", out, *BASE]).exit_code == 0
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert "spans" not in rec and rec["meta"] == {"khoa": "Nội"} and rec["id"] == "bn-1"
    assert_clean(out.read_text(encoding="utf-8"))
    out2 = tmp_path / "o2.jsonl"
    run([src, "--out", out2, "--keep-field", "spans", *BASE])
    assert json.loads(out2.read_text(encoding="utf-8"))["spans"][0]["text"] == NAMES[0]


def test_headerless_csv_error_never_shows_the_record(tmp_path):
    src = tmp_path / "export.csv"
    src.write_text(f"1,{NAMES[0]},0912 345 678\n2,{NAMES[1]},0987 654 321\n", encoding="utf-8")
    r = run([src, "--out", tmp_path / "o.csv", "--columns", "ghi_chu", *BASE])
    assert r.exit_code == 1 and "header row" in r.output
    assert NAMES[0] not in r.output and "0912" not in r.output


def test_hash_names_hide_file_names_and_ids_everywhere(tmp_path):
    src = tmp_path / "notes"
    src.mkdir()
    (src / "Nguyen_Van_An.txt").write_text(note(0), encoding="utf-8")
    out, audit = tmp_path / "deid", tmp_path / "audit.jsonl"
    r = run([src, "--out", out, "--hash-names", "--audit", audit, "--key", "khoa-bi-mat-cua-benh-vien-2024", *BASE])
    assert r.exit_code == 0, r.output
    files = [p for p in out.rglob("*") if p.is_file()]
    blob = "".join(p.name + p.read_text(encoding="utf-8") for p in files) + audit.read_text(encoding="utf-8") + r.output
    assert "Nguyen" not in blob and len([p for p in files if p.suffix == ".txt"]) == 1
    # JSONL: the id field, audit and report carry the hash; the same id always gives the same hash
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps({"id": "CCCD-001160012345", "text": note(i)}, ensure_ascii=False) + "\n"
                         for i in range(2)) + "{hỏng\n", encoding="utf-8")
    o, a2 = tmp_path / "o.jsonl", tmp_path / "a2.jsonl"
    r = run([f, "--out", o, "--hash-names", "--audit", a2, "--on-error", "skip", *BASE])
    ids = [json.loads(x)["id"] for x in o.read_text(encoding="utf-8").splitlines()]
    assert ids[0] == ids[1] and "001160012345" not in ids[0] and len(ids[0]) == 32
    everything = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("o.jsonl*")) + a2.read_text("utf-8")
    assert "001160012345" not in everything and "in.jsonl" not in everything


def test_audit_progress_and_report_are_private(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "1", "text": note(0)}, ensure_ascii=False) + "\n", encoding="utf-8")
    out, audit = tmp_path / "o.jsonl", tmp_path / "audit.jsonl"
    old = os.umask(0o022)
    try:
        assert run([src, "--out", out, "--audit", audit, *BASE]).exit_code == 0
    finally:
        os.umask(old)
    for p in (audit, Path(str(out) + ".progress"), Path(str(out) + ".report.json")):
        assert oct(p.stat().st_mode & 0o777) == oct(0o600), p.name


# --- Ctrl-C (#16 item 16) ---------------------------------------------------------------------------------
def test_ctrl_c_prints_no_worker_traceback_and_resumes(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "o.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "n": i, "text": note(i)}, ensure_ascii=False) + "\n"
                           for i in range(1200)), encoding="utf-8")
    progress = Path(str(out) + ".progress")
    proc = subprocess.Popen([sys.executable, "-m", "vimednlp", "deid", str(src), "--out", str(out), "--workers", "2",
                             *BASE], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and _progress_lines(progress) < 100:
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    r = _resume([src, "--out", out, *BASE])
    assert "accounting: 1200 record(s) in" in r.stderr
    assert sorted(json.loads(x)["n"] for x in out.read_text(encoding="utf-8").splitlines()) == list(range(1200))
