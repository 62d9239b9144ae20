"""Abbreviation disambiguation (acrDrAid)"""
from __future__ import annotations

from suites._script import render_scripts as render, run_scripts

TITLE = "Abbreviation disambiguation (acrDrAid)"
COMMANDS = [
    "python benchmarks/bench_acronyms.py --data $VIMEDNLP_SHARED/data/acrdraid --split test",
]
QUICK = [
    "python benchmarks/bench_acronyms.py --data $VIMEDNLP_SHARED/data/acrdraid --split test",
]


def run(quick: bool = False, command: str = "") -> dict:
    return run_scripts("acronyms", QUICK if quick else COMMANDS, command)
