"""One overlap resolver with named policies.

Every component that must turn overlapping candidate spans into a non-overlapping choice calls `resolve`
with the policy that states its preference; the greedy walk, the character (or token) ownership and the
final order are written once here.

    >>> from vimednlp.schema import Span
    >>> a, b = Span(0, 9, "NAME", score=0.8), Span(4, 20, "LOCATION", score=0.6)
    >>> [s.label for s in resolve([a, b], policy="longest")]
    ['LOCATION']

Policies (items need integer `start` and `end`; the offsets may be characters or tokens):

- ``deid``: the de-identification analyzer's. Higher `score` first, then the longer span, then the earlier.
  A later span scoring >= 0.6 that strictly contains every chosen span it meets replaces them (removing more
  is the safe side). With `text`, a span that only partly overlaps one chosen span keeps its part outside
  it, trimmed to letters and digits, when that part is at least two characters on free ground and
  `keep_part(text, start, end, span, other)` agrees; `part(span, start, end)` builds the part
  (default: `dataclasses.replace`); `may_take_over(span, chosen)` can refuse a takeover (default: allowed).
- ``longest``: the longer span, then the higher `score` (`score=` getter; default the attribute), then the
  earlier (de-identification of given spans, `deid.api`).
- ``longest_priority``: the longer span, then the higher `priority` attribute, then the source ranked
  higher in `source_rank` (a dict source -> rank, default empty), then the earlier (the clinical extractor).
- ``preferred``: spans for which `preferred(span)` holds first, then the longer, then the higher
  `score(span)` (default 1.0); ties keep the input order (the spaCy resolver: PHI or clinical first).
- ``given_order``: the input order is the preference; the first span wins (adjudication, after ranking).

Empty spans (end <= start) are never chosen. The result is sorted by (start, end).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["POLICIES", "resolve"]


def _length(x: Any) -> int:
    return x.end - x.start


def _attr_score(x: Any) -> float:
    return x.score


def _key_longest(opts: dict) -> Callable[[Any], tuple]:
    score = opts.get("score", _attr_score)
    return lambda x: (-_length(x), -score(x), x.start)


def _key_longest_priority(opts: dict) -> Callable[[Any], tuple]:
    rank = opts.get("source_rank") or {}
    return lambda x: (-_length(x), -x.priority, -rank.get(x.source, 0), x.start)


def _key_preferred(opts: dict) -> Callable[[Any], tuple]:
    preferred = opts.get("preferred")
    if preferred is None:
        raise ValueError("policy 'preferred' needs preferred=<callable(span) -> bool>")
    score = opts.get("score", lambda x: 1.0)
    # (sorted() is stable: equal keys keep the input order, as the spaCy resolver's reverse sort did)
    return lambda x: (not preferred(x), -_length(x), -score(x))


_GREEDY: dict[str, Callable[[dict], Callable[[Any], tuple]] | None] = {
    "longest": _key_longest,
    "longest_priority": _key_longest_priority,
    "preferred": _key_preferred,
    "given_order": None,
}
_OPTIONS = {"deid": {"keep_part", "part", "min_takeover", "may_take_over"}, "longest": {"score"},
            "longest_priority": {"source_rank"}, "preferred": {"preferred", "score"}, "given_order": set()}
POLICIES: tuple[str, ...] = ("deid", *_GREEDY)


def resolve(items: Iterable[Any], policy: str = "deid", text: str | None = None, **options) -> list:
    """A non-overlapping choice among `items` by the named `policy` (see the module's docstring)."""
    if policy not in POLICIES:
        raise ValueError(f"unknown overlap policy {policy!r}; known: {', '.join(POLICIES)}")
    unknown = set(options) - _OPTIONS[policy]
    if unknown:
        raise TypeError(f"policy {policy!r} takes no option(s) {sorted(unknown)}")
    items = [x for x in items if x.end > x.start]
    if not items:
        return []
    if policy == "deid":
        return _resolve_deid(items, text, **options)
    make_key = _GREEDY[policy]
    order = items if make_key is None else sorted(items, key=make_key(options))
    taken = bytearray(max(x.end for x in items))
    chosen = []
    for x in order:
        if taken.find(1, x.start, x.end) < 0:
            taken[x.start:x.end] = b"\x01" * (x.end - x.start)
            chosen.append(x)
    return sorted(chosen, key=lambda x: (x.start, x.end))


def _replace_part(x: Any, s: int, e: int) -> Any:
    return dataclasses.replace(x, start=s, end=e)


def _resolve_deid(cands: list, text: str | None, keep_part: Callable | None = None, part: Callable | None = None,
                  min_takeover: float = 0.6, may_take_over: Callable | None = None) -> list:
    # linear in the covered characters (an owner array), so a 1 MB document stays fast
    size = max(c.end for c in cands)
    owner = [-1] * size
    chosen: list = []
    part = part or _replace_part

    def take(c) -> None:
        k = len(chosen)
        chosen.append(c)
        owner[c.start:c.end] = [k] * (c.end - c.start)

    for c in sorted(cands, key=lambda c: (-c.score, -(c.end - c.start), c.start)):
        clash_ids = set(owner[c.start:c.end])
        clash_ids.discard(-1)
        if not clash_ids:
            take(c)
            continue
        clash = [chosen[k] for k in clash_ids]
        if c.score >= min_takeover and all(c.start <= o.start and o.end <= c.end and (o.end - o.start) < (c.end - c.start)
                                           for o in clash) \
                and (may_take_over is None or all(may_take_over(c, o) for o in clash)):
            for k in clash_ids:
                o = chosen[k]
                owner[o.start:o.end] = [-1] * (o.end - o.start)
                chosen[k] = None
            take(c)
        elif text is not None and len(clash) == 1:
            o = clash[0]
            s, e = (o.end, c.end) if o.start <= c.start and o.end < c.end else (c.start, o.start) \
                if c.start < o.start and c.end <= o.end else (0, 0)
            while s < e and not text[s].isalnum():
                s += 1
            while e > s and not text[e - 1].isalnum():
                e -= 1
            if e - s >= 2 and all(x < 0 for x in owner[s:e]) and (keep_part is None or keep_part(text, s, e, c, o)):
                take(part(c, s, e))
    return sorted((c for c in chosen if c is not None), key=lambda c: (c.start, c.end))
