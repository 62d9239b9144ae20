"""Inter-annotator agreement over Documents whose spans carry attrs["annotator"].

- span F1 per annotator pair and label, strict (same start, end, label) and overlap (same label,
  overlapping, matched one to one);
- Cohen's kappa per pair and Krippendorff's alpha (nominal, all annotators, missing data allowed) at
  token level: each token (vimednlp.text.tokenize) gets the label of the span covering it, or "O";
  per label the same on a binary "is / is not this label" scale;
- a consistency check: the same surface string (case- and accent-folded) labelled differently.

A pair is compared on the documents both annotated (meta["annotators"], else whoever has spans there).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ..schema import ALL_LABELS, Document, Span
from ..taggers.evaluate import prf as _prf
from ..text.fold import fold_lower
from ..text.tokenizer import tokenize

OUTSIDE = "O"
ALL = "ALL"


# --- chance-corrected coefficients ---------------------------------------------------------------
def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's kappa of two equally long label sequences: `sklearn.metrics.cohen_kappa_score`, with nan
    (no warning) when it is undefined: no items, or chance agreement 1 (both gave one and the same label)."""
    if len(a) != len(b):
        raise ValueError(f"kappa needs two sequences of one length, got {len(a)} and {len(b)}")
    if not a or len(set(a) | set(b)) < 2:
        return math.nan
    from sklearn.metrics import cohen_kappa_score

    # labels as strings: sklearn sorts them, and a mix of str and bool would not sort
    return float(cohen_kappa_score([str(x) for x in a], [str(x) for x in b]))


def krippendorff_alpha_nominal(units: Iterable[Sequence[Hashable | None]]) -> float:
    """Krippendorff's alpha, nominal metric. `units` holds one value per coder per unit (None = missing).

    Built from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's alpha-reliability");
    units with fewer than two values are not pairable and are left out. nan when there is no variation.
    """
    o: dict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for unit in units:
        vals = [v for v in unit if v is not None]
        m = len(vals)
        if m < 2:
            continue
        counts = Counter(vals)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nk - 1) if c == k else nc * nk
                if pairs:
                    o[(c, k)] += pairs / (m - 1)
    n_c: dict[Hashable, float] = defaultdict(float)
    for (c, _k), v in o.items():
        n_c[c] += v
    n = sum(n_c.values())
    if n <= 1:
        return math.nan
    d_o = sum(v for (c, k), v in o.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    if expected == 0:
        return math.nan
    return 1.0 - (n - 1) * d_o / expected


# --- span matching ---------------------------------------------------------------------------------
@dataclass
class PRF:
    tp: int = 0      # matched pairs
    n_a: int = 0     # spans of the first annotator (the "reference")
    n_b: int = 0     # spans of the second

    @property
    def precision(self) -> float:
        return _prf(self.tp, self.n_b - self.tp, self.n_a - self.tp, empty=math.nan)[0]

    @property
    def recall(self) -> float:
        return _prf(self.tp, self.n_b - self.tp, self.n_a - self.tp, empty=math.nan)[1]

    @property
    def f1(self) -> float:
        return _prf(self.tp, self.n_b - self.tp, self.n_a - self.tp, empty=math.nan)[2]

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.n_a += other.n_a
        self.n_b += other.n_b

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "n_a": self.n_a, "n_b": self.n_b, "precision": _r(self.precision),
                "recall": _r(self.recall), "f1": _r(self.f1)}


def _key(s: Span) -> tuple[int, int, str]:
    return (s.start, s.end, s.label)


def match_spans(a: Sequence[Span], b: Sequence[Span], mode: str = "strict") -> list[tuple[Span, Span]]:
    """One-to-one matches between two annotators' spans of one document.

    strict: same start, end and label. overlap: same label and overlapping characters; exact matches
    are taken first, then the largest overlaps (greedy), so each span is used at most once.
    """
    if mode not in ("strict", "overlap"):
        raise ValueError(f"mode must be 'strict' or 'overlap', got {mode!r}")
    pairs: list[tuple[Span, Span]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    by_key: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for j, s in enumerate(b):
        by_key[_key(s)].append(j)
    for i, s in enumerate(a):
        for j in by_key.get(_key(s), []):
            if j not in used_b:
                pairs.append((s, b[j]))
                used_a.add(i)
                used_b.add(j)
                break
    if mode == "overlap":
        cands = []
        for i, x in enumerate(a):
            if i in used_a:
                continue
            for j, y in enumerate(b):
                if j in used_b or x.label != y.label or not x.overlaps(y):
                    continue
                ov = min(x.end, y.end) - max(x.start, y.start)
                cands.append((-ov, x.start, y.start, i, j))
        for _ov, _xs, _ys, i, j in sorted(cands):
            if i in used_a or j in used_b:
                continue
            pairs.append((a[i], b[j]))
            used_a.add(i)
            used_b.add(j)
    return pairs


def span_prf(a: Sequence[Span], b: Sequence[Span], mode: str = "strict",
             labels: Iterable[str] | None = None) -> dict[str, PRF]:
    """PRF per label and over all labels (key "ALL") for one document."""
    labs = sorted(set(labels) if labels is not None else {s.label for s in list(a) + list(b)})
    out: dict[str, PRF] = {ALL: PRF()}
    for lab in labs:
        sa = [s for s in a if s.label == lab]
        sb = [s for s in b if s.label == lab]
        prf = PRF(len(match_spans(sa, sb, mode)), len(sa), len(sb))
        out[lab] = prf
        out[ALL].add(prf)
    return out


# --- token labels ----------------------------------------------------------------------------------
def token_labels(text: str, spans: Sequence[Span], tokens: Sequence[Any] | None = None,
                 label_order: Sequence[str] = ALL_LABELS) -> list[str]:
    """One label per token: the longest span overlapping the token (ties: schema order), else "O"."""
    toks = tokens if tokens is not None else [t for t in tokenize(text) if t.text.strip()]
    rank = {lab: i for i, lab in enumerate(label_order)}
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), rank.get(s.label, len(rank)), s.label))
    out = []
    for t in toks:
        lab = OUTSIDE
        for s in ordered:
            if s.start < t.end and t.start < s.end:
                lab = s.label
                break
        out.append(lab)
    return out


