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
    assert "| **total** | **16** | |" in head


def test_suite_rerun_after_the_full_run_is_flagged(run_mod, tmp_path):
    results = tmp_path / "results"
    _suite_json(results, "text", "2000-01-01 06:41 UTC")
    run_mod.write_run_all({"text": 12.5}, ["text"], "2026-11-22 06:40 UTC", 0.1, 13.0)
    _suite_json(results, "text", "2999-01-01 09:00 UTC")
    run_mod.record_seconds("text", 20.0)
    head = run_mod.render_results().read_text(encoding="utf-8").split("## Text layer")[0]
    assert "FAILED" in head and "later run alone (2999-01-01 09:00 UTC, 20 s)" in head
