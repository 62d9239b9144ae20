"""ICD-10 coding benchmark: accuracy@1/@5 (3- and 4-character level) and query latency.

    python benchmarks/bench_coding.py --vi tsv:$VIMEDNLP_SHARED/terminology/icd10_vi_gnuhealth/icd10_vi_gnuhealth_5.0.4.tsv
    python benchmarks/bench_coding.py --vi none          # English titles + our synonyms only
    python benchmarks/bench_coding.py --vi store         # whatever store the user cache has

The evaluation set (benchmarks/data/icd10_mentions.tsv) was written before any tuning; columns:
mention, gold (`|`-separated acceptable codes), form (rw reworded | lay | abbr | nd no diacritics |
typo | en English). A prediction is right at the 3-character level when its first three characters
match one gold code's; at the 4-character level (rows whose gold has a 4+-character code) when it is
one of the gold codes.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_eval(path: Path) -> list[tuple[str, list[str], str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            m, gold, form = line.rstrip("\n").split("\t")
            rows.append((m, gold.split("|"), form))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(HERE / "data" / "icd10_mentions.tsv"))
    ap.add_argument("--vi", default="store", help="store | none | tsv:PATH | moh:PATH | gnuhealth[:WHEEL]")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--errors", type=int, default=0, help="print this many top-1 misses")
    ap.add_argument("--json", help="write the numbers here")
    ap.add_argument("--no-synonyms", action="store_true",
                    help="ablation: leave our curated synonyms out of the index (titles, abbreviations, rewrites only)")
    args = ap.parse_args(argv)

    if args.vi != "store":
        os.environ["VIMEDNLP_CACHE"] = tempfile.mkdtemp(prefix="vimednlp-bench-")
    from vimednlp.terminology import build, code, get_index, search
    from vimednlp.terminology.normalize import norm
    from vimednlp.terminology.search import _read_tsv

    if args.no_synonyms:
        search.USE_SYNONYMS = False

    t0 = time.perf_counter()
    if args.vi not in ("store", "none"):
        src, _, p = args.vi.partition(":")
        print(build(src, p or None).summary(), file=sys.stderr)
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    get_index("icd10")
    t_load = time.perf_counter() - t0

    synonyms = {norm(r["term"]) for r in _read_tsv("icd10_synonyms.tsv")}
    rows = load_eval(Path(args.data))
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0])  # n, h1, h5, n4, h1_4, h5_4
    lat = []
    misses = []
    for q, gold, form in rows:
        t = time.perf_counter()
        cands = code(q, k=args.k)
        lat.append((time.perf_counter() - t) * 1000)
        g3 = {g[:3] for g in gold}
        p3 = [c.code[:3] for c in cands]
        h1 = bool(p3) and p3[0] in g3
        h5 = any(p in g3 for p in p3[:5])
        gold4 = [g for g in gold if len(g.replace(".", "")) >= 4]
        groups = ["all", form, "unseen" if norm(q) not in synonyms else "in-synonyms"]
        for grp in groups:
            s = stats[grp]
            s[0] += 1
            s[1] += h1
            s[2] += h5
            if gold4:
                s[3] += 1
                s[4] += bool(cands) and cands[0].code in gold4
                s[5] += any(c.code in gold4 for c in cands[:5])
        if not h1:
            misses.append((q, gold, [(c.code, c.score, c.reason) for c in cands[:3]]))

    # latency again, warm (every query once more), as the acceptance line asks "after load"
    lat = []
    for q, _, _ in rows:
        t = time.perf_counter()
        code(q, k=args.k)
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    res = {
        "vi_source": args.vi, "synonyms": not args.no_synonyms, "n": len(rows), "build_s": round(t_build, 2), "index_load_s": round(t_load, 2),
        "latency_ms": {"median": round(statistics.median(lat), 2), "p95": round(lat[int(0.95 * len(lat)) - 1], 2),
                       "max": round(lat[-1], 2)},
        "groups": {},
    }
    print(f"vi={args.vi}  synonyms={'off' if args.no_synonyms else 'on'}  n={len(rows)}  build {t_build:.1f}s  index load {t_load:.1f}s")
    print(f"{'group':<12} {'n':>5} {'acc@1(3)':>9} {'acc@5(3)':>9} {'n4':>5} {'acc@1(4)':>9} {'acc@5(4)':>9}")
    order = ["all", "rw", "lay", "abbr", "nd", "typo", "en", "in-synonyms", "unseen"]
    for grp in order:
        if grp not in stats:
            continue
        n, h1, h5, n4, h14, h54, _ = stats[grp]
        r = {"n": n, "acc1_3": round(h1 / n, 4), "acc5_3": round(h5 / n, 4), "n4": n4,
             "acc1_4": round(h14 / n4, 4) if n4 else None, "acc5_4": round(h54 / n4, 4) if n4 else None}
        res["groups"][grp] = r
        print(f"{grp:<12} {n:>5} {r['acc1_3']:>9.3f} {r['acc5_3']:>9.3f} {n4:>5} "
              f"{(r['acc1_4'] or 0):>9.3f} {(r['acc5_4'] or 0):>9.3f}")
    print(f"latency after load: median {res['latency_ms']['median']} ms, p95 {res['latency_ms']['p95']} ms, "
          f"max {res['latency_ms']['max']} ms")
    for q, gold, top in misses[: args.errors]:
        print("MISS", q, gold, top)
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
