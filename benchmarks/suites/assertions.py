"""Assertions (own test set, with and without diacritics)"""
from __future__ import annotations

from suites._script import render_scripts as render, run_scripts

TITLE = "Assertions (own test set, with and without diacritics)"
COMMANDS = [
    "python benchmarks/bench_clinical.py assertions --split dev",
    "python benchmarks/bench_clinical.py assertions --split test",
]
QUICK = [
    "python benchmarks/bench_clinical.py assertions --split test",
]


def run(quick: bool = False, command: str = "") -> dict:
    return run_scripts("assertions", QUICK if quick else COMMANDS, command)
