"""Span-identity harness: run the default detector on a fixed set of texts and write (or compare) every span.

A refactor that must not change behaviour (rules moved to data, one resolver, one CRF) is checked here:

    python benchmarks/span_identity.py snapshot /tmp/spans_before.json   # on the old tree
    python benchmarks/span_identity.py compare  /tmp/spans_before.json   # on the new tree: lists differences

The snapshot holds the texts too (it contains PhoNER sentences when $VIMEDNLP_SHARED is set: keep it on your machine,
never commit it), so the comparison runs on exactly the texts of the snapshot.

The texts: 300 speed-suite notes of 300 words, 200 held-out synthetic documents (seed 987654), the
development notes (corpora/handwritten/dev_notes.jsonl and dev_heldout.jsonl), and, when $VIMEDNLP_SHARED is set, the first 1,000
PhoNER_COVID19 dev sentences (read from the user's copy; only offsets and labels are written, never text).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, jsonl_docs, phoner_docs, shared_dir  # noqa: E402


def texts() -> list[tuple[str, str]]:
    from bench_deid_speed import make_docs
    from notes import generator

    out = [(f"speed-{i}", t) for i, t in enumerate(make_docs(300, seed=0, words=300))]
    out += [(f"synthetic-{i}", d.text) for i, d in enumerate(generator().generate(200, seed=987654))]
    for name in ("dev_notes.jsonl", "dev_heldout.jsonl"):
        out += [(d.id, d.text) for d in jsonl_docs(ROOT / "corpora" / "handwritten" / name)]
    try:
        shared_dir()
    except SystemExit:  # no shared corpora: the harness still covers our own texts
        return out
    out += [(f"phoner-dev-{i}", d.text) for i, d in enumerate(phoner_docs("dev")[:1000])]
    return out


def spans_of(items: list[tuple[str, str]]) -> dict[str, list]:
    import vimednlp

    return {k: [[s.start, s.end, s.label] for s in vimednlp.deidentify(t, operator="tag").spans]
            for k, t in items}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["snapshot", "compare"])
    ap.add_argument("path", type=Path)
    a = ap.parse_args(argv)
    if a.mode == "snapshot":
        items = texts()
        got = spans_of(items)
        # the texts are kept beside their spans: the speed notes are drawn from the surrogate lists, so a change to
        # those lists must not change what is compared (the file stays on the user's machine, outside the repo)
        a.path.write_text(json.dumps({"texts": dict(items), "spans": got}, ensure_ascii=False), encoding="utf-8")
        print(f"{len(got)} texts, {sum(map(len, got.values()))} spans written to {a.path}")
        return 0
    saved = json.loads(a.path.read_text(encoding="utf-8"))
    before = saved["spans"]
    got = spans_of(list(saved["texts"].items()))
    diff = [k for k in before if before[k] != got.get(k)]
    missing = [k for k in before if k not in got]
    for k in diff[:50]:
        b, g = {tuple(x) for x in before[k]}, {tuple(x) for x in got.get(k, [])}
        print(f"{k}: only before {sorted(b - g)}  only now {sorted(g - b)}")
    print(f"{len(got)} texts compared, {len(diff)} differ, {len(missing)} missing")
    return 1 if diff or missing else 0


if __name__ == "__main__":
    sys.exit(main())
