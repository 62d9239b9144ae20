"""Suites whose numbers come from a room's own benchmark script: run it, keep its output.

Each entry: title, the commands of a full run, the commands of a --quick run. The command line is
recorded beside its output, so RESULTS.md says how each number was made.
"""
from __future__ import annotations

from types import SimpleNamespace

from suites._script import render_scripts, run_scripts

SCRIPTED: dict[str, tuple[str, list[str], list[str]]] = {
    "text": (
        "Text layer: normalize + tokenize throughput",
        [
            "python benchmarks/bench_text.py --n 2000 --words 300 --segment",
        ],
        [
            "python benchmarks/bench_text.py --n 200 --words 300",
        ],
    ),
    "corpus": (
        "Corpus I/O: reading and writing 100k records",
        [
            "python benchmarks/bench_corpus.py --n 100000 --formats jsonl,conll,docbin --docbin-n 2000 --phoner $VIMEDNLP_SHARED/data/phoner_covid19",
            "python benchmarks/bench_corpus.py --n 10000 --formats labelstudio",
        ],
        [
            "python benchmarks/bench_corpus.py --n 5000 --docbin-n 1000",
        ],
    ),
    "deid_detail": (
        "De-identification detail: per-label recall, PhoNER entity-level F1 beside PhoBERT-large",
        [
            "python benchmarks/bench_deid_accuracy.py --suite all",
        ],
        [
            "python benchmarks/bench_deid_accuracy.py --suite synthetic --n-synthetic 100",
        ],
    ),
    "clinical_ner": (
        "Clinical NER on PhoNER_COVID19 (all 10 types), learning curve, CRF speed",
        [
            # one command: the learning curve on test, whose whole-train point is the test result (one training
            # of the full CRF, not two); two points train at once on the 2 cores; that tagger is saved for --speed
            "python benchmarks/bench_taggers.py --data $VIMEDNLP_SHARED/data/phoner_covid19 --config lex --curve "
            "--jobs 2 --params '{\"c1\": 0.1, \"c2\": 0.005, \"max_iterations\": 300}' "
            "--save /tmp/vimednlp-bench-phoner-crf",
            "python benchmarks/bench_taggers.py --data $VIMEDNLP_SHARED/data/phoner_covid19 --speed "
            "--load /tmp/vimednlp-bench-phoner-crf",
            "python benchmarks/bench_clinical.py phoner",
        ],
        [
            "python benchmarks/bench_clinical.py phoner",
        ],
    ),
    "assertions": (
        "Assertions (own test set, with and without diacritics)",
        [
            "python benchmarks/bench_clinical.py assertions --split dev",
            "python benchmarks/bench_clinical.py assertions --split test",
        ],
        [
            "python benchmarks/bench_clinical.py assertions --split test",
        ],
    ),
    "coding": (
        "Terminology coding: mention -> ICD-10",
        [
            "python benchmarks/bench_coding.py --vi tsv:$VIMEDNLP_SHARED/terminology/icd10_vi_gnuhealth/icd10_vi_gnuhealth_5.0.4.tsv",
            "python benchmarks/bench_coding.py --vi none",
        ],
        [
            "python benchmarks/bench_coding.py --vi none",
        ],
    ),
    "acronyms": (
        "Abbreviation disambiguation (acrDrAid)",
        [
            "python benchmarks/bench_acronyms.py --data $VIMEDNLP_SHARED/data/acrdraid --split test",
        ],
        [
            "python benchmarks/bench_acronyms.py --data $VIMEDNLP_SHARED/data/acrdraid --split test",
        ],
    ),
}


def suite(name: str) -> SimpleNamespace:
    title, full, quick = SCRIPTED[name]

    def run(quick_run: bool = False, command: str = "") -> dict:
        return run_scripts(name, quick if quick_run else full, command)

    return SimpleNamespace(TITLE=title, run=lambda quick=False, command="": run(quick, command), render=render_scripts)
