"""De-identification detection accuracy: token recall/precision, clinical-term tokens removed, entity F1.

Suites (each prints a Markdown table; numbers go to benchmarks/results/deid_accuracy.md):
  synthetic    held-out synthetic documents (seed never used for the shipped model)
  handwritten  corpora/handwritten/notes.jsonl (>= 30 notes written by hand)
  phoner       PhoNER_COVID19 test (read from $VIMEDNLP_SHARED/data/phoner_covid19; never copied):
               rules + shipped model, and a CRF trained on PhoNER train at benchmark time (never shipped)

    VIMEDNLP_SHARED=/work/shared python benchmarks/bench_deid_accuracy.py --suite all
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from vimednlp.schema import CLINICAL_LABELS, DEFAULT_DEID_LABELS, Document
from vimednlp.text.tokenizer import tokenize

ROOT = Path(__file__).resolve().parents[1]
PHONER_TYPES = ("ID", "NAME", "AGE", "DATE", "LOCATION", "ORGANIZATION", "PROFESSION")
PHONER_NAMES = {"ID": "PATIENT_ID", "PROFESSION": "JOB"}
# PhoBERT-large on PhoNER_COVID19 (Truong et al., NAACL 2021): micro-F1 0.945 (syllable 0.942, word 0.945);
# per-type numbers are not in the paper's main table we cite: left blank rather than guessed.
PHOBERT_MICRO_F1 = 0.945


def token_metrics(docs: list[Document], preds: list[list], labels=DEFAULT_DEID_LABELS) -> dict:
    """Token-level, label-agnostic: a gold PHI token counts as found when any predicted PHI span covers it."""
    tp = fn = fp = 0
    clin_total = clin_removed = 0
    per_label_gold = Counter()
    per_label_hit = Counter()
    for d, pred in zip(docs, preds):
        toks = tokenize(d.text)
        gold = [s for s in d.spans if s.label in labels]
        clin = [s for s in d.spans if s.label in CLINICAL_LABELS]
        for t in toks:
            g = next((s for s in gold if s.start < t.end and t.start < s.end), None)
            p = any(s.start < t.end and t.start < s.end for s in pred)
            if g is not None:
                per_label_gold[g.label] += 1
                if p:
                    tp += 1
                    per_label_hit[g.label] += 1
                else:
                    fn += 1
            elif p:
                fp += 1
            if any(s.start < t.end and t.start < s.end for s in clin):
                clin_total += 1
                clin_removed += p
    r = tp / (tp + fn) if tp + fn else 1.0
    pr = tp / (tp + fp) if tp + fp else 1.0
    return {"recall": r, "precision": pr, "gold_tokens": tp + fn, "clinical_tokens": clin_total,
            "clinical_removed": clin_removed / clin_total if clin_total else 0.0,
            "recall_by_label": {k: per_label_hit[k] / v for k, v in sorted(per_label_gold.items())}}


def entity_f1(docs: list[Document], preds: list[list], types) -> dict:
    """Exact-match entity F1 per type (label and offsets must agree)."""
    tp, np_, ng = Counter(), Counter(), Counter()
    for d, pred in zip(docs, preds):
        g = {(s.start, s.end, s.label) for s in d.spans if s.label in types}
        p = {(s.start, s.end, s.label) for s in pred if s.label in types}
        for x in g:
            ng[x[2]] += 1
        for x in p:
            np_[x[2]] += 1
        for x in g & p:
            tp[x[2]] += 1
    from vimednlp.taggers.evaluate import prf

    out = {t: (prf(tp[t], np_[t] - tp[t], ng[t] - tp[t])[2], ng[t]) for t in types}
    T, P, G = sum(tp.values()), sum(np_.values()), sum(ng.values())
    out["micro"] = (prf(T, P - T, G - T)[2], G)
    return out


def to_phoner_conventions(spans: list) -> list:
    """PhoNER_COVID19 annotates an age as the number alone (`47` in `47 tuổi`); our AGE spans keep the
    unit (DESIGN §4). For a fair comparison the unit is trimmed from predicted AGE spans here."""
    import re
    from dataclasses import replace

    out = []
    for s in spans:
        if s.label == "AGE":
            m = re.match(r"\d+", s.text)
            if m and m.end() < len(s.text):
                s = replace(s, end=s.start + m.end(), text=m.group())
        out.append(s)
    return out


def run(analyzer, docs: list[Document]) -> tuple[list[list], float]:
    t = time.perf_counter()
    preds = [analyzer.analyze(d.text) for d in docs]
    return preds, time.perf_counter() - t


def load_jsonl(path: Path) -> list[Document]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(Document.from_json(line))
            except (ValueError, json.JSONDecodeError) as e:
                raise SystemExit(f"{path}:{n}: bad record: {e}")
    return out


def fmt_row(name: str, m: dict, secs: float, n: int) -> str:
    return (f"| {name} | {n} | {m['gold_tokens']} | {m['recall']:.4f} | {m['precision']:.4f} | "
            f"{m['clinical_removed']:.4f} ({m['clinical_tokens']}) | {n / secs:.0f} |")


HEADER = ("| setting | docs | gold PHI tokens | token recall | token precision | clinical tokens removed (of) | docs/s |\n"
          "|---|---|---|---|---|---|---|")


def suite_own(name: str, docs: list[Document]) -> None:
    from vimednlp.deid.analyzer import Analyzer

    print(f"\n### {name}\n\n{HEADER}")
    for label, model in (("rules only", None), ("rules + shipped model", "default")):
        a = Analyzer(model=model)
        preds, secs = run(a, docs)
        m = token_metrics(docs, preds)
        print(fmt_row(label, m, secs, len(docs)))
    print("\nrecall by label (rules + shipped model): " +
          ", ".join(f"{k} {v:.3f}" for k, v in m["recall_by_label"].items()))


def suite_phoner(shared: Path, train_limit: int | None, args_iters: int = 300, args_c: float = 0.01,
                 rule_floor: float = 1.01, rule_veto: float | None = None, min_prob: float = 0.0035,
                 features: str = "ext", split: str = "test") -> None:
    from vimednlp.corpus.loaders import load_corpus
    from vimednlp.deid.analyzer import Analyzer
    from vimednlp.deid.tagger import TaggerCandidates, phi_crf

    path = shared / "data" / "phoner_covid19"
    test = load_corpus("phoner_covid19", path, splits=split, map_labels=True)  # split="dev" to tune (the test split is reported)
    print(f"\n### PhoNER_COVID19 {split} ({len(test)} sentences), types {', '.join(PHONER_TYPES)}\n\n{HEADER}")
    settings = [("rules only", Analyzer(model=None)), ("rules + shipped model", Analyzer(model="default"))]
    train = load_corpus("phoner_covid19", path, splits="train", map_labels=True)
    if train_limit:
        train = train[:train_limit]
    t0 = time.perf_counter()
    tagger = phi_crf(labels=PHONER_TYPES, max_iterations=args_iters, c1=args_c, c2=args_c,
                     features={"base": "phi", "ext": "phi-ext"}[features]).fit(train)
    fit_s = time.perf_counter() - t0
    # trained here, never saved into the package; combine="tagger": the tagger speaks for PhoNER's scheme and
    # marks every token whose marginal P(PHI) reaches min_prob; rule spans scoring >= rule_floor, or whose tokens
    # the CRF gives a mean P(PHI) >= rule_veto, are added (on dev every rule addition cost more precision than
    # the recall it brought, so by default rules are features only; min_prob chosen on the dev split)
    import copy

    thr = copy.copy(tagger)
    thr.min_prob = min_prob
    a = Analyzer(model=None, combine="tagger")
    a.tagger = TaggerCandidates(thr)
    a.rule_floor = rule_floor
    a.rule_veto = rule_veto
    rules_txt = "rules as features only" if rule_floor > 1 and rule_veto is None else \
        f"+ rules >= {rule_floor} or mean P(PHI) >= {rule_veto}"
    settings.append((f"CRF trained on PhoNER train ({features} features, {len(train)} sent., {fit_s:.0f}s), "
                     f"tokens with P(PHI) >= {min_prob}, {rules_txt}", a))
    b = Analyzer(model=None, combine="tagger")
    b.tagger = TaggerCandidates(tagger)
    b.rule_floor = 1.01
    settings.append(("the same CRF, Viterbi decoding (rules as features only)", b))
    results = {}
    for label, an in settings:
        an.labels = frozenset(PHONER_TYPES)
        preds, secs = run(an, test)
        preds = [to_phoner_conventions(p) for p in preds]
        m = token_metrics(test, preds, PHONER_TYPES)
        results[label] = (preds, m)
        print(fmt_row(label, m, secs, len(test)))
    print("\nEntity-level F1 (exact match) per type; PhoBERT-large (NAACL 2021) micro-F1 0.945, per-type not cited.\n")
    print("| type | gold | " + " | ".join(results) + " | PhoBERT-large |")
    print("|---|---|" + "---|" * (len(results) + 1))
    f1s = {k: entity_f1(test, p, PHONER_TYPES) for k, (p, _m) in results.items()}
    for t in PHONER_TYPES + ("micro",):
        gold = f1s[next(iter(f1s))][t][1]
        name = PHONER_NAMES.get(t, t)
        ref = f"{PHOBERT_MICRO_F1:.3f} (all 10 types)" if t == "micro" else "n/a"
        print(f"| {name} | {gold} | " + " | ".join(f"{f1s[k][t][0]:.3f}" for k in f1s) + f" | {ref} |")
    for k, (_p, m) in results.items():
        print(f"\nrecall by label ({k}): " + ", ".join(f"{PHONER_NAMES.get(a, a)} {v:.3f}" for a, v in m["recall_by_label"].items()))
    print("\nPhoNER-trained CRF, token recall / precision by P(PHI) threshold (rules as features only):")
    curve = []
    for t in (0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.007, 0.005, 0.004, 0.0035, 0.003, 0.002):
        thr.min_prob = t
        b.tagger = TaggerCandidates(thr)
        m = token_metrics(test, [to_phoner_conventions(p) for p in run(b, test)[0]], PHONER_TYPES)
        curve.append(f"{t}: {m['recall']:.4f} / {m['precision']:.4f}")
    print("; ".join(curve))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", choices=["synthetic", "handwritten", "handwritten-dev", "handwritten-heldout", "phoner", "all"], default="all",
                    help="handwritten-dev: the development notes the rules were analysed on; handwritten-heldout: the batches written blind (dev-071 on, scored at first sight, then analysed); neither is in 'all'")
    ap.add_argument("--n-synthetic", type=int, default=400)
    ap.add_argument("--seed", type=int, default=987654, help="held-out seed (the shipped model uses seed 13)")
    ap.add_argument("--phoner-train-limit", type=int, default=None)
    ap.add_argument("--phoner-iterations", type=int, default=300)
    ap.add_argument("--phoner-c", type=float, default=0.01, help="CRF L1 and L2 regularisation")
    ap.add_argument("--rule-floor", type=float, default=1.01,
                    help="rule spans scoring >= this kept beside the PhoNER-trained CRF (> 1: none)")
    ap.add_argument("--rule-veto", type=float, default=None,
                    help="weaker rule spans kept where the CRF's mean PHI probability reaches this")
    ap.add_argument("--phoner-min-prob", type=float, default=0.0035,
                    help="PhoNER-trained CRF: tokens with marginal P(PHI) >= this are PHI (dev: most recall at precision >= 0.93)")
    ap.add_argument("--phoner-features", choices=["base", "ext"], default="ext")
    ap.add_argument("--phoner-split", choices=["dev", "test"], default="test",
                    help="split the PhoNER suite evaluates (dev to tune; test is reported)")
    args = ap.parse_args(argv)
    if args.suite in ("synthetic", "all"):
        sys.path.insert(0, str(ROOT))
        from corpora.synthetic.generate import generate

        suite_own(f"held-out synthetic (seed {args.seed})", generate(args.n_synthetic, args.seed))
    if args.suite in ("handwritten", "all"):
        suite_own("hand-written notes", load_jsonl(ROOT / "corpora" / "handwritten" / "notes.jsonl"))
    if args.suite == "handwritten-dev":
        suite_own("hand-written DEV notes", load_jsonl(ROOT / "corpora" / "handwritten" / "dev_notes.jsonl"))
    if args.suite == "handwritten-heldout":
        suite_own("hand-written DEV notes written blind (dev-071 on)",
                  load_jsonl(ROOT / "corpora" / "handwritten" / "dev_heldout.jsonl"))
    if args.suite in ("phoner", "all"):
        shared = os.environ.get("VIMEDNLP_SHARED")
        if not shared:
            print("\nPhoNER suite skipped: set VIMEDNLP_SHARED to the folder holding data/phoner_covid19")
        else:
            suite_phoner(Path(shared), args.phoner_train_limit, args.phoner_iterations, args.phoner_c, args.rule_floor,
                         args.rule_veto, args.phoner_min_prob, args.phoner_features, args.phoner_split)
    return 0


if __name__ == "__main__":
    sys.exit(main())
