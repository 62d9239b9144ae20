"""Clinical extraction on the many-form synthetic corpus (corpora/synthetic/clinical_forms.py), by label and form.

Usage:
  python benchmarks/bench_clinical_forms.py --n 300 --seed 11 --by-form          # per genre and per form change
  python benchmarks/bench_clinical_forms.py --n 300 --seed 11 --errors --genre chat   # errors (development seeds only)
  python benchmarks/bench_clinical_forms.py --n 300 --seed 11 --json out.json

Scores are bench_clinical_notes.py's (its `evaluate`): overlap and strict micro-F1 over the 7 clinical labels and
per label, and assertion F1 per class on overlap-matched DISEASE/SYMPTOM pairs. A seed used to look at errors is a
development seed; report numbers on another one.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpora.synthetic import clinical_forms as CF

_spec = importlib.util.spec_from_file_location("bench_clinical_notes", ROOT / "benchmarks" / "bench_clinical_notes.py")
notes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(notes)
LABELS, CLASSES = notes.LABELS, notes.CLASSES


def run(n: int, seed: int, genres=None, augment: bool = True, errors: bool = False, extract=None, spans=None) -> dict:
    """Generate `n` documents and score `extract` on all of them, on each genre and on each form change."""
    docs = CF.generate(n, seed, genres, augment)
    if extract is None:
        from vimednlp.clinical.extractor import extract as _extract

        extract = (lambda t: _extract(t, spans=spans)) if spans else _extract
    cache: dict[str, list] = {}

    def cached(text):
        if text not in cache:
            cache[text] = extract(text)
        return cache[text]

    t0 = time.perf_counter()
    out = {"all": notes.evaluate(docs, cached, errors=errors)}
    secs = time.perf_counter() - t0
    for g in dict.fromkeys(d.meta["genre"] for d in docs):
        out[f"genre:{g}"] = notes.evaluate([d for d in docs if d.meta["genre"] == g], cached)
    for f in CF.FORM_CHANGES:
        part = [d for d in docs if f in d.meta["forms"]]
        if part:
            out[f"form:{f}"] = notes.evaluate(part, cached)
    out["all"]["docs_per_s"] = len(docs) / secs if secs else 0.0
    return out


def markdown(res: dict, by_form: bool) -> str:
    head = ["| rows | docs | overlap F1 | strict F1 | " + " | ".join(LABELS) + " | assertion macro-F1 |",
            "|---|---|---|---|" + "---|" * len(LABELS) + "---|"]
    rows = [k for k in res if by_form or k == "all"]
    for k in rows:
        r = res[k]
        o = r["overlap"]
        head.append(f"| {k} | {r['docs']} | {o['micro']['f1']:.3f} | {r['strict']['micro']['f1']:.3f} | "
                    + " | ".join(f"{o[lab]['f1']:.3f}" if o[lab]["n_gold"] else "-" for lab in LABELS)
                    + f" | {r['assertions']['macro_f1']:.3f} |")
    a = res["all"]["assertions"]["classes"]
    head += ["", "Assertions (all documents): " + ", ".join(
        f"{c} F1 {a[c]['f1']:.3f} (n={a[c]['support']})" for c in CLASSES)]
    return "\n".join(head)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, required=True, help="corpus seed (use a fresh one for reported numbers)")
    ap.add_argument("--genre", action="append", choices=tuple(CF.GENRES))
    ap.add_argument("--by-form", action="store_true", help="one row per genre and per form change")
    ap.add_argument("--no-augment", action="store_true", help="only the form changes each genre implies")
    ap.add_argument("--spans", choices=("guidelines", "public"), default=None,
                    help="span convention of extract() (default: the guidelines')")
    ap.add_argument("--errors", action="store_true", help="print errors (development seeds only)")
    ap.add_argument("--json", help="write the scores as JSON here")
    a = ap.parse_args(argv)
    if a.n <= 0:
        ap.error("--n must be positive")
    res = run(a.n, a.seed, a.genre, not a.no_augment, a.errors, spans=a.spans)
    if a.errors:
        print("\n".join(res["all"]["errors"]))
        print()
    print(markdown(res, a.by_form))
    if a.json:
        Path(a.json).write_text(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "errors"}
                                            for k, v in res.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
