#!/usr/bin/env python
"""Public corpora read as published: vimednlp's CRF and spaCy tagger, each trained on a corpus's published
train split with the corpus's own labels and scored on its published test split (strict span match, micro-F1
as seqeval counts it), beside the score its authors (or a later paper) published.

  python benchmarks/bench_public_corpora.py --vimq ~/data/ViMQ/data --vimedner ~/data/ViMedNER \\
      --vietmed ~/data/VietMed-NER/dataset.txt [--phoner $VIMEDNLP_SHARED/data/phoner_covid19]
  python benchmarks/run.py public     # the same, paths from VIMEDNLP_VIMQ / VIMEDNLP_VIMEDNER / VIMEDNLP_VIETMED

A path not given falls back on its environment variable (VIMEDNLP_VIMQ, VIMEDNLP_VIMEDNER, VIMEDNLP_VIETMED,
VIMEDNLP_PHONER); a corpus with neither, or whose path does not exist, is skipped with the reason printed.
The corpora are never copied into the project: they are read in place from your copy.
VietMed-NER's GitHub dataset.txt has no split: it is cut 80/10/10 by a seeded shuffle (said in the table);
its Hugging Face export (train/validation/test parquet) is used as published.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

# name, option, environment variable
CORPORA = [("vimq", "vimq", "VIMEDNLP_VIMQ"), ("vimedner", "vimedner", "VIMEDNLP_VIMEDNER"),
           ("vietmed_ner", "vietmed", "VIMEDNLP_VIETMED"), ("phoner_covid19", "phoner", "VIMEDNLP_PHONER")]


def train_and_score(name: str, path: str, kinds: list[str], args) -> dict:
    from vimednlp.corpus.loaders import NO_SPLIT, by_split, corpus_info, load_corpus, seeded_split
    from vimednlp.taggers import entity_scores

    info = corpus_info(name)
    docs = load_corpus(name, path)  # the corpus's own labels, overlaps skipped and counted
    parts = by_split(docs)
    split_note = "published split"
    if set(parts) == {NO_SPLIT}:
        parts = seeded_split(parts[NO_SPLIT], seed=args.seed)
        split_note = f"no published split: 80/10/10 seeded shuffle (seed {args.seed})"
    test_name = info.get("test_split", "test")
    train, test = parts.get("train", []), parts.get(test_name, [])
    if not train or not test:
        raise SystemExit(f"{name}: no train or {test_name} split in {path} (found: {', '.join(parts)})")
    if args.limit:
        train = train[:args.limit]
    gold_labels = {s.label for d in test for s in d.spans}
    rows = []
    for kind in kinds:
        if kind == "crf":
            from vimednlp.taggers import CRFTagger

            tagger = CRFTagger(max_iterations=args.max_iterations, seed=args.seed)
        else:
            from vimednlp.taggers import SpacyNERTagger

            tagger = SpacyNERTagger(n_iter=args.epochs, seed=args.seed, verbose=False)
        t0 = time.perf_counter()
        tagger.fit(train)
        fit_s = time.perf_counter() - t0
        rep = entity_scores(test, tagger.predict(test), sorted(set(tagger.labels) | gold_labels))
        rows.append({"kind": kind, "fit_seconds": round(fit_s, 1), **rep.to_dict()})
    return {"corpus": name, "title": info["title"], "split": split_note, "test_split": test_name,
            "n_train": len(train), "n_test": len(test), "report": docs.report.to_dict(), "rows": rows,
            "anchor": info.get("anchor")}


def markdown(results: list[dict], skipped: list[str], args) -> str:
    lines = ["# Public corpora read as published", ""]
    if results:
        lines += ["| corpus | split | train / test records | tagger | micro P | micro R | micro F1 | published anchor |",
                  "|---|---|---:|---|---:|---:|---:|---|"]
        for r in results:
            a = r["anchor"]
            anchor = f"{a['model']} {a['micro_f1']:.3f}" if a else "none published here"
            for row in r["rows"]:
                m = row["micro"]
                lines.append(f"| {r['title']} | {r['split']} ({r['test_split']}) | {r['n_train']:,} / {r['n_test']:,} "
                             f"| {'CRF' if row['kind'] == 'crf' else 'spaCy tagger'} | {m['precision']:.3f} | "
                             f"{m['recall']:.3f} | **{m['f1']:.3f}** | {anchor} |")
        how = {"crf": f"the CRF with its general feature set ({args.max_iterations} L-BFGS iterations)",
               "spacy": f"the spaCy tagger {args.epochs} epochs"}
        ran = [how[k] for k in how if any(row["kind"] == k for r in results for row in r["rows"])]
        lines += ["", "Strict span match (start, end and label equal, seqeval's definition), on the corpus's own "
                  f"labels; {', '.join(ran)}, seed {args.seed}" +
                  (f", training limited to {args.limit} records (a smoke run, not for reporting)" if args.limit else "")
                  + ". Published anchors (reference points from other papers, not measured here): "
                  + "; ".join(f"{r['title']}: {r['anchor']['model']} {r['anchor']['micro_f1']:.3f} ({r['anchor']['where']})"
                              for r in results if r["anchor"]) + ".", ""]
        for r in results:
            rep = r["report"]
            lines += [f"## {r['title']}: per-label F1", "",
                      f"Read: {rep['documents']:,} records ({rep['bad_records']} bad records skipped, "
                      f"{rep['overlaps_skipped']} overlapping spans skipped in {rep['overlap_records']} records, "
                      f"{rep['empty_tokens']} empty tokens skipped).", ""]
            # labels the test split holds or a tagger predicted (a label neither touched says nothing)
            labels = sorted({lab for row in r["rows"] for lab, v in row["per_label"].items()
                             if v["support"] or v["fp"]})
            lines += ["| label | support | " + " | ".join("CRF" if row["kind"] == "crf" else "spaCy"
                                                          for row in r["rows"]) + " |",
                      "|---|---:|" + "---:|" * len(r["rows"])]
            for lab in labels:
                sup = r["rows"][0]["per_label"].get(lab, {}).get("support", 0)
                lines.append(f"| {lab} | {sup:,} | " + " | ".join(
                    f"{row['per_label'].get(lab, {}).get('f1', 0.0):.3f}" for row in r["rows"]) + " |")
            lines.append("")
    for s in skipped:
        lines.append(f"- skipped: {s}")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for _, opt, env in CORPORA:
        ap.add_argument(f"--{opt}", help=f"your copy of the corpus (default: ${env})")
    ap.add_argument("--kinds", default="crf,spacy", help="taggers to train (crf, spacy)")
    ap.add_argument("--max-iterations", type=int, default=150, help="CRF L-BFGS iterations")
    ap.add_argument("--epochs", type=int, default=15, help="spaCy tagger epochs")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N records only (smoke runs)")
    ap.add_argument("--quick", action="store_true", help="a smoke run: 500 training records, 30 iterations, 3 epochs")
    ap.add_argument("--json", dest="json_out", help="also write the numbers here")
    ap.add_argument("--markdown", dest="md_out", help="also write the table here")
    args = ap.parse_args(argv)
    if args.quick:
        args.limit, args.max_iterations, args.epochs = args.limit or 500, 30, 3
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    if set(kinds) - {"crf", "spacy"}:
        ap.error("--kinds takes crf and/or spacy")
    results, skipped = [], []
    for name, opt, env in CORPORA:
        path = getattr(args, opt) or os.environ.get(env)
        if not path:
            skipped.append(f"{name}: no --{opt} and ${env} is not set")
        elif not Path(path).exists():
            skipped.append(f"{name}: {path} does not exist")
        else:
            print(f"{name}: training on {path} ...", file=sys.stderr, flush=True)
            results.append(train_and_score(name, path, kinds, args))
    md = markdown(results, skipped, args)
    print(md)
    if args.md_out:
        Path(args.md_out).write_text(md, encoding="utf-8")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"results": results, "skipped": skipped}, ensure_ascii=False,
                                                  indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
