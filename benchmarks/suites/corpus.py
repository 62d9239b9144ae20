"""Corpus I/O: reading and writing 100k records"""
from __future__ import annotations

from suites._script import render_scripts as render, run_scripts

TITLE = "Corpus I/O: reading and writing 100k records"
COMMANDS = [
    "python benchmarks/bench_corpus.py --n 100000 --formats jsonl,conll,docbin --docbin-n 2000 --phoner $VIMEDNLP_SHARED/data/phoner_covid19",
    "python benchmarks/bench_corpus.py --n 10000 --formats labelstudio",
]
QUICK = [
    "python benchmarks/bench_corpus.py --n 5000 --docbin-n 1000",
]


def run(quick: bool = False, command: str = "") -> dict:
    return run_scripts("corpus", QUICK if quick else COMMANDS, command)
