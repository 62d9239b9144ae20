"""Adjudication: merge annotators' spans into one gold record per document.

Methods:
- `majority`: a span (start, end, label) is kept when at least `min_votes` annotators (default: more
  than half of those who annotated the document) gave it; overlapping survivors are resolved by votes,
  then annotator precedence.
- `precedence`: the union of all annotators' spans; where spans overlap, the one from the annotator
  earlier in `precedence` wins.
- `adjudicator`: the adjudicator's annotation wins wholesale for every document they annotated; the
  others fall back to `fallback` (majority by default).

Every gold span records where it came from: attrs["annotator"] (the annotator whose span was taken),
attrs["agreed_by"] (everyone who gave exactly that span) and source "adjudicated:<method>". Assertion
attributes and ID kind are taken by vote among the agreeing annotators (ties: the chosen annotator).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from ..overlap import resolve
from ..schema import ASSERTIONS, Document, Span, sort_spans
from .agreement import annotators_of, spans_of

METHODS = ("majority", "precedence", "adjudicator")


def _attrs_vote(spans: list[Span], chosen: Span) -> dict[str, Any]:
    out: dict[str, Any] = {}
    n = len(spans)
    for a in ASSERTIONS:
        yes = sum(1 for s in spans if s.attrs.get(a))
        if yes * 2 > n or (yes * 2 == n and chosen.attrs.get(a)):
            out[a] = True
    kinds = Counter(s.attrs["kind"] for s in spans if s.attrs.get("kind"))
    if kinds:
        best = max(kinds.values())
        top = [k for k, c in kinds.items() if c == best]
        out["kind"] = chosen.attrs.get("kind") if chosen.attrs.get("kind") in top else sorted(top)[0]
    return out


def _gold_span(group: list[Span], order: dict[str, int], method: str) -> Span:
    chosen = min(group, key=lambda s: order.get(s.attrs.get("annotator", ""), len(order)))
    attrs = _attrs_vote(group, chosen)
    attrs["annotator"] = chosen.attrs.get("annotator")
    attrs["agreed_by"] = sorted({s.attrs.get("annotator") for s in group}, key=lambda a: order.get(a, len(order)))
    return Span(chosen.start, chosen.end, chosen.label, chosen.text, f"adjudicated:{method}", 1.0, attrs)


def _groups(doc: Document, names: list[str]) -> dict[tuple[int, int, str], list[Span]]:
    g: dict[tuple[int, int, str], list[Span]] = defaultdict(list)
    for a in names:
        seen = set()
        for s in spans_of(doc, a):
            k = (s.start, s.end, s.label)
            if k in seen:  # an annotator's duplicate region votes once
                continue
            seen.add(k)
            g[k].append(s)
    return g


def _resolve_overlaps(cands: list[tuple[tuple, Span]]) -> list[Span]:
    """Greedy: best-ranked span first; drop later ones that overlap a kept span."""
    return sort_spans(resolve([s for _rank, s in sorted(cands, key=lambda x: x[0])], policy="given_order"))


def adjudicate_doc(doc: Document, method: str = "majority", precedence: Sequence[str] | None = None,
                   adjudicator: str | None = None, min_votes: int | None = None,
                   fallback: str = "majority", allow_overlap: bool = False) -> Document:
    if method not in METHODS:
        raise ValueError(f"unknown adjudication method {method!r}; use one of {', '.join(METHODS)}")
    names = [a for a in annotators_of(doc)]
    order_list = list(precedence or []) + sorted(a for a in names if a not in (precedence or []))
    if adjudicator:
        order_list = [adjudicator] + [a for a in order_list if a != adjudicator]
    order = {a: i for i, a in enumerate(order_list)}
    meta = dict(doc.meta)
    meta.pop("annotations", None)
    used = method
    if method == "adjudicator":
        if not adjudicator:
            raise ValueError("method 'adjudicator' needs the adjudicator's name")
        if adjudicator in names:
            voters = names
            groups = _groups(doc, voters)
            gold = [_gold_span(groups[(s.start, s.end, s.label)], order, "adjudicator")
                    for s in spans_of(doc, adjudicator)]
            gold = sort_spans({(g.start, g.end, g.label): g for g in gold}.values())
            meta["adjudication"] = {"method": "adjudicator", "adjudicator": adjudicator, "annotators": names}
            return Document(doc.id, doc.text, gold, meta, doc.schema_version)
        used = fallback
        method = fallback
        names = [a for a in names if a != adjudicator]
    groups = _groups(doc, names)
    if method == "majority":
        need = min_votes if min_votes is not None else len(names) // 2 + 1
        cands = []
        for k, grp in groups.items():
            if len(grp) >= need:
                g = _gold_span(grp, order, "majority")
                cands.append(((-len(grp), order.get(g.attrs["annotator"], 99), k[0], -k[1]), g))
    else:  # precedence
        cands = []
        for k, grp in groups.items():
            g = _gold_span(grp, order, "precedence")
            cands.append(((order.get(g.attrs["annotator"], 99), -len(grp), k[0], -k[1]), g))
    gold = sort_spans([g for _r, g in cands]) if allow_overlap else _resolve_overlaps(cands)
    meta["adjudication"] = {"method": used, "annotators": names}
    if used != "adjudicator" and adjudicator:
        meta["adjudication"]["note"] = f"the adjudicator did not annotate this document; {used} used"
    return Document(doc.id, doc.text, gold, meta, doc.schema_version)


def adjudicate(docs: Sequence[Document], method: str = "majority", **kw: Any) -> list[Document]:
    """Gold documents (one per input document) from per-annotator spans; see the module docstring."""
    return [adjudicate_doc(d, method, **kw) for d in docs]
