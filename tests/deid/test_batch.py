"""`vimednlp deid` over folders, JSONL and CSV: outputs, resume, errors with line numbers, audits, workers."""
from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from vimednlp.deid.cli import deid

NOTE_A = "BN Nguyễn Văn An, 45 tuổi, SĐT 0912 345 678, vào viện 12/03/2024."
NOTE_B = "Bà Trần Thị Lan, 60 tuổi, email lan.tran@gmail.com, CCCD 001160012345."
IDENTIFIERS = ["Nguyễn Văn An", "0912 345 678", "12/03/2024", "Trần Thị Lan", "lan.tran@gmail.com", "001160012345"]
BASE = ["--model", "none", "-q"]  # rules only: fast, and independent of the shipped model


def run(args, **kw):
    r = CliRunner().invoke(deid, [str(a) for a in args], catch_exceptions=False, **kw)
    return r


def test_folder_of_text_files_with_audit_and_resume(tmp_path):
    src = tmp_path / "notes"
    (src / "khoa_noi").mkdir(parents=True)
    (src / "a.txt").write_text(NOTE_A, encoding="utf-8")
    (src / "khoa_noi" / "b.txt").write_text(NOTE_B, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    out, audit = tmp_path / "out", tmp_path / "audit.jsonl"
    r = run([src, "--out", out, "--audit", audit, *BASE])
    assert r.exit_code == 0, r.output
    a = (out / "a.txt").read_text(encoding="utf-8")
    b = (out / "khoa_noi" / "b.txt").read_text(encoding="utf-8")
    assert (out / "empty.txt").read_text(encoding="utf-8") == ""
    for ident in IDENTIFIERS:
        assert ident not in a + b
    assert "[NAME]" in a and "[EMAIL]" in b
    recs = [json.loads(x) for x in audit.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 3 and sum(r["empty"] for r in recs) == 1
    blob = audit.read_text(encoding="utf-8")
    assert not any(i in blob for i in IDENTIFIERS)
    # second run: nothing to do (resume), the audit does not grow
    r2 = run([src, "--out", out, "--audit", audit, *BASE])
    assert r2.exit_code == 0 and "already done" in r2.output
    assert len(audit.read_text(encoding="utf-8").splitlines()) == 3


def test_jsonl_skip_reports_bad_lines_and_resumes(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "d1", "text": NOTE_A, "khoa": "nội"}, ensure_ascii=False),
        "{ hỏng",
        json.dumps({"id": "d3", "body": NOTE_B}, ensure_ascii=False),
        json.dumps({"id": "d4", "text": NOTE_B}, ensure_ascii=False),
        json.dumps({"id": "d5", "text": 42}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run([src, "--out", out, "--on-error", "skip", "--operator", "mask", *BASE])
    assert r.exit_code == 0
    assert "in.jsonl:2" in r.output and "in.jsonl:3" in r.output and "in.jsonl:5" in r.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in rows] == ["d1", "d4"] and rows[0]["khoa"] == "nội"
    assert not any(i in json.dumps(rows, ensure_ascii=False) for i in IDENTIFIERS)
    report = json.loads((tmp_path / "out.jsonl.report.json").read_text(encoding="utf-8"))
    assert [e["line"] for e in report["error_records"]] == [2, 3, 5]
    assert "hỏng" not in json.dumps(report, ensure_ascii=False)  # reports never quote the input
    # the fail mode stops at the first bad line and names it; exit code 1
    r = run([src, "--out", tmp_path / "o2.jsonl", *BASE])
    assert r.exit_code == 1 and "in.jsonl:2" in r.output
    # resume: a rerun adds nothing
    run([src, "--out", out, "--on-error", "skip", *BASE])
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    # --restart starts over (no duplicates); an unknown existing output is refused, not appended to
    run([src, "--out", out, "--on-error", "skip", "--restart", *BASE])
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    foreign = tmp_path / "foreign.jsonl"
    foreign.write_text('{"id": "x", "text": "khác"}\n', encoding="utf-8")
    r = run([src, "--out", foreign, "--on-error", "skip", *BASE])
    assert r.exit_code == 1 and "no progress file" in r.output
    assert foreign.read_text(encoding="utf-8") == '{"id": "x", "text": "khác"}\n'



def test_csv_columns_keep_other_columns(tmp_path):
    src = tmp_path / "export.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["ma", "ghi_chu", "ket_luan", "khoa"])
        w.writerow(["1", NOTE_A, "Ổn định, BS. Lê Minh Tuấn", "Nội"])
        w.writerow(["2", NOTE_B, "", "Ngoại"])
    out = tmp_path / "out.csv"
    r = run([src, "--out", out, "--columns", "ghi_chu,ket_luan", "--id-field", "ma", *BASE])
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["ma", "ghi_chu", "ket_luan", "khoa"]
    assert [r[0] for r in rows[1:]] == ["1", "2"] and [r[3] for r in rows[1:]] == ["Nội", "Ngoại"]
    flat = json.dumps(rows, ensure_ascii=False)
    assert not any(i in flat for i in IDENTIFIERS)
    bad = run([src, "--out", tmp_path / "x.csv", "--columns", "khong_co", *BASE])
    assert bad.exit_code != 0


def test_workers_match_single_process_and_key_consistency(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"d{i}", "pid": f"P{i % 3}", "text": (NOTE_A, NOTE_B)[i % 2]},
                                        ensure_ascii=False) for i in range(12)) + "\n", encoding="utf-8")
    key = tmp_path / "key.txt"
    key.write_text("khoa-thu-nghiem-lo-van-ban-2024\n", encoding="utf-8")
    outs = []
    for w in (1, 2):
        out = tmp_path / f"o{w}.jsonl"
        r = run([src, "--out", out, "--operator", "surrogate", "--key-file", key, "--patient-field", "pid",
                 "--workers", w, *BASE])
        assert r.exit_code == 0, r.output
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    rows = [json.loads(x) for x in outs[0].splitlines()]
    assert rows[0]["text"] == rows[6]["text"]      # same patient, same note -> same surrogates
    assert rows[0]["text"] != rows[2]["text"]      # another patient -> other surrogates
    assert not any(i in outs[0] for i in IDENTIFIERS)


