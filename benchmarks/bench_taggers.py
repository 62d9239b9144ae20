"""PhoNER_COVID19 benchmark for the trainable taggers (syllable level, 10 entity types).

The corpus is read from a path you supply (never copied into the repo); nothing trained is saved
unless you pass --save DIR (keep it outside the repository).

    # tune on dev (configurations listed in CONFIGS)
    python benchmarks/bench_taggers.py --data ../shared/data/phoner_covid19 --config full --split dev
    # the chosen configuration on test, once
    python benchmarks/bench_taggers.py --data ../shared/data/phoner_covid19 --config full --split test
    # learning curve on test (10/25/50/100 % of train) -> benchmarks/plots/learning_curve.png;
    # the 100 % point is the test result (full report printed, saved with --save); --jobs 2 trains two points at once
    python benchmarks/bench_taggers.py --data ../shared/data/phoner_covid19 --config full --curve --jobs 2 --save DIR
    # CRF tagging speed on 300-word documents (a tagger saved by --curve --save DIR)
    python benchmarks/bench_taggers.py --data ../shared/data/phoner_covid19 --speed --load DIR
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from vimednlp.taggers import entity_scores, token_scores
from vimednlp.taggers.io import read_conll

CONFIGS: dict[str, dict] = {
    "base": {"kind": "crf"},
    "lex": {"kind": "crf", "lexicons": True},
    "gaz": {"kind": "crf", "train_gazetteer": True},
    "ws": {"kind": "crf", "word_segmentation": True},
    "full": {"kind": "crf", "train_gazetteer": True, "word_segmentation": True},
    "spacy": {"kind": "spacy"},
}


def load_split(data: Path, split: str):
    return read_conll(data / "syllable" / f"{split}_syllable.conll")


def lexicon_gazetteers() -> dict[str, set[str]]:
    """Our own lexicons (clinical terms, administrative units, professions, organisations) as CRF gazetteers.

    Read from the package's resource files only; nothing here comes from the evaluation corpus.
    """
    import csv
    import json

    from vimednlp.paths import resource_path

    gaz: dict[str, set[str]] = {"CLIN": set(), "LOC": set(), "JOB": set(), "ORG": set()}
    for name in ("diseases.tsv", "symptoms.tsv"):
        for line in resource_path("clinical", name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                cols = line.split("\t")
                gaz["CLIN"].add(cols[0])
                if len(cols) > 1 and name == "symptoms.tsv":
                    gaz["CLIN"].update(x for x in cols[1].split("|") if x)
                if len(cols) > 2:
                    gaz["CLIN"].update(x for x in cols[2].split("|") if x)
    for name in ("provinces.tsv", "districts_2019.tsv", "wards_2019.tsv", "wards_2025.tsv"):
        with resource_path("deid", "locations", name).open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if len(row["name"]) > 3:
                    gaz["LOC"].add(row["name"])
    cues = json.loads(resource_path("deid", "cues.json").read_text(encoding="utf-8"))
    gaz["LOC"].update(cues["foreign_places"] + cues["location_places"])
    gaz["JOB"].update(cues["professions"] + cues["professions_medical"])
    gaz["ORG"].update(cues["org_names"])
    return gaz


def make_tagger(config: str, overrides: dict):
    params = dict(CONFIGS[config])
    if params.pop("lexicons", False):
        params["gazetteers"] = lexicon_gazetteers()
    params.update(overrides)
    kind = params.pop("kind")
    if kind == "crf":
        from vimednlp.taggers import CRFTagger

        if params.get("word_segmentation"):
            from vimednlp.taggers.wordseg import default_segmenter

            params["segmenter"] = functools.lru_cache(maxsize=None)(default_segmenter())
        return CRFTagger(verbose=True, **params)
    if kind == "spacy":
        from vimednlp.taggers import SpacyNERTagger

        return SpacyNERTagger(verbose=True, **params)
    raise SystemExit(f"unknown kind {kind}")


def run_once(args, train, evaluate, fraction: float = 1.0) -> dict:
    if fraction < 1.0:
        rng = random.Random(args.seed)
        train = rng.sample(train, max(1, int(len(train) * fraction)))
    tagger = make_tagger(args.config, json.loads(args.params))
    t0 = time.perf_counter()
    tagger.fit(train)
    fit_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pred = tagger.predict(evaluate)
    pred_s = time.perf_counter() - t0
    rep = entity_scores(evaluate, pred)
    tok = token_scores(evaluate, pred)
    if args.save and fraction >= 1.0:  # the tagger of the whole train split (the test result) is the one kept
        tagger.save(args.save)
    return {"config": args.config, "params": json.loads(args.params), "fraction": fraction,
            "n_train": len(train), "n_eval": len(evaluate), "fit_s": round(fit_s, 1),
            "predict_s": round(pred_s, 1), "entity": rep.to_dict(), "token_micro": tok.micro.to_dict(),
            "report": rep.format()}


def speed(args, train) -> dict:
    """Docs/s on documents of ~300 words made by joining PhoNER sentences of the evaluated split."""
    if args.load:
        from vimednlp.taggers import load_tagger

        tagger = load_tagger(args.load)
    else:
        tagger = make_tagger(args.config, json.loads(args.params))
        tagger.fit(train)
    sents = [d.text for d in load_split(Path(args.data), "test")]
    docs, cur = [], []
    for s in sents:
        cur.append(s)
        if sum(len(x.split()) for x in cur) >= 300:
            docs.append(" ".join(cur))
            cur = []
        if len(docs) >= args.speed_docs:
            break
    t0 = time.perf_counter()
    tagger.predict(docs)
    dt = time.perf_counter() - t0
    words = sum(len(d.split()) for d in docs)
    return {"config": f"loaded {args.load}" if args.load else args.config, "docs": len(docs), "words": words, "seconds": round(dt, 2),
            "docs_per_s": round(len(docs) / dt, 1), "words_per_s": round(words / dt)}


def _curve_point(args, train, test, fraction: float) -> dict:
    r = run_once(args, train, test, fraction)
    r["split"] = "test"
    return r


def curve(args, train, test, fractions: list[float]) -> list[dict]:
    """One training per fraction; with --jobs N, N trainings at once (largest first, so the whole-train
    point starts at once and the smaller ones share the other cores). Results in the order of `fractions`."""
    if args.jobs <= 1 or len(fractions) == 1:
        return [_curve_point(args, train, test, fr) for fr in fractions]
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    order = sorted(range(len(fractions)), key=lambda i: -fractions[i])
    with ProcessPoolExecutor(max_workers=args.jobs, mp_context=mp.get_context("fork")) as pool:
        futures = {i: pool.submit(_curve_point, args, train, test, fractions[i]) for i in order}
        return [futures[i].result() for i in range(len(fractions))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="folder of PhoNER_COVID19 (with syllable/)")
    ap.add_argument("--config", default="full", choices=sorted(CONFIGS))
    ap.add_argument("--params", default="{}", help="JSON overrides of tagger parameters, e.g. '{\"c1\": 0.1}'")
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    ap.add_argument("--curve", action="store_true", help="learning curve on test")
    ap.add_argument("--fractions", default="0.1,0.25,0.5,1.0")
    ap.add_argument("--jobs", type=int, default=1, help="--curve: train this many points at once (processes)")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--speed-docs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--save", default=None, help="save the trained tagger here (outside the repo); "
                    "with --curve, the whole-train point's")
    ap.add_argument("--load", default=None, help="--speed: time this saved tagger instead of training one")
    ap.add_argument("--json", default=None, help="append the result as one JSON line to this file")
    ap.add_argument("--plot", default="benchmarks/plots/learning_curve.png")
    args = ap.parse_args()
    data = Path(args.data)
    train = [] if args.load else load_split(data, "train")
    results = []
    if args.speed:
        results.append(speed(args, train))
        print(json.dumps(results[-1]))
    elif args.curve:
        test = load_split(data, "test")
        results = curve(args, train, test, [float(x) for x in args.fractions.split(",")])
        for r in results:
            print(f"{r['fraction']:>5}: n={r['n_train']} micro-F1={r['entity']['micro']['f1']} "
                  f"S&D-F1={r['entity']['per_label'].get('SYMPTOM_AND_DISEASE', {}).get('f1')}", flush=True)
        plot_curve(results, args.plot)
        full = [r for r in results if r["fraction"] >= 1.0]
        if full:  # the whole-train point is the test result: one training serves both
            r = full[-1]
            print(f"\nTest result (whole train split, the curve's last point"
                  f"{'; trained beside the smaller points, ' + str(args.jobs) + ' at a time' if args.jobs > 1 else ''}):\n")
            print(r["report"])
            print(json.dumps({k: v for k, v in r.items() if k not in ("report", "entity")}))
    else:
        r = run_once(args, train, load_split(data, args.split))
        r["split"] = args.split
        results.append(r)
        print(r["report"])
        print(json.dumps({k: v for k, v in r.items() if k not in ("report", "entity")}))
    if args.json:
        with open(args.json, "a", encoding="utf-8") as fh:
            for r in results:
                fh.write(json.dumps({k: v for k, v in r.items() if k != "report"}) + "\n")


def plot_curve(results: list[dict], out: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [r["n_train"] for r in results]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(xs, [r["entity"]["micro"]["f1"] for r in results], "o-", label="micro-F1 (10 types)")
    ax.plot(xs, [r["entity"]["per_label"]["SYMPTOM_AND_DISEASE"]["f1"] for r in results], "s--",
            label="SYMPTOM_AND_DISEASE F1")
    ax.axhline(0.945, color="grey", ls=":", label="PhoBERT-large (published) 0.945")
    ax.set_xlabel("training sentences (PhoNER_COVID19 train)")
    ax.set_ylabel("entity F1 on test (strict)")
    ax.set_title(f"CRF learning curve ({results[0]['config']})")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    fig.tight_layout()
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=120)
    print(f"wrote {out}")


if __name__ == "__main__":
    sys.exit(main())