# --- splitting by annotator ------------------------------------------------------------------------
def annotators_of(doc: Document) -> list[str]:
    names = doc.meta.get("annotators")
    if names:
        return list(names)
    return sorted({s.attrs["annotator"] for s in doc.spans if "annotator" in s.attrs})


def spans_of(doc: Document, annotator: str) -> list[Span]:
    return [s for s in doc.spans if s.attrs.get("annotator") == annotator]


def nothing_to_compare(docs: Sequence[Document], annotators: Sequence[str] | None = None) -> str | None:
    """Why `docs` give agreement nothing to compare (then no coefficient means anything), else None."""
    if any("adjudication" in d.meta for d in docs):
        return ("these are adjudicated gold records (one annotation per document): nothing to compare; run "
                "agreement on the per-annotator records `vimednlp ls pull --out` writes")
    wanted = set(annotators) if annotators else None
    found = {a for d in docs for a in annotators_of(d) if wanted is None or a in wanted}
    if len(found) < 2:
        return f"agreement needs two annotators, found {len(found)}: nothing to compare"
    if not any(len([a for a in annotators_of(d) if wanted is None or a in wanted]) >= 2 for d in docs):
        return (f"{len(found)} annotators, but no document was annotated by two of them: nothing to compare")
    return None


# --- the report ------------------------------------------------------------------------------------
@dataclass
class AgreementReport:
    annotators: list[str]
    labels: list[str]
    pairs: dict[str, dict[str, Any]] = field(default_factory=dict)   # "a|b" -> metrics
    alpha: dict[str, float] = field(default_factory=dict)            # label or ALL -> alpha
    n_docs: int = 0
    n_tokens: int = 0

    def pair(self, a: str, b: str) -> dict[str, Any]:
        return self.pairs.get(f"{a}|{b}") or self.pairs[f"{b}|{a}"]

    def to_dict(self) -> dict[str, Any]:
        return {"annotators": self.annotators, "labels": self.labels, "n_docs": self.n_docs,
                "n_tokens": self.n_tokens, "pairs": self.pairs,
                "alpha": {k: _r(v) for k, v in self.alpha.items()}}

    def to_markdown(self) -> str:
        lines = [f"# Agreement ({self.n_docs} documents, {self.n_tokens} tokens, "
                 f"annotators: {', '.join(self.annotators)})", ""]
        lines += ["## Krippendorff's alpha (token level, nominal, all annotators)", "",
                  "| label | alpha |", "|---|---|"]
        for k, v in self.alpha.items():
            lines.append(f"| {k} | {_fmt(v)} |")
        for key, m in self.pairs.items():
            a, b = key.split("|")
            lines += ["", f"## {a} vs {b} ({m['n_docs']} shared documents)", "",
                      "| label | strict F1 | overlap F1 | token kappa | n " + a + " | n " + b + " |",
                      "|---|---|---|---|---|---|"]
            for lab in [ALL] + self.labels:
                if lab not in m["strict"]:
                    continue
                st, ov = m["strict"][lab], m["overlap"][lab]
                lines.append(f"| {lab} | {_fmt(st['f1'])} | {_fmt(ov['f1'])} | {_fmt(m['kappa'].get(lab))} "
                             f"| {st['n_a']} | {st['n_b']} |")
        return "\n".join(lines) + "\n"


def _r(x: float | None) -> float | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return round(x, 6)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.3f}"


