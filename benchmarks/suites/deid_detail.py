"""De-identification detail: per-label recall, PhoNER entity-level F1 beside PhoBERT-large"""
from __future__ import annotations

from suites._script import render_scripts as render, run_scripts

TITLE = "De-identification detail: per-label recall, PhoNER entity-level F1 beside PhoBERT-large"
COMMANDS = [
    "python benchmarks/bench_deid_accuracy.py --suite all",
]
QUICK = [
    "python benchmarks/bench_deid_accuracy.py --suite synthetic --n-synthetic 100",
]


def run(quick: bool = False, command: str = "") -> dict:
    return run_scripts("deid_detail", QUICK if quick else COMMANDS, command)