def test_stdout_mode_and_usage_errors(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(NOTE_A, encoding="utf-8")
    r = run([f, *BASE])
    assert r.exit_code == 0 and "[NAME]" in r.output and "Nguyễn Văn An" not in r.output
    r = run(["-", *BASE], input=NOTE_B)
    assert r.exit_code == 0 and "Trần Thị Lan" not in r.output
    r = CliRunner().invoke(deid, [str(f), "--operator", "hash", *BASE], env={"VIMEDNLP_DEID_KEY": ""})
    assert r.exit_code == 2 and "need a key" in r.output
    r = CliRunner().invoke(deid, [str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"), *BASE])
    assert r.exit_code != 0
    r = CliRunner().invoke(deid, ["--help"])
    assert r.exit_code == 0 and "Examples" in r.output and "--on-error" in r.output


def test_vault_from_cli_gives_stable_surrogates(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(NOTE_A, encoding="utf-8")
    args = [f, "--operator", "surrogate", "--key", "khoa-thu-nghiem-kho-2024", "--vault", tmp_path / "v.sqlite", *BASE]
    a, b = run(args).output, run(args).output
    assert a == b and "Nguyễn Văn An" not in a
    r = CliRunner().invoke(deid, [str(f), "--operator", "surrogate", "--key", "mot-khoa-khac-hoan-toan-2024", "--vault",
                                  str(tmp_path / "v.sqlite"), *BASE])
    assert r.exit_code != 0 and "different key" in (r.output + str(r.exception))


@pytest.mark.parametrize("bad", [b"\xff\xfe\x00garbage\xff"])
def test_undecodable_file_is_reported_not_dropped(tmp_path, bad):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(NOTE_A, encoding="utf-8")
    (src / "bad.txt").write_bytes(bad)
    out = tmp_path / "out"
    r = run([src, "--out", out, "--on-error", "skip", *BASE])
    assert r.exit_code == 0
    assert (out / "ok.txt").exists()
    report = json.loads((out / "deid-report.json").read_text(encoding="utf-8"))
    assert report["processed"] + report["errors"] == 2


def test_pool_windows_are_bounded_in_tasks_and_characters():
    """The pool gets the input in windows: at most `window` tasks, and about `max_chars` characters, so a file of
    huge notes never sits in memory whole; every task still comes back, in order."""
    from vimednlp.deid.batch import _windowed_imap

    class RecordingPool:
        def __init__(self):
            self.windows = []

        def imap(self, fn, batch, chunksize=1):
            self.windows.append(len(batch))
            return iter([(t[0], "ok", t[2], None) for t in batch])

    note = "Bệnh nhân Nguyễn Văn An, 45 tuổi, nhập viện ngày 12/03/2024. " * 10
    tasks = [(f"line:{i}", "jsonl", {"text": note if i % 50 else note * 100}, str(i), None, "text") for i in range(300)]
    pool = RecordingPool()
    got = [k for k, *_ in _windowed_imap(pool, iter(tasks), chunksize=4, window=128, max_chars=60_000)]
    assert got == [t[0] for t in tasks]
    assert max(pool.windows) <= 128 and sum(pool.windows) == 300
    # a window closes once its text passes max_chars: the ten-times-a-hundred notes force small windows
    assert len(pool.windows) > 300 // 128 + 1
