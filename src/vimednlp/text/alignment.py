"""Offset alignment between an input text and a text derived from it (normalized, expanded, converted).

The two texts are cut into consecutive segment pairs. A segment is either *identity* (same length,
character ``i`` maps to character ``i``) or *atomic* (an edit such as ``\\r\\n`` -> ``\\n``,
``hoà`` -> ``hòa``, ``e\\u0301`` -> ``é``, a deleted zero-width space): a position strictly inside an
atomic segment is snapped outwards to the segment's edges, so a mapped span always covers at least
what was asked. Most text is unchanged, so an alignment usually holds a handful of segments.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class Alignment:
    """Maps spans between an *original* text (length ``orig_len``) and a *derived* one (``norm_len``).

    ``to_original(start, end)`` maps a span of the derived text to the original,
    ``to_normalized(start, end)`` the other way. Both return the smallest span made of whole
    segments on the other side; on segment boundaries (every token boundary) the mapping is exact.
    """

    __slots__ = ("_atomic", "_n", "_o")

    def __init__(self, orig_bounds: list[int], norm_bounds: list[int], atomic: list[bool]):
        if len(orig_bounds) != len(norm_bounds) or len(atomic) != max(len(orig_bounds) - 1, 0):
            raise ValueError("alignment bounds and segment flags do not agree in length")
        self._o = orig_bounds
        self._n = norm_bounds
        self._atomic = atomic

    # ---- construction -------------------------------------------------------------------------
    @classmethod
    def identity(cls, length: int) -> Alignment:
        return cls([0, length], [0, length], [False])

    @classmethod
    def from_edits(cls, orig_len: int, edits: Iterable[tuple[int, int, int]]) -> Alignment:
        """Build from ordered, non-overlapping edits ``(orig_start, orig_end, new_len)``.

        Text between edits is copied unchanged.
        """
        o_b = [0]
        n_b = [0]
        atomic: list[bool] = []
        shift = 0
        pos = 0
        for start, end, new_len in edits:
            if start < pos or end < start:
                raise ValueError(f"edits out of order at original offset {start}")
            if start > pos:
                o_b.append(start)
                n_b.append(start + shift)
                atomic.append(False)
            o_b.append(end)
            shift += new_len - (end - start)
            n_b.append(end + shift)
            atomic.append(True)
            pos = end
        if pos < orig_len or not atomic:
            o_b.append(orig_len)
            n_b.append(orig_len + shift)
            atomic.append(False)
        return cls(o_b, n_b, atomic)

    # ---- properties ---------------------------------------------------------------------------
    @property
    def orig_len(self) -> int:
        return self._o[-1]

    @property
    def norm_len(self) -> int:
        return self._n[-1]

    @property
    def is_identity(self) -> bool:
        return not any(self._atomic) and self._o[-1] == self._n[-1]

    def segments(self) -> list[tuple[int, int, int, int, bool]]:
        """``(orig_start, orig_end, norm_start, norm_end, atomic)`` for every segment."""
        return [
            (self._o[i], self._o[i + 1], self._n[i], self._n[i + 1], self._atomic[i])
            for i in range(len(self._atomic))
        ]

    def __repr__(self) -> str:
        edits = sum(self._atomic)
        return f"Alignment(orig_len={self.orig_len}, norm_len={self.norm_len}, edits={edits})"

    # ---- mapping ------------------------------------------------------------------------------
    @staticmethod
    def _map(src: list[int], dst: list[int], atomic: list[bool], start: int, end: int, what: str):
        total = src[-1]
        if not (0 <= start <= end <= total):
            raise ValueError(f"span ({start}, {end}) is out of range for a {what} text of length {total}")
        # start: the last boundary at or before `start` (after any zero-length segments there)
        i = bisect_right(src, start) - 1
        if src[i] == start or i >= len(atomic) or atomic[i]:
            new_start = dst[i]
        else:
            new_start = dst[i] + (start - src[i])
        # end: the first boundary at or after `end` (before any zero-length segments there)
        j = bisect_left(src, end)
        if j < len(src) and src[j] == end or atomic[j - 1]:
            new_end = dst[j]
        else:
            new_end = dst[j - 1] + (end - src[j - 1])
        # the text's own edges map to the other text's edges (leading/trailing deletions included)
        if start == 0:
            new_start = 0
        if end == total:
            new_end = dst[-1]
        new_end = max(new_end, new_start)  # an empty span sitting on a deletion
        return new_start, new_end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the derived (normalized) text to the original text."""
        return self._map(self._n, self._o, self._atomic, start, end, "normalized")

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the original text to the derived (normalized) text."""
        return self._map(self._o, self._n, self._atomic, start, end, "original")

    def inverse(self) -> Alignment:
        return Alignment(list(self._n), list(self._o), list(self._atomic))

    # ---- composition --------------------------------------------------------------------------
    def then(self, other: Alignment) -> Alignment:
        """Compose: ``self`` maps A -> B, ``other`` maps B -> C; the result maps A -> C."""
        if self.norm_len != other.orig_len:
            raise ValueError("cannot compose alignments: the middle texts differ in length")
        if other.is_identity:
            return self
        if self.is_identity:
            return other
        a_o, a_m, a_at = self._o, self._n, self._atomic
        b_m, b_n, b_at = other._o, other._n, other._atomic

        def inside_atomic(bounds: list[int], atomic: list[bool], p: int) -> bool:
            i = bisect_right(bounds, p) - 1
            return i < len(atomic) and bounds[i] < p and atomic[i]

        cuts = sorted(
            {p for p in a_m if not inside_atomic(b_m, b_at, p)}
            | {p for p in b_m if not inside_atomic(a_m, a_at, p)}
        )

        def values_at(src: list[int], dst: list[int], p: int) -> list[int]:
            lo = bisect_left(src, p)
            hi = bisect_right(src, p)
            if lo < hi:
                return [dst[k] for k in range(lo, hi)]
            i = lo - 1
            return [dst[i] + (p - src[i])]  # identity segment (p is not inside an atomic one)

        o_b: list[int] = []
        n_b: list[int] = []
        mids: list[int] = []
        for p in cuts:
            os_ = values_at(a_m, a_o, p)
            ns_ = values_at(b_m, b_n, p)
            for o in os_[:-1]:
                o_b.append(o), n_b.append(ns_[0]), mids.append(p)
            for n in ns_:
                o_b.append(os_[-1]), n_b.append(n), mids.append(p)

        def identity_between(bounds: list[int], atomic: list[bool], p: int, q: int) -> bool:
            i = bisect_right(bounds, p) - 1
            return i < len(atomic) and not atomic[i] and bounds[i + 1] >= q

        atomic: list[bool] = []
        for k in range(len(o_b) - 1):
            p, q = mids[k], mids[k + 1]
            ident = (
                p < q
                and identity_between(a_m, a_at, p, q)
                and identity_between(b_m, b_at, p, q)
                and o_b[k + 1] - o_b[k] == n_b[k + 1] - n_b[k]
            )
            atomic.append(not ident)
        return Alignment(o_b, n_b, atomic)._merged()

    def _merged(self) -> Alignment:
        """Join neighbouring identity segments."""
        o_b, n_b, atomic = [self._o[0]], [self._n[0]], []
        for i, at in enumerate(self._atomic):
            if not at and atomic and not atomic[-1]:
                o_b[-1], n_b[-1] = self._o[i + 1], self._n[i + 1]
                continue
            o_b.append(self._o[i + 1]), n_b.append(self._n[i + 1]), atomic.append(at)
        return Alignment(o_b, n_b, atomic)


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, Alignment]:
    """`text` with each (start, end, replacement) applied, and the alignment back to `text`. Edits are taken in
    order of position; one that overlaps an earlier one is skipped (the first wins). `edits` is sorted in place."""
    edits.sort(key=lambda x: (x[0], x[1]))
    out, pos, kept = [], 0, []
    for s, e, r in edits:
        if s < pos:
            continue
        out.append(text[pos:s])
        out.append(r)
        kept.append((s, e, len(r)))
        pos = e
    out.append(text[pos:])
    return "".join(out), Alignment.from_edits(len(text), kept)
