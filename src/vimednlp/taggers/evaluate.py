"""Entity-level (strict span match, seqeval-style) and token-level precision / recall / F1.

`prf(tp, fp, fn)` is the project's one precision / recall / F1 formula: the taggers' reports, annotator
agreement (`vimednlp.annotation.agreement`) and the benchmarks use it; tests check it against seqeval.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..schema import Document, Span
from .bio import doc_tokens, spans_to_bio


def prf(tp: int, fp: int, fn: int, empty: float = 0.0) -> tuple[float, float, float]:
    """(precision, recall, F1) from true positives, false positives and false negatives. F1 is
    2·tp / (2·tp + fp + fn), the harmonic mean of precision and recall (0 when tp is 0). `empty` is what a
    ratio with nothing to divide (0/0) gives: 0.0 (seqeval's zero_division), NaN or 1.0 as a caller needs."""
    p = tp / (tp + fp) if tp + fp else empty
    r = tp / (tp + fn) if tp + fn else empty
    d = 2 * tp + fp + fn
    return p, r, (2 * tp / d if d else empty)


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "support": self.support, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    per_label: dict[str, PRF] = field(default_factory=dict)
    micro: PRF = field(default_factory=PRF)

    @property
    def macro_f1(self) -> float:
        vals = [p.f1 for p in self.per_label.values()]
        return sum(vals) / len(vals) if vals else 0.0

    def to_dict(self) -> dict:
        return {"micro": self.micro.to_dict(), "macro_f1": round(self.macro_f1, 4),
                "per_label": {k: v.to_dict() for k, v in sorted(self.per_label.items())}}

    def format(self, title: str = "") -> str:
        lines = [title] if title else []
        lines.append(f"{'label':<22}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}")
        for label, s in sorted(self.per_label.items()):
            lines.append(f"{label:<22}{s.precision:>8.4f}{s.recall:>8.4f}{s.f1:>8.4f}{s.support:>9}")
        m = self.micro
        lines.append(f"{'micro':<22}{m.precision:>8.4f}{m.recall:>8.4f}{m.f1:>8.4f}{m.support:>9}")
        lines.append(f"{'macro F1':<22}{'':>16}{self.macro_f1:>8.4f}")
        return "\n".join(lines)


def _check_pairs(gold: Sequence[Document], pred: Sequence[Sequence[Span]] | Sequence[Document]) -> list[list[Span]]:
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} documents but predictions {len(pred)}")
    return [list(p.spans) if isinstance(p, Document) else list(p) for p in pred]


def entity_scores(gold: Sequence[Document], pred, labels: Sequence[str] | None = None) -> Report:
    """Strict match: a predicted span counts when start, end and label equal a gold span's."""
    preds = _check_pairs(gold, pred)
    keep = set(labels) if labels else None
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, preds):
        gs = Counter((s.start, s.end, s.label) for s in g.spans if keep is None or s.label in keep)
        ps = Counter((s.start, s.end, s.label) for s in p if keep is None or s.label in keep)
        for key in gs.keys() | ps.keys():
            m = min(gs[key], ps[key])
            tp[key[2]] += m
            fp[key[2]] += ps[key] - m
            fn[key[2]] += gs[key] - m
    return _report(tp, fp, fn, keep)


def token_scores(gold: Sequence[Document], pred, labels: Sequence[str] | None = None,
                 tokenization: str = "vimednlp") -> Report:
    """Per-token label match (the B-/I- prefix ignored); O tokens count only as false positives/negatives."""
    preds = _check_pairs(gold, pred)
    keep = set(labels) if labels else None
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, preds):
        toks = doc_tokens(g.text, tokenization)
        gt = [t[2:] if t != "O" else "O" for t in spans_to_bio(toks, g.spans, keep)]
        pt = [t[2:] if t != "O" else "O" for t in spans_to_bio(toks, p, keep)]
        for a, b in zip(gt, pt):
            if a == b:
                if a != "O":
                    tp[a] += 1
            else:
                if b != "O":
                    fp[b] += 1
                if a != "O":
                    fn[a] += 1
    return _report(tp, fp, fn, keep)


def _report(tp: Counter, fp: Counter, fn: Counter, keep: set[str] | None) -> Report:
    rep = Report()
    names = set(tp) | set(fp) | set(fn) | (keep or set())
    for label in sorted(names):
        rep.per_label[label] = PRF(tp[label], fp[label], fn[label])
    rep.micro = PRF(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return rep
