"""Score the hand-written development notes whose ids lie in [FIRST, LAST] with the default Analyzer (rules +
shipped model): token recall / precision / clinical tokens removed, and with --errors every missed gold token and
every extra predicted token, with its context (development notes only: these are our own invented notes).

    python benchmarks/score_dev_batch.py dev-163 dev-174 [--errors]
    python benchmarks/score_dev_batch.py dev-201 dev-212 --profile strict     # a blind batch (blind_notes.jsonl)

It refuses test-note ids: the test notes (`corpora/handwritten/notes.jsonl`) are scored only by
`bench_deid_accuracy.py --suite handwritten`, never error by error.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_deid_accuracy import load_jsonl, token_metrics  # noqa: E402

from vimednlp.deid.analyzer import Analyzer  # noqa: E402
from vimednlp.deid.strict import strict_spans  # noqa: E402
from vimednlp.schema import CLINICAL_LABELS, DEFAULT_DEID_LABELS  # noqa: E402
from vimednlp.text.tokenizer import tokenize  # noqa: E402

HANDWRITTEN = Path(__file__).resolve().parent.parent / "corpora" / "handwritten"


def identifiers_left(doc, spans) -> int:
    """Gold identifiers whose exact string is still in the tagged output (every predicted span replaced by its
    label): what a reader of the output could still see."""
    out, pos = [], 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start >= pos:
            out.append(doc.text[pos:s.start])
            out.append(f"<{s.label}>")
            pos = s.end
    out.append(doc.text[pos:])
    tagged = "".join(out)
    return sum(1 for g in doc.spans if g.label in DEFAULT_DEID_LABELS
               and re.search(r"(?<!\w)" + re.escape(g.text.strip()) + r"(?!\w)", tagged))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("first", help="first development note id, e.g. dev-111")
    ap.add_argument("last", help="last development note id, e.g. dev-122")
    ap.add_argument("--errors", action="store_true", help="list missed and extra tokens with their context")
    ap.add_argument("--profile", choices=("default", "strict"), default="default",
                    help="the de-identification profile (strict: also what is not known safe)")
    ap.add_argument("--json", type=Path, help="also write the totals and each note's counts (id, genre, style) here")
    ap.add_argument("--model", default="default", help="a PHI tagger folder (default: the shipped model)")
    args = ap.parse_args(argv)
    if not (args.first.startswith("dev-") and args.last.startswith("dev-")):
        ap.error("ids are development note ids (dev-NNN); the test notes are not scored here")
    docs = [d for f in ("dev_notes.jsonl", "dev_heldout.jsonl", "blind_notes.jsonl")
            if (HANDWRITTEN / f).exists() for d in load_jsonl(HANDWRITTEN / f)
            if args.first <= d.id <= args.last]
    if not docs:
        ap.error(f"no development note with an id from {args.first} to {args.last}")
    analyzer = Analyzer(model=args.model)
    preds = [analyzer.analyze(d.text) for d in docs]
    if args.profile == "strict":
        preds = [p + strict_spans(d.text, p) for d, p in zip(docs, preds)]
    m = token_metrics(docs, preds)
    left = sum(identifiers_left(d, p) for d, p in zip(docs, preds))
    print(f"{len(docs)} notes, {m['gold_tokens']} gold tokens ({args.profile}): recall {m['recall']:.4f} "
          f"precision {m['precision']:.4f} clinical removed {m['clinical_removed']:.4f} of {m['clinical_tokens']}, "
          f"identifier strings left verbatim {left}")
    if args.json:
        import json

        notes = []
        for d, p in zip(docs, preds):
            n = token_metrics([d], [p])
            notes.append({"id": d.id, "genre": d.meta.get("genre"), "style": d.meta.get("style"),
                          "gold_tokens": n["gold_tokens"], "recall": n["recall"], "precision": n["precision"],
                          "left": identifiers_left(d, p)})
        args.json.write_text(json.dumps({"profile": args.profile, "model": args.model, "first": args.first,
                                         "last": args.last, "totals": {**m, "left": left}, "notes": notes},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    if args.errors:
        for d, p in zip(docs, preds):
            gold = [s for s in d.spans if s.label in DEFAULT_DEID_LABELS]
            toks = tokenize(d.text)
            for g in gold:
                miss = [t for t in toks if g.start < t.end and t.start < g.end
                        and not any(s.start < t.end and t.start < s.end for s in p)]
                if miss:
                    ctx = d.text[max(0, g.start - 40):g.end + 20].replace("\n", " / ")
                    print(f"MISS {d.id} {g.label} {d.text[g.start:g.end]!r} missed={[t.text for t in miss]} | {ctx}")
            for s in p:
                extra = [t for t in toks if s.start < t.end and t.start < s.end
                         and not any(g.start < t.end and t.start < g.end for g in gold)]
                if extra:
                    clin = any(c.label in CLINICAL_LABELS and c.start < s.end and s.start < c.end for c in d.spans)
                    ctx = d.text[max(0, s.start - 40):s.end + 20].replace("\n", " / ")
                    print(f"FP{'-CLIN' if clin else ''} {d.id} {s.label}/{s.source} {d.text[s.start:s.end]!r} "
                          f"extra={[t.text for t in extra]} | {ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
