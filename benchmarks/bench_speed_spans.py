"""Spans-identity check for speed work: dump every de-identification span of both profiles on the development notes.

A speed change must never change what is detected. Run on the old tree, then on the new one, and compare:

    python benchmarks/bench_speed_spans.py /tmp/spans_before.json
    python benchmarks/bench_speed_spans.py /tmp/spans_after.json --compare /tmp/spans_before.json

Texts: the hand-written development notes (dev_notes.jsonl, dev_heldout.jsonl), the blind batches already scored
(dev-281..dev-752 of blind_notes.jsonl; nothing past dev-752 is read) and 200 speed-suite notes of 300 words.
Only offsets and labels are written, never text.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent
HANDWRITTEN = ROOT / "corpora" / "handwritten"
LAST_DEV = 752  # blind batches past this id are evaluation data: never read


def _dev_number(note_id: str) -> int | None:
    m = re.fullmatch(r"dev-(\d+)", note_id)
    return int(m.group(1)) if m else None


def texts(speed_docs: int) -> list[tuple[str, str]]:
    out = []
    for name in ("dev_notes.jsonl", "dev_heldout.jsonl"):
        for line in (HANDWRITTEN / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append((d["id"], d["text"]))
    for line in (HANDWRITTEN / "blind_notes.jsonl").read_text(encoding="utf-8").splitlines():
        m = re.match(r'\{"id": "(dev-\d+)"', line)  # the id is read before the note is parsed
        n = _dev_number(m.group(1)) if m else None
        if n is not None and 281 <= n <= LAST_DEV:
            out.append((f"blind-{n}", json.loads(line)["text"]))
    if speed_docs:
        from notes import notes_of_words

        out += [(f"speed-{i}", d.text) for i, d in enumerate(notes_of_words(speed_docs, 300))]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--compare", type=Path, help="an earlier dump: list the texts whose spans differ")
    ap.add_argument("--speed-docs", type=int, default=200)
    ap.add_argument("--profiles", default="default,strict")
    a = ap.parse_args(argv)
    from vimednlp import deidentify

    items = texts(a.speed_docs)
    got = {}
    for profile in a.profiles.split(","):
        for k, t in items:
            got[f"{profile}:{k}"] = [[s.start, s.end, s.label]
                                     for s in deidentify(t, operator="tag", profile=profile).spans]
    a.out.write_text(json.dumps(got), encoding="utf-8")
    print(f"{len(items)} texts x {len(a.profiles.split(','))} profiles, {sum(map(len, got.values()))} spans -> {a.out}")
    if a.compare:
        before = json.loads(a.compare.read_text(encoding="utf-8"))
        diff = [k for k in before if before[k] != got.get(k)]
        for k in diff[:30]:
            b, g = {tuple(x) for x in before[k]}, {tuple(x) for x in got.get(k, [])}
            print(f"{k}: only before {sorted(b - g)}  only now {sorted(g - b)}")
        print(f"{len(before)} compared, {len(diff)} differ")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
