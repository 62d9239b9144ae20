"""Disambiguation of Vietnamese clinical abbreviations: `kt` -> `kích thước` or `kỹ thuật`?

A linear classifier reads the context of each occurrence (words at marked positions around it,
the bag of words of the note, character n-grams of a window) and picks among the expansions a
dictionary lists for that abbreviation only. One model is shared by all abbreviations (rare ones
learn from the context words of frequent ones); expansions never seen in training are scored by
how many of their words occur in the note.

    from vimednlp.clinical.acronyms import AcronymDisambiguator, load_acrdraid
    train = load_acrdraid(root, "train")           # acrDrAid (MIT): $VIMEDNLP_SHARED/data/acrdraid
    model = AcronymDisambiguator(dictionary=load_acrdraid_dictionary(root)).fit(train)
    model.predict([AcronymExample("sau phẫu thuật thay kh toàn phần", 20, 22)])  # ['khớp háng']

Trained models are not shipped (acrDrAid is real report text): train one with the benchmark script
`benchmarks/bench_acronyms.py --save DIR` and load it with `AcronymDisambiguator.load(DIR)`.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..text.fold import fold_lower

META_FILE = "meta.json"
MODEL_FILE = "model.joblib"
_WORD = re.compile(r"\w+(?:[.,]\w+)*", re.UNICODE)


@dataclass
class AcronymExample:
    """One occurrence: `text[start:end]` is the abbreviation; `expansion` is the gold answer if known."""

    text: str
    start: int
    end: int
    expansion: str | None = None

    @property
    def acronym(self) -> str:
        return self.text[self.start:self.end]

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end <= len(self.text)):
            raise ValueError(f"abbreviation offsets {self.start}-{self.end} do not fit a text of length {len(self.text)}")


def acronym_key(acronym: str) -> str:
    return unicodedata.normalize("NFC", acronym).strip().lower()


def _words(s: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(s)]


def context_features(ex: AcronymExample, window: int = 4) -> dict[str, float]:
    """Sparse features of one occurrence (used for every abbreviation alike)."""
    left = _words(ex.text[:ex.start])
    right = _words(ex.text[ex.end:])
    f: dict[str, float] = {}
    for i, w in enumerate(reversed(left[-window:]), 1):
        f[f"L{i}={w}"] = 1.0
        f[f"L={w}"] = 1.0
        f[f"Lf={fold_lower(w)}"] = 0.5
    for i, w in enumerate(right[:window], 1):
        f[f"R{i}={w}"] = 1.0
        f[f"R={w}"] = 1.0
        f[f"Rf={fold_lower(w)}"] = 0.5
    if left:
        f[f"L1R1={left[-1]}|{right[0] if right else '</s>'}"] = 1.0
    if len(left) >= 2:
        f[f"L2L1={left[-2]}|{left[-1]}"] = 1.0
    if len(right) >= 2:
        f[f"R1R2={right[0]}|{right[1]}"] = 1.0
    all_words = set(left) | set(right)
    for w in all_words:
        f[f"B={w}"] = 0.3  # the whole note (radiology findings are short)
    raw = ex.acronym
    f["case=" + ("upper" if raw.isupper() else "title" if raw[:1].isupper() else "lower")] = 1.0
    win = " ".join(left[-2:]) + " _ " + " ".join(right[:2])
    for n in (3, 4):
        for k in range(len(win) - n + 1):
            g = win[k:k + n]
            if "_" not in g:
                f[f"c{n}={g}"] = 0.2
    return f


class AcronymDisambiguator:
    """Pick the expansion of an abbreviation from its context, among the dictionary's candidates.

    dictionary: `{abbreviation: [expansion, ...]}` (keys matched lower-cased); expansions seen in
    training are added to it. C: inverse regularization of the logistic regression.
    """

    def __init__(self, dictionary: Mapping[str, Sequence[str]] | None = None, C: float = 10.0,
                 window: int = 4, overlap_weight: float = 1.0, class_weight: str | None = None,
                 max_iter: int = 2000) -> None:
        self.dictionary: dict[str, list[str]] = {acronym_key(k): list(v) for k, v in (dictionary or {}).items()}
        self.C = C
        self.window = window
        self.overlap_weight = overlap_weight
        self.class_weight = class_weight  # "balanced" favours rare expansions (macro-F1)
        self.max_iter = max_iter
        self._vec = None
        self._clf = None
        self.classes_: list[str] = []

    # --- training -------------------------------------------------------------------------------
    def fit(self, examples: Sequence[AcronymExample]) -> AcronymDisambiguator:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        examples = list(examples)
        if not examples:
            raise ValueError("no training examples")
        for i, ex in enumerate(examples):
            if not ex.expansion:
                raise ValueError(f"training example {i} has no expansion")
            cands = self.dictionary.setdefault(acronym_key(ex.acronym), [])
            if ex.expansion not in cands:
                cands.append(ex.expansion)
        X = [self._features(ex) for ex in examples]
        y = [ex.expansion for ex in examples]
        self._vec = DictVectorizer()
        Xm = self._vec.fit_transform(X)
        if len(set(y)) < 2:
            raise ValueError("training needs at least two different expansions")
        self._clf = LogisticRegression(C=self.C, max_iter=self.max_iter, class_weight=self.class_weight)
        self._clf.fit(Xm, y)
        self.classes_ = list(self._clf.classes_)
        return self

    def _features(self, ex: AcronymExample) -> dict[str, float]:
        return context_features(ex, self.window)

    # --- prediction -----------------------------------------------------------------------------
    def candidates(self, acronym: str) -> list[str]:
        return list(self.dictionary.get(acronym_key(acronym), []))

    def _overlap(self, ex: AcronymExample, expansion: str) -> float:
        """Share of the expansion's words found in the note (a full form written nearby, e.g.)."""
        words = set(_words(ex.text[:ex.start]) + _words(ex.text[ex.end:]))
        exp = _words(expansion)
        return sum(w in words for w in exp) / len(exp) if exp else 0.0

    def predict_scores(self, examples: Iterable[AcronymExample]) -> list[dict[str, float]]:
        """For each example, candidate -> score (log-probability from the model, plus word overlap)."""
        import numpy as np

        if self._clf is None:
            raise RuntimeError("the disambiguator is not trained: call fit() or load()")
        examples = list(examples)
        if not examples:
            return []
        logp = self._clf.predict_log_proba(self._vec.transform([self._features(e) for e in examples]))
        index = {c: i for i, c in enumerate(self.classes_)}
        floor = float(np.min(logp)) - 1.0
        out: list[dict[str, float]] = []
        for ex, row in zip(examples, logp):
            scores: dict[str, float] = {}
            for cand in self.candidates(ex.acronym):
                base = float(row[index[cand]]) if cand in index else floor
                scores[cand] = base + self.overlap_weight * self._overlap(ex, cand)
            out.append(scores)
        return out

    def predict(self, examples: Iterable[AcronymExample]) -> list[str | None]:
        """The best candidate per example; None when the abbreviation is not in the dictionary."""
        return [max(s, key=s.get) if s else None for s in self.predict_scores(examples)]

    def expand(self, text: str, min_score: float | None = None) -> list[dict]:
        """Find dictionary abbreviations in `text` (whole tokens) and expand each:
        `[{"start", "end", "acronym", "expansion", "score"}]` (offsets into `text`)."""
        from ..text.tokenizer import tokenize

        found = [AcronymExample(text, t.start, t.end) for t in tokenize(text) if acronym_key(t.text) in self.dictionary]
        out = []
        for ex, scores in zip(found, self.predict_scores(found)):
            best = max(scores, key=scores.get)
            if min_score is not None and scores[best] < min_score:
                continue
            out.append({"start": ex.start, "end": ex.end, "acronym": ex.acronym, "expansion": best,
                        "score": round(scores[best], 4)})
        return out

    # --- persistence ----------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        import joblib

        if self._clf is None:
            raise RuntimeError("nothing to save: the disambiguator is not trained")
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        joblib.dump({"vec": self._vec, "clf": self._clf}, path / MODEL_FILE)
        meta = {"kind": "acronyms", "C": self.C, "window": self.window, "overlap_weight": self.overlap_weight,
                "class_weight": self.class_weight, "dictionary": self.dictionary}
        (path / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> AcronymDisambiguator:
        """Load a saved model (a joblib pickle: load only folders you trust)."""
        import joblib

        path = Path(path)
        if not (path / META_FILE).is_file() or not (path / MODEL_FILE).is_file():
            raise FileNotFoundError(f"{path} is not a saved abbreviation model ({META_FILE} + {MODEL_FILE})")
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
        obj = cls(dictionary=meta["dictionary"], C=meta["C"], window=meta["window"],
                  overlap_weight=meta.get("overlap_weight", 1.0), class_weight=meta.get("class_weight"))
        parts = joblib.load(path / MODEL_FILE)
        obj._vec, obj._clf = parts["vec"], parts["clf"]
        obj.classes_ = list(obj._clf.classes_)
        return obj


# --- acrDrAid ------------------------------------------------------------------------------------
def load_acrdraid(root: str | Path, split: str) -> list[AcronymExample]:
    """acrDrAid records (`{split}/data.json`: text, start_char_idx, length_acronym, expansion)."""
    path = Path(root) / split / "data.json"
    if not path.is_file():
        raise FileNotFoundError(f"no acrDrAid split at {path}")
    records = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for i, r in enumerate(records):
        try:
            s = int(r["start_char_idx"])
            out.append(AcronymExample(r["text"], s, s + int(r["length_acronym"]), r.get("expansion")))
        except (KeyError, TypeError, ValueError) as e:
            raise ValueError(f"{path}: record {i} is malformed ({e})") from None
    return out


def load_acrdraid_dictionary(root: str | Path) -> dict[str, list[str]]:
    path = Path(root) / "dictionary.json"
    if not path.is_file():
        raise FileNotFoundError(f"no acrDrAid dictionary at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def evaluate(gold: Sequence[str], pred: Sequence[str | None]) -> dict[str, float]:
    """Expansion accuracy and macro-F1 over expansions (sklearn, labels = gold expansions)."""
    from sklearn.metrics import accuracy_score, f1_score

    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold expansions but {len(pred)} predictions")
    p = [x if x is not None else "<none>" for x in pred]
    labels = sorted(set(gold))
    return {"accuracy": round(float(accuracy_score(gold, p)), 4),
            "macro_f1": round(float(f1_score(gold, p, labels=labels, average="macro", zero_division=0)), 4),
            "n": len(gold)}
