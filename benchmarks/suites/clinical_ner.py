"""Clinical NER on PhoNER_COVID19 (all 10 types), learning curve, CRF speed"""
from __future__ import annotations

from suites._script import render_scripts as render, run_scripts

TITLE = "Clinical NER on PhoNER_COVID19 (all 10 types), learning curve, CRF speed"
COMMANDS = [
    "python benchmarks/bench_taggers.py --data $VIMEDNLP_SHARED/data/phoner_covid19 --config base --split test "
    "--params '{\"c1\": 0.1, \"c2\": 0.005, \"max_iterations\": 300}' --save /tmp/vimednlp-bench-phoner-crf",
    "python benchmarks/bench_taggers.py --data $VIMEDNLP_SHARED/data/phoner_covid19 --config base --curve",
    "python benchmarks/bench_taggers.py --data $VIMEDNLP_SHARED/data/phoner_covid19 --speed "
    "--load /tmp/vimednlp-bench-phoner-crf",
    "python benchmarks/bench_clinical.py phoner",
]
QUICK = [
    "python benchmarks/bench_clinical.py phoner",
]


def run(quick: bool = False, command: str = "") -> dict:
    return run_scripts("clinical_ner", QUICK if quick else COMMANDS, command)
