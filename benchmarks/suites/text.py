"""Text layer: normalize + tokenize throughput"""
from __future__ import annotations

from suites._script import render_scripts as render, run_scripts

TITLE = "Text layer: normalize + tokenize throughput"
COMMANDS = [
    "python benchmarks/bench_text.py --n 2000 --words 300 --segment",
]
QUICK = [
    "python benchmarks/bench_text.py --n 200 --words 300",
]


def run(quick: bool = False, command: str = "") -> dict:
    return run_scripts("text", QUICK if quick else COMMANDS, command)
