"""Disambiguation of Vietnamese clinical abbreviations: `kt` -> `kích thước` or `kỹ thuật`?

Each occurrence is paired with every expansion the dictionary lists for its abbreviation, and one
binary logistic regression scores the pairs (a pointwise ranker, like a cross-encoder but linear):
the highest-scoring candidate wins. Its features never name the candidate itself, only how the
candidate fits the context, so expansions and abbreviations never seen in training are scored as
well as frequent ones:

- the candidate's words next to the context words (`L1=khối|E=lượng`, `R1=mm|E=thước`), learned
  across all abbreviations;
- statistics of the training notes with each abbreviation written out in full: bigram
  log-probabilities at both joins (`khối` + `lượng`), inside the candidate, the candidate's word
  frequency, and the pointwise mutual information of its words with the context words;
- whether its words are written elsewhere in the note, its rank in the dictionary, and whether it
  is a term of vimednlp's own clinical lists (whose words and bigrams are counted too).

    from vimednlp.text.acronyms import AcronymDisambiguator, load_acrdraid
    train = load_acrdraid(root, "train")           # acrDrAid (MIT): $VIMEDNLP_SHARED/data/acrdraid
    model = AcronymDisambiguator(dictionary=load_acrdraid_dictionary(root)).fit(train)
    model.predict([AcronymExample("sau phẫu thuật thay kh toàn phần", 20, 22)])  # ['khớp háng']

Trained models are not shipped (acrDrAid is real report text): train one with the benchmark script
`benchmarks/bench_acronyms.py --save DIR` and load it with `AcronymDisambiguator.load(DIR)`.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

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


LEXICON_FILES = ("body_parts.tsv", "diseases.tsv", "symptoms.tsv", "tests.tsv", "procedures.tsv")


def lexicon_phrases() -> set[str]:
    """Terms and synonyms of vimednlp's own clinical lists (`resources/clinical/*.tsv`), words lower-cased:
    a small outside vocabulary for expansions that training never shows."""
    from ..paths import resource_path

    out: set[str] = set()
    for name in LEXICON_FILES:
        for line in resource_path("clinical", name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            for col in line.split("\t"):
                for term in col.split("|"):
                    words = _words(term)
                    if words and not any(ch.isdigit() for ch in term):  # ICD-10 code hints
                        out.add(" ".join(words))
    return out


class CorpusStats:
    """Word, bigram and note co-occurrence counts of training notes, abbreviations written out."""

    def __init__(self) -> None:
        self.unigrams: Counter = Counter()
        self.bigrams: Counter = Counter()
        self.vocab: dict[str, int] = {}
        self.cooc = None  # sparse (V x V): notes containing both words; diagonal = document frequency
        self.doc_freq = None
        self.n_docs = 0
        self.lexicon: set[str] = set()

    def fit(self, examples: Sequence[AcronymExample], lexicon: Iterable[str] = ()) -> CorpusStats:
        """examples: notes with their gold expansion; lexicon: phrases (words joined by one space) whose
        words and bigrams are counted too."""
        from sklearn.feature_extraction.text import CountVectorizer

        self.lexicon = set(lexicon)
        for phrase in self.lexicon:
            words = phrase.split()
            self.unigrams.update(words)
            self.bigrams.update(pairwise(words))
        docs = []
        for ex in examples:
            words = _words(ex.text[:ex.start]) + _words(ex.expansion or "") + _words(ex.text[ex.end:])
            self.unigrams.update(words)
            self.bigrams.update(pairwise(words))
            docs.append(words)
        vec = CountVectorizer(analyzer=lambda words: words, binary=True)
        X = vec.fit_transform(docs)
        self.vocab = {w: int(i) for w, i in vec.vocabulary_.items()}
        self.cooc = (X.T @ X).tocsr()
        self.doc_freq = self.cooc.diagonal()
        self.n_docs = len(docs)
        return self

    def bigram_logp(self, a: str, b: str) -> float:
        """log P(b | a), add-0.1 smoothed."""
        return math.log((self.bigrams[(a, b)] + 0.1) / (self.unigrams[a] + 0.1 * len(self.unigrams)))

    def pmi_table(self, context: Iterable[str], words: Iterable[str]) -> dict[tuple[str, str], float]:
        """PMI of the (context word, candidate word) pairs seen together in a note (others absent)."""
        cw = [w for w in dict.fromkeys(context) if w in self.vocab]
        ww = [w for w in dict.fromkeys(words) if w in self.vocab]
        if not cw or not ww:
            return {}
        sub = self.cooc[[self.vocab[w] for w in cw]][:, [self.vocab[w] for w in ww]].toarray()
        df = self.doc_freq
        return {(a, b): math.log(sub[r, c] * self.n_docs / (df[self.vocab[a]] * df[self.vocab[b]]))
                for r, a in enumerate(cw) for c, b in enumerate(ww) if sub[r, c]}


def pair_features(ex: AcronymExample, candidate: str, rank: int, n_candidates: int, stats: CorpusStats,
                  window: int = 3, pmi: Mapping[tuple[str, str], float] | None = None) -> dict[str, float]:
    """Features of one (occurrence, candidate expansion) pair; none of them names the candidate.
    pmi: a `stats.pmi_table(note words, candidate words)` computed once for all candidates."""
    left = _words(ex.text[:ex.start])
    right = _words(ex.text[ex.end:])
    if pmi is None:
        pmi = stats.pmi_table(left + right, _words(candidate))
    cand = _words(candidate) or [candidate.lower()]
    note = set(left) | set(right)
    l1 = left[-1] if left else "<s>"
    r1 = right[0] if right else "</s>"
    f = {"overlap": sum(w in note for w in cand) / len(cand),
         "join_left": stats.bigram_logp(l1, cand[0]) / 10, "join_right": stats.bigram_logp(cand[-1], r1) / 10,
         "join_left_seen": float(stats.bigrams[(l1, cand[0])] > 0),
         "join_right_seen": float(stats.bigrams[(cand[-1], r1)] > 0),
         "inner": sum(stats.bigram_logp(a, b) for a, b in pairwise(cand)) / 10,
         "frequency": math.log1p(sum(stats.unigrams[w] for w in cand) / len(cand)) / 5,
         "first_in_dictionary": float(rank == 0), "rank": rank / n_candidates,
         "in_lexicon": float(" ".join(cand) in stats.lexicon)}
    near = [pmi[(a, w)] for a in set(left[-window:]) | set(right[:window]) if a not in cand
            for w in cand if (a, w) in pmi]
    f["pmi_near_mean"] = sum(near) / len(near) / 3 if near else 0.0
    f["pmi_near_max"] = max(near) / 3 if near else 0.0
    anywhere = [pmi[(a, w)] for a in note if a not in cand for w in cand if (a, w) in pmi]
    f["pmi_note_mean"] = sum(anywhere) / len(anywhere) / 3 if anywhere else 0.0
    for w in cand:  # context word x candidate word: shared by every abbreviation
        f[f"L1={l1}|E={w}"] = 1.0
        f[f"R1={r1}|E={w}"] = 1.0
    return f


class AcronymDisambiguator:
    """Pick the expansion of an abbreviation from its context, among the dictionary's candidates.

    dictionary: `{abbreviation: [expansion, ...]}` (keys matched lower-cased, order = preference when
    nothing else decides); expansions seen in training are added to it. C: inverse regularization of
    the pair logistic regression (chosen on acrDrAid dev); window: words each side for the PMI
    features; overlap_weight: an extra bonus for a candidate whose words are written in the note;
    class_weight: passed to the regression ("balanced" weighs correct pairs like wrong ones);
    use_lexicon: count the words of vimednlp's clinical lists too (`lexicon_phrases()`).
    """

    def __init__(self, dictionary: Mapping[str, Sequence[str]] | None = None, C: float = 1.0,
                 window: int = 3, overlap_weight: float = 0.0, class_weight: str | None = None,
                 max_iter: int = 2000, use_lexicon: bool = True) -> None:
        self.dictionary: dict[str, list[str]] = {acronym_key(k): list(v) for k, v in (dictionary or {}).items()}
        self.C = C
        self.window = window
        self.overlap_weight = overlap_weight
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.use_lexicon = use_lexicon
        self._vec = None
        self._clf = None
        self._stats: CorpusStats | None = None

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
        self._stats = CorpusStats().fit(examples, lexicon_phrases() if self.use_lexicon else ())
        X, y = [], []
        for ex in examples:
            for feats, cand in zip(self._features(ex), self.candidates(ex.acronym)):
                X.append(feats)
                y.append(int(cand == ex.expansion))
        if 0 not in y:
            raise ValueError("training needs an abbreviation with at least two candidate expansions")
        self._vec = DictVectorizer()
        self._clf = LogisticRegression(C=self.C, max_iter=self.max_iter, class_weight=self.class_weight)
        self._clf.fit(self._vec.fit_transform(X), y)
        return self

    def _features(self, ex: AcronymExample) -> list[dict[str, float]]:
        cands = self.candidates(ex.acronym)
        pmi = self._stats.pmi_table(_words(ex.text[:ex.start]) + _words(ex.text[ex.end:]),
                                    [w for c in cands for w in _words(c)])
        return [pair_features(ex, c, i, len(cands), self._stats, self.window, pmi) for i, c in enumerate(cands)]

    # --- prediction -----------------------------------------------------------------------------
    def candidates(self, acronym: str) -> list[str]:
        return list(self.dictionary.get(acronym_key(acronym), []))

    def predict_scores(self, examples: Iterable[AcronymExample]) -> list[dict[str, float]]:
        """For each example, candidate -> score (the ranker's log-odds, plus the overlap bonus)."""
        if self._clf is None:
            raise RuntimeError("the disambiguator is not trained: call fit() or load()")
        examples = list(examples)
        rows, owners = [], []
        for k, ex in enumerate(examples):
            feats = self._features(ex)
            rows.extend(feats)
            owners.extend([k] * len(feats))
        out: list[dict[str, float]] = [{} for _ in examples]
        if not rows:
            return out
        scores = self._clf.decision_function(self._vec.transform(rows))
        cands = [c for ex in examples for c in self.candidates(ex.acronym)]
        for k, cand, score, feats in zip(owners, cands, scores, rows):
            out[k][cand] = float(score) + self.overlap_weight * feats["overlap"]
        return out

    def predict(self, examples: Iterable[AcronymExample]) -> list[str | None]:
        """The best candidate per example; None when the abbreviation is not in the dictionary."""
        return [max(s, key=s.get) if s else None for s in self.predict_scores(examples)]

    def expand(self, text: str, min_score: float | None = None) -> list[dict]:
        """Find dictionary abbreviations in `text` (whole tokens) and expand each:
        `[{"start", "end", "acronym", "expansion", "score"}]` (offsets into `text`)."""
        from .tokenizer import tokenize

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
        joblib.dump({"vec": self._vec, "clf": self._clf, "stats": self._stats}, path / MODEL_FILE)
        meta = {"kind": "acronyms", "version": 2, "C": self.C, "window": self.window,
                "overlap_weight": self.overlap_weight, "class_weight": self.class_weight,
                "use_lexicon": self.use_lexicon, "dictionary": self.dictionary}
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
        if meta.get("version") != 2:
            raise ValueError(f"{path}: saved by an older vimednlp (abbreviation model version "
                             f"{meta.get('version', 1)}, need 2): train it again")
        obj = cls(dictionary=meta["dictionary"], C=meta["C"], window=meta["window"],
                  overlap_weight=meta.get("overlap_weight", 0.0), class_weight=meta.get("class_weight"),
                  use_lexicon=meta.get("use_lexicon", True))
        parts = joblib.load(path / MODEL_FILE)
        obj._vec, obj._clf, obj._stats = parts["vec"], parts["clf"], parts["stats"]
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
    """Expansion accuracy and macro scores over the gold expansions.

    `macro_f1` follows acrDrAid / ViHealthBERT (`score_expansion` in their code, the SDU@AAAI-21
    acronym task's scorer): precision and recall are averaged over the gold expansions (precision 1
    for an expansion never predicted), and F1 is the harmonic mean of the two averages.
    `macro_f1_per_expansion` is the stricter scikit-learn mean of per-expansion F1 (precision 0 for
    an expansion never predicted).
    """
    from sklearn.metrics import accuracy_score, f1_score

    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold expansions but {len(pred)} predictions")
    p = [x if x is not None else "<none>" for x in pred]
    labels = sorted(set(gold))
    correct, total, predicted = Counter(), Counter(gold), Counter(p)
    for g, q in zip(gold, p):
        correct[g] += g == q
    prec = sum(correct[e] / predicted[e] if predicted[e] else 1.0 for e in labels) / len(labels)
    rec = sum(correct[e] / total[e] for e in labels) / len(labels)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"accuracy": round(float(accuracy_score(gold, p)), 4), "macro_f1": round(f1, 4),
            "macro_precision": round(prec, 4), "macro_recall": round(rec, 4),
            "macro_f1_per_expansion": round(float(f1_score(gold, p, labels=labels, average="macro",
                                                            zero_division=0)), 4),
            "n": len(gold)}
