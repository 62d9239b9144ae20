"""Clinical extraction on realistic notes: entity F1 and assertions on corpora/clinical_notes.

Usage:
  python benchmarks/bench_clinical_notes.py --split dev              # the part used for error analysis
  python benchmarks/bench_clinical_notes.py --split test             # held out, scored only to report
  python benchmarks/bench_clinical_notes.py --split dev --errors     # print false positives / negatives
  python benchmarks/bench_clinical_notes.py --split dev --json out.json

Entity scores per label and micro over the 7 clinical labels:
- overlap: a prediction is a true positive when it overlaps a gold span of the same label (each gold and
  each prediction counted once, greedy by largest overlap);
- strict: same start, end and label.
Assertions are scored on overlap-matched DISEASE/SYMPTOM pairs: accuracy (all five attributes equal)
and per-class precision / recall / F1 of each attribute, plus macro-F1 over the classes.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "corpora" / "clinical_notes" / "notes.jsonl"
LABELS = ("DISEASE", "SYMPTOM", "DRUG", "DOSAGE", "TEST", "RESULT", "PROCEDURE")
CLASSES = ("negated", "uncertain", "historical", "family", "hypothetical")


def load(split: str, path: Path = DATA):
    from vimednlp.schema import Document

    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = Document.from_json(line)
        except Exception as e:  # a broken record is an error, never skipped
            raise ValueError(f"{path}:{n}: bad record: {e}") from e
        if split == "all" or d.meta.get("split") == split:
            docs.append(d)
    return docs


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    from vimednlp.taggers.evaluate import prf as _prf

    return _prf(tp, fp, fn)


def match_overlap(gold, pred):
    """Greedy one-to-one matching of same-label spans by overlap size; returns (gold_i, pred_j) pairs."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if p.label == g.label and p.start < g.end and g.start < p.end:
                cands.append((min(g.end, p.end) - max(g.start, p.start), i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(cands, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def evaluate(docs, extract=None, errors: bool = False) -> dict:
    if extract is None:
        from vimednlp.clinical.extractor import extract
    ov = defaultdict(lambda: [0, 0, 0])
    st = defaultdict(lambda: [0, 0, 0])
    cls = {c: [0, 0, 0] for c in CLASSES}
    n_pairs = n_exact = 0
    err_lines = []
    for d in docs:
        gold = [s for s in d.spans if s.label in LABELS]
        pred = [s for s in extract(d.text) if s.label in LABELS]
        pairs = match_overlap(gold, pred)
        mg = {i for i, _ in pairs}
        mp = {j for _, j in pairs}
        for lab in LABELS:
            ov[lab][0] += sum(1 for i, _ in pairs if gold[i].label == lab)
            ov[lab][1] += sum(1 for j, p in enumerate(pred) if p.label == lab and j not in mp)
            ov[lab][2] += sum(1 for i, g in enumerate(gold) if g.label == lab and i not in mg)
        gset = {(s.start, s.end, s.label) for s in gold}
        pset = {(s.start, s.end, s.label) for s in pred}
        for lab in LABELS:
            st[lab][0] += sum(1 for x in gset & pset if x[2] == lab)
            st[lab][1] += sum(1 for x in pset - gset if x[2] == lab)
            st[lab][2] += sum(1 for x in gset - pset if x[2] == lab)
        for i, j in pairs:
            g, p = gold[i], pred[j]
            if g.label not in ("DISEASE", "SYMPTOM"):
                continue
            n_pairs += 1
            ga = {c for c in CLASSES if g.attrs.get(c)}
            pa = {c for c in CLASSES if p.attrs.get(c)}
            n_exact += ga == pa
            for c in CLASSES:
                cls[c][0] += c in ga and c in pa
                cls[c][1] += c in pa and c not in ga
                cls[c][2] += c in ga and c not in pa
            if errors and ga != pa:
                err_lines.append(f"{d.id} ASSERT {g.text!r} gold={sorted(ga)} pred={sorted(pa)} | "
                                 f"{_ctx(d.text, g.start, g.end)}")
        if errors:
            for j, p in enumerate(pred):
                if j not in mp:
                    err_lines.append(f"{d.id} FP {p.label} {p.text!r} | {_ctx(d.text, p.start, p.end)}")
            for i, g in enumerate(gold):
                if i not in mg:
                    err_lines.append(f"{d.id} FN {g.label} {g.text!r} | {_ctx(d.text, g.start, g.end)}")
            for i, j in pairs:
                g, p = gold[i], pred[j]
                if (g.start, g.end) != (p.start, p.end):
                    err_lines.append(f"{d.id} BOUND {g.label} gold={g.text!r} pred={p.text!r}")

    def table(counts):
        out = {lab: dict(zip(("p", "r", "f1"), prf(*counts[lab])), n_gold=counts[lab][0] + counts[lab][2])
               for lab in LABELS}
        tot = [sum(counts[lab][k] for lab in LABELS) for k in range(3)]
        out["micro"] = dict(zip(("p", "r", "f1"), prf(*tot)), n_gold=tot[0] + tot[2])
        return out

    cl = {c: dict(zip(("p", "r", "f1"), prf(*cls[c])), support=cls[c][0] + cls[c][2]) for c in CLASSES}
    present = [c for c in CLASSES if cl[c]["support"]]
    return {
        "docs": len(docs),
        "overlap": table(ov),
        "strict": table(st),
        "assertions": {"pairs": n_pairs, "accuracy": n_exact / n_pairs if n_pairs else 0.0,
                       "classes": cl,
                       "macro_f1": sum(cl[c]["f1"] for c in present) / len(present) if present else 0.0},
        "errors": err_lines,
    }


def _ctx(text: str, s: int, e: int, w: int = 40) -> str:
    return (text[max(0, s - w):s] + "[" + text[s:e] + "]" + text[e:e + w]).replace("\n", " ⏎ ")


def markdown(res: dict, split: str) -> str:
    lines = [f"**{split}** ({res['docs']} notes)", "",
             "| label | gold | overlap P | overlap R | overlap F1 | strict F1 |", "|---|---|---|---|---|---|"]
    for lab in LABELS + ("micro",):
        o, s = res["overlap"][lab], res["strict"][lab]
        lines.append(f"| {lab} | {o['n_gold']} | {o['p']:.3f} | {o['r']:.3f} | {o['f1']:.3f} | {s['f1']:.3f} |")
    a = res["assertions"]
    lines += ["", f"Assertions on {a['pairs']} matched DISEASE/SYMPTOM spans: accuracy (all five attributes) "
              f"{a['accuracy']:.3f}, macro-F1 {a['macro_f1']:.3f}", "",
              "| class | support | P | R | F1 |", "|---|---|---|---|---|"]
    for c in CLASSES:
        x = a["classes"][c]
        lines.append(f"| {c} | {x['support']} | {x['p']:.3f} | {x['r']:.3f} | {x['f1']:.3f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "dev2", "test", "all", "blind1", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12"), default="dev",
                    help="blind1..blind12: the blind batches (corpora/clinical_notes/blind_notes.jsonl), scored once")
    ap.add_argument("--errors", action="store_true", help="print errors (use on dev only)")
    ap.add_argument("--json", help="write the scores as JSON here")
    a = ap.parse_args(argv)
    path = DATA.with_name("blind_notes.jsonl") if a.split.startswith("blind") else DATA
    res = evaluate(load(a.split, path), errors=a.errors)
    if a.errors:
        print("\n".join(res["errors"]))
        print()
    print(markdown(res, a.split))
    if a.json:
        Path(a.json).write_text(json.dumps({k: v for k, v in res.items() if k != "errors"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
