"""Disagreement report (Markdown): per annotator pair and document, the spans they do not share, in context.

The report quotes the text around each conflict, so it is for the annotation team inside the
environment that holds the data; `show_text=False` writes offsets and labels only.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from ..schema import Document, Span
from .agreement import Inconsistency, annotators_of, match_spans, spans_of


def _context(text: str, span: Span | None, lo: int, hi: int) -> str:
    """text[lo:hi] with the span marked as ⟦...⟧ (— when the annotator has no span there)."""
    if span is None:
        return "—"
    s = text[lo:span.start] + "⟦" + text[span.start:span.end] + "⟧" + text[span.end:hi]
    s = s.replace("\n", " ").replace("|", "\\|")
    return ("…" if lo > 0 else "") + s + ("…" if hi < len(text) else "")


def _kind(x: Span | None, y: Span | None) -> str:
    if x is None:
        return "missing in A"
    if y is None:
        return "missing in B"
    if (x.start, x.end) == (y.start, y.end):
        return "label"
    if x.label == y.label:
        return "boundary"
    return "label+boundary"


def disagreements(doc: Document, a: str, b: str) -> list[tuple[str, Span | None, Span | None]]:
    """(kind, span of a, span of b) for every span the two do not share exactly."""
    sa, sb = spans_of(doc, a), spans_of(doc, b)
    strict = match_spans(sa, sb, "strict")
    ma = {id(x) for x, _ in strict}
    mb = {id(y) for _, y in strict}
    ra = [x for x in sa if id(x) not in ma]
    rb = [y for y in sb if id(y) not in mb]
    out: list[tuple[str, Span | None, Span | None]] = []
    used_b: set[int] = set()
    for x in ra:
        partner = next((y for y in rb if id(y) not in used_b and x.overlaps(y)), None)
        if partner is not None:
            used_b.add(id(partner))
        out.append((_kind(x, partner), x, partner))
    out += [(_kind(None, y), None, y) for y in rb if id(y) not in used_b]
    return sorted(out, key=lambda t: min(s.start for s in t[1:] if s is not None))


def disagreement_report(docs: Sequence[Document], annotators: Sequence[str] | None = None,
                        show_text: bool = True, inconsistencies: Sequence[Inconsistency] = (),
                        width: int = 30) -> str:
    names = list(annotators) if annotators else sorted({a for d in docs for a in annotators_of(d)})
    lines = ["# Disagreement report", ""]
    if not show_text:
        lines += ["(text omitted: offsets and labels only)", ""]
    for a, b in combinations(names, 2):
        rows = []
        for d in docs:
            present = annotators_of(d)
            if a not in present or b not in present:
                continue
            for kind, x, y in disagreements(d, a, b):
                spans = [s for s in (x, y) if s is not None]
                fa = f"{x.label} {x.start}-{x.end}" if x else "—"
                fb = f"{y.label} {y.start}-{y.end}" if y else "—"
                lo = max(0, min(x.start for x in spans) - width)
                hi = min(len(d.text), max(x.end for x in spans) + width)
                ca = _context(d.text, x, lo, hi) if show_text else ""
                cb = _context(d.text, y, lo, hi) if show_text else ""
                rows.append(f"| {d.id} | {kind} | {fa} | {fb} | {ca} | {cb} |")
        lines += [f"## A = {a}, B = {b}: {len(rows)} conflicting spans", ""]
        if rows:
            lines += ["| document | kind | A | B | A in context | B in context |",
                      "|---|---|---|---|---|---|"] + rows
        lines.append("")
    if inconsistencies:
        lines += ["## Same string, different labels", "", "| surface (folded) | labels | examples |", "|---|---|---|"]
        for inc in inconsistencies:
            labs = ", ".join(f"{k}×{v}" for k, v in sorted(inc.labels.items()))
            ex = "; ".join(f"{d}:{s}-{e} {lab}" for d, s, e, lab in inc.examples[:4])
            surf = inc.surface.replace("|", "\\|") if show_text else "(omitted)"
            lines.append(f"| {surf} | {labs} | {ex} |")
        lines.append("")
    return "\n".join(lines)
