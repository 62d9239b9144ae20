"""Calibrated confidence and the abstain threshold of `code()`.

A candidate's `score` ranks; its `confidence` says how often a top-1 candidate with that score and that
kind of evidence was right (3-character ICD-10 level) on the development mentions
(`benchmarks/data/icd10_dev_mentions.tsv`, written for tuning, not a test set): a logistic regression
(Platt scaling) of correctness on the score and on whether the evidence is only character n-gram
similarity (`tfidf`). `code()` returns no candidate when the best one's confidence is below the
threshold, chosen on the same mentions as the one that maximizes (right codes - wrong codes), a wrong
code costing as much as a right one gains and an abstention nothing. Both live in
`resources/terminology/calibration.json`, written by `benchmarks/bench_coding.py --calibrate`; see
docs/terminology.md.
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..paths import resource_path

CALIBRATION_FILE = "calibration.json"
# evidence kinds that are only string similarity (everything else is an exact or expanded match)
# (`accent-mismatch`: the letters match but the written marks differ, `sởi` vs `sỏi`)
# (`head`: a back-off match on the mention's leading words only, see search.TermIndex._back_off)
SIMILARITY_REASONS = frozenset({"tfidf", "accent-mismatch", "head"})


def features(score: float, reason: str) -> list[float]:
    return [float(score), float(reason in SIMILARITY_REASONS)]


@lru_cache(maxsize=1)
def load(path: str | None = None) -> dict:
    p = Path(path) if path else resource_path("terminology", CALIBRATION_FILE)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        float(data["intercept"]), [float(c) for c in data["coef"]], float(data["threshold"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ValueError(f"{p}: not a coding calibration file ({e})") from None
    return data


def confidence(score: float, reason: str) -> float:
    cal = load()
    z = float(cal["intercept"]) + sum(c * x for c, x in zip(cal["coef"], features(score, reason)))
    return round(1.0 / (1.0 + math.exp(-z)), 4)


def threshold(system: str = "icd10") -> float:
    """The abstain threshold: calibrated for ICD-10; a system listed under `thresholds_by_system` (lab
    tests: a short list where a character n-gram neighbour is a guess, `HA` ~ `huyết đồ`) uses its own."""
    cal = load()
    return float((cal.get("thresholds_by_system") or {}).get(system, cal["threshold"]))


def fit(top1: Sequence[tuple[float, str, bool]], C: float = 1.0) -> dict:
    """Fit from (score, reason, right) of each development mention's top candidate (an abstention by a
    mention with nothing to code counts as a wrong top candidate at its score); returns the
    calibration with its threshold."""
    from sklearn.linear_model import LogisticRegression

    if len({r for _, _, r in top1}) < 2:
        raise ValueError("calibration needs both right and wrong top candidates")
    X = [features(s, r) for s, r, _ in top1]
    y = [int(ok) for _, _, ok in top1]
    clf = LogisticRegression(C=C).fit(X, y)
    coef = [round(float(c), 4) for c in clf.coef_[0]]
    icpt = round(float(clf.intercept_[0]), 4)

    def conf(s: float, r: str) -> float:
        z = icpt + sum(c * x for c, x in zip(coef, features(s, r)))
        return 1.0 / (1.0 + math.exp(-z))

    confs = sorted(((conf(s, r), ok) for s, r, ok in top1), key=lambda x: x[0])
    # keeping every candidate at or above a threshold: utility = right - wrong among those kept
    best_u, best_t = None, 0.0
    for i in range(len(confs) + 1):
        kept = confs[i:]
        u = sum(1 if ok else -1 for _, ok in kept)
        # the threshold sits halfway between the last abstained and the first kept confidence
        lo = confs[i - 1][0] if i else 0.0
        hi = confs[i][0] if i < len(confs) else 1.0
        t = (lo + hi) / 2 if i else 0.0
        if best_u is None or u > best_u:
            best_u, best_t = u, t
    return {"intercept": icpt, "coef": coef, "features": ["score", "similarity_only"],
            "threshold": round(best_t, 4), "utility": best_u, "n": len(top1),
            "n_right": sum(y), "C": C}
