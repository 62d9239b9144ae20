"""benchmarks/run.py records each suite's wall time and shows the full run's total at the top of RESULTS.md."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture()
def run_mod(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import run

    monkeypatch.setattr(run, "RESULTS_DIR", tmp_path / "results")
    monkeypatch.setattr(run, "BENCH", tmp_path)
    (tmp_path / "results").mkdir()
    yield run
    sys.modules.pop("run", None)


def _suite_json(results: Path, name: str, date: str) -> None:
    payload = {"suite": name, "date": date, "command": f"python benchmarks/run.py {name}", "machine": {},
               "versions": {}, "runs": [{"command": "python benchmarks/bench_x.py", "ok": True, "error": "",
                                         "seconds": 1.0, "markdown": "| a | b |\n|---|---|\n| 1 | 2 |"}]}
    (results / f"{name}.json").write_text(json.dumps(payload), encoding="utf-8")


def test_full_run_total_and_per_suite_seconds_head_results(run_mod, tmp_path):
    results = tmp_path / "results"
    for name in ("text", "assertions"):
        _suite_json(results, name, "2000-01-01 06:41 UTC")
        run_mod.record_seconds(name, 12.5 if name == "text" else 3.0)
    assert json.loads((results / "text.json").read_text())["wall_seconds"] == 12.5
    run_mod.write_run_all({"text": 12.5, "assertions": 3.0}, [], "2026-11-22 06:40 UTC", 0.1, 17.2)
    text = run_mod.render_results().read_text(encoding="utf-8")
    head = text.split("## Text layer")[0]
    assert "**17 s (0.3 min)** in all" in head
    assert "| text | 12 | the `all` run |" in head and "| assertions | 3 | the `all` run |" in head
    assert "| **total (wall clock of the run)** | **17** | sum of the rows: 16" in head


def test_suite_rerun_after_the_full_run_is_flagged(run_mod, tmp_path):
    results = tmp_path / "results"
    _suite_json(results, "text", "2000-01-01 06:41 UTC")
    run_mod.write_run_all({"text": 12.5}, ["text"], "2026-11-22 06:40 UTC", 0.1, 13.0)
    _suite_json(results, "text", "2999-01-01 09:00 UTC")
    run_mod.record_seconds("text", 20.0)
    head = run_mod.render_results().read_text(encoding="utf-8").split("## Text layer")[0]
    assert "FAILED" in head and "later run alone (2999-01-01 09:00 UTC, 20 s)" in head


def _fake_suites(run_mod, monkeypatch, log: list):
    import threading
    import time
    from types import SimpleNamespace

    def make(name):
        def run(quick=False, command=""):
            log.append((name, "start", threading.get_ident()))
            time.sleep(1.5)
            (run_mod.RESULTS_DIR / f"{name}.json").write_text(json.dumps({"date": "2000-01-01 00:00 UTC"}))
            log.append((name, "end", threading.get_ident()))
        return SimpleNamespace(TITLE=name, run=run, render=lambda res: "")

    monkeypatch.setattr(run_mod, "_suite", make)


def _overlap(log, a, b) -> bool:
    t = {(n, what): i for i, (n, what, _) in enumerate(log)}
    return t[(a, "start")] < t[(b, "end")] and t[(b, "start")] < t[(a, "end")]


def test_accuracy_suites_run_in_two_lanes_and_serial_turns_it_off(run_mod, monkeypatch):
    log: list = []
    _fake_suites(run_mod, monkeypatch, log)
    assert run_mod.main(["deid_detail", "assertions", "speed"]) == 0
    assert _overlap(log, "deid_detail", "assertions")
    assert not _overlap(log, "speed", "deid_detail") and not _overlap(log, "speed", "assertions")
    recorded = {n: json.loads((run_mod.RESULTS_DIR / f"{n}.json").read_text()) for n in ("deid_detail", "speed")}
    assert recorded["deid_detail"]["ran_beside"] == ["assertions"] and recorded["speed"]["ran_beside"] == []
    assert recorded["speed"]["wall_seconds"] >= 1.5
    log.clear()
    assert run_mod.main(["deid_detail", "assertions", "--serial"]) == 0
    assert not _overlap(log, "deid_detail", "assertions")