def agreement(docs: Sequence[Document], annotators: Sequence[str] | None = None,
              labels: Sequence[str] | None = None,
              tokenizer: Callable[[str], Sequence[Any]] | None = None) -> AgreementReport:
    """Pairwise span F1 and token kappa, and token alpha over all annotators, per label and overall."""
    names = list(annotators) if annotators else sorted({a for d in docs for a in annotators_of(d)})
    labs = list(labels) if labels else [x for x in ALL_LABELS if any(s.label == x for d in docs for s in d.spans)]
    labs += sorted({s.label for d in docs for s in d.spans} - set(labs) - set(ALL_LABELS)) if not labels else []
    rep = AgreementReport(annotators=names, labels=labs)
    tok = tokenizer or (lambda text: [t for t in tokenize(text) if t.text.strip()])

    per_doc_tokens: dict[int, list[Any]] = {}
    per_doc_labels: dict[int, dict[str, list[str]]] = {}
    for i, d in enumerate(docs):
        present = [a for a in annotators_of(d) if a in names]
        if not present:
            continue
        rep.n_docs += 1
        toks = list(tok(d.text))
        per_doc_tokens[i] = toks
        rep.n_tokens += len(toks)
        per_doc_labels[i] = {a: token_labels(d.text, [s for s in spans_of(d, a) if s.label in labs or not labels],
                                             toks) for a in present}

    for a, b in combinations(names, 2):
        strict: dict[str, PRF] = {lab: PRF() for lab in [ALL] + labs}
        overlap: dict[str, PRF] = {lab: PRF() for lab in [ALL] + labs}
        seq_a: list[str] = []
        seq_b: list[str] = []
        shared = 0
        for i, d in enumerate(docs):
            if i not in per_doc_labels or a not in per_doc_labels[i] or b not in per_doc_labels[i]:
                continue
            shared += 1
            sa = [s for s in spans_of(d, a) if s.label in labs]
            sb = [s for s in spans_of(d, b) if s.label in labs]
            for mode, acc in (("strict", strict), ("overlap", overlap)):
                for lab, prf in span_prf(sa, sb, mode, labs).items():
                    acc[lab].add(prf)
            seq_a += per_doc_labels[i][a]
            seq_b += per_doc_labels[i][b]
        kappa = {ALL: cohen_kappa(seq_a, seq_b)}
        for lab in labs:
            kappa[lab] = cohen_kappa([x == lab for x in seq_a], [y == lab for y in seq_b])
        rep.pairs[f"{a}|{b}"] = {
            "n_docs": shared, "n_tokens": len(seq_a),
            "strict": {k: v.as_dict() for k, v in strict.items()},
            "overlap": {k: v.as_dict() for k, v in overlap.items()},
            "kappa": {k: _r(v) for k, v in kappa.items()},
        }

    units_all: list[list[str | None]] = []
    for i, labels_by in per_doc_labels.items():
        n_tok = len(per_doc_tokens[i])
        for k in range(n_tok):
            units_all.append([labels_by[a][k] if a in labels_by else None for a in names])
    rep.alpha[ALL] = krippendorff_alpha_nominal(units_all)
    for lab in labs:
        rep.alpha[lab] = krippendorff_alpha_nominal(
            [[None if v is None else v == lab for v in u] for u in units_all])
    return rep


# --- consistency -----------------------------------------------------------------------------------
@dataclass
class Inconsistency:
    surface: str                      # folded, lower-cased surface form
    labels: dict[str, int]            # label (or "O" for unlabelled occurrences) -> count
    examples: list[tuple[str, int, int, str]]  # (doc id, start, end, label)


def consistency(docs: Sequence[Document], annotator: str | None = None, include_unlabeled: bool = False,
                min_chars: int = 2) -> list[Inconsistency]:
    """Surface strings (case- and accent-folded) given more than one label across the corpus.

    With `include_unlabeled`, occurrences of a labelled string that no span covers (at token
    boundaries) count as label "O". Pass `annotator` to check one annotator's spans only.
    """
    seen: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[tuple[str, int, int, str]]] = defaultdict(list)
    covered: dict[str, set[tuple[int, int, int]]] = defaultdict(set)
    for di, d in enumerate(docs):
        for s in d.spans:
            if annotator is not None and s.attrs.get("annotator") != annotator:
                continue
            surf = fold_lower(d.text[s.start:s.end]).strip()
            if len(surf) < min_chars:
                continue
            seen[surf][s.label] += 1
            covered[surf].add((di, s.start, s.end))
            if len(examples[surf]) < 10:
                examples[surf].append((d.id, s.start, s.end, s.label))
    if include_unlabeled and seen:
        for di, d in enumerate(docs):
            toks = [t for t in tokenize(d.text) if t.text.strip()]
            folded = fold_lower(d.text)
            starts = {t.start for t in toks}
            ends = {t.end for t in toks}
            for surf in seen:
                pos = folded.find(surf)
                while pos >= 0:
                    end = pos + len(surf)
                    if pos in starts and end in ends and not any(
                            c[0] == di and c[1] < end and pos < c[2] for c in covered[surf]):
                        seen[surf][OUTSIDE] += 1
                        if len(examples[surf]) < 10:
                            examples[surf].append((d.id, pos, end, OUTSIDE))
                    pos = folded.find(surf, pos + 1)
    out = [Inconsistency(surf, dict(c), examples[surf]) for surf, c in seen.items() if len(c) > 1]
    return sorted(out, key=lambda x: (-sum(x.labels.values()), x.surface))
