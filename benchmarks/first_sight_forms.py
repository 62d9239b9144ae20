"""First-sight token recall per document form, over the blind batches scored once each (issue #15).

Each blind batch was scored once, when it was first shown to the detector, by
`python benchmarks/score_dev_batch.py FIRST LAST --profile P --json benchmarks/results/first_sight/bNN_P.json`;
this script adds those per-note counts up by form (`benchmarks/data/blind_forms.tsv`, from the writers' reports; a note
can show several forms) and prints a Markdown table.

    python benchmarks/first_sight_forms.py                      # default and strict, every batch recorded
    python benchmarks/first_sight_forms.py --batches 16 17      # only these batches
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST_SIGHT = HERE / "results" / "first_sight"
FORMS = HERE / "data" / "blind_forms.tsv"


def note_forms() -> dict[str, list[str]]:
    with open(FORMS, encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        return {r["id"]: r["forms"].split(",") for r in rows}


def by_form(batches: list[str], profile: str) -> dict[str, tuple[int, float]]:
    """form -> (gold tokens, recall) over the notes of `batches` scored with `profile`."""
    forms = note_forms()
    gold, found = defaultdict(int), defaultdict(float)
    for b in batches:
        path = FIRST_SIGHT / f"b{b}_{profile}.json"
        if not path.exists():
            raise SystemExit(f"no first-sight record {path.name}: score the batch once with --json first")
        for n in json.loads(path.read_text(encoding="utf-8"))["notes"]:
            if n["id"] not in forms:
                raise SystemExit(f"{n['id']} has no forms in {FORMS.name}")
            for f in forms[n["id"]] + ["all"]:
                gold[f] += n["gold_tokens"]
                found[f] += n["recall"] * n["gold_tokens"]
    return {f: (gold[f], found[f] / gold[f] if gold[f] else 1.0) for f in gold}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batches", nargs="+", help="batch numbers (default: every batch with a record)")
    args = ap.parse_args(argv)
    batches = args.batches or sorted({p.stem.split("_")[0][1:] for p in FIRST_SIGHT.glob("b*_default.json")})
    default, strict = by_form(batches, "default"), by_form(batches, "strict")
    print(f"First sight, batches {', '.join(batches)}: token recall by form\n")
    print("| form | gold identifier tokens | default | strict |\n|---|---|---|---|")
    for f in sorted(default, key=lambda f: (f == "all", f)):
        print(f"| {f} | {default[f][0]} | {default[f][1]:.3f} | {strict.get(f, (0, float('nan')))[1]:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
