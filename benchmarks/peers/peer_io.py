"""Shared I/O for peer runners: read {id, text} JSONL, write {id, spans} JSONL, report time and memory.

Each peer runs in its own venv (its pins clash with ours), so this file imports nothing from vimednlp.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time


def main(name: str, load, detect) -> None:
    """load() -> detector (timed apart); detect(detector, text) -> [(start, end, label)]."""
    ap = argparse.ArgumentParser(description=f"run {name} over a JSONL of {{id, text}}")
    ap.add_argument("--in", dest="inp", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    docs = [json.loads(line) for line in open(args.inp, encoding="utf-8") if line.strip()]
    t0 = time.perf_counter()
    det = load()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    with open(args.out, "w", encoding="utf-8") as out:
        for d in docs:
            spans = [{"start": s, "end": e, "label": lab} for s, e, lab in detect(det, d["text"])]
            out.write(json.dumps({"id": d["id"], "spans": spans}, ensure_ascii=False) + "\n")
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump({"peer": name, "docs": len(docs), "seconds": secs, "load_seconds": load_s,
               "peak_rss_mb": peak, "python": sys.version.split()[0]}, sys.stdout)
