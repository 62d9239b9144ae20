"""Terminology coding: mention -> ICD-10"""
from __future__ import annotations

from suites._script import render_scripts as render, run_scripts

TITLE = "Terminology coding: mention -> ICD-10"
COMMANDS = [
    "python benchmarks/bench_coding.py --vi tsv:$VIMEDNLP_SHARED/terminology/icd10_vi_gnuhealth/icd10_vi_gnuhealth_5.0.4.tsv",
    "python benchmarks/bench_coding.py --vi none",
]
QUICK = [
    "python benchmarks/bench_coding.py --vi none",
]


def run(quick: bool = False, command: str = "") -> dict:
    return run_scripts("coding", QUICK if quick else COMMANDS, command)
