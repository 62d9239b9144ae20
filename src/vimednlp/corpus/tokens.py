"""Token views of a record: the syllables (or segmented words) that CoNLL, IOB and HF rows hold.

A record read from a token format has the canonical text `" ".join(tokens)`. At word level
(PhoNER style, `bệnh_nhân`) the `_` joining syllables becomes a space in the text, and the
offsets of those spaces are kept in `meta["word_joins"]` so the words come back exactly.
Records with any other text (newlines, double spaces) are tokenized with `vimednlp.text.tokenize`
and cut further at span boundaries, so every span stays expressible as tokens.
"""
from __future__ import annotations

import re

from collections.abc import Sequence

from ..schema import Document

_WS = re.compile(r"\s")
LEVELS = ("syllable", "word")
JOINS_KEY = "word_joins"


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    return level


def tokens_to_text(tokens: Sequence[str], level: str = "syllable") -> tuple[str, list[tuple[int, int]], list[int]]:
    """Token strings -> (text, token offsets, join offsets). Tokens must be non-empty and whitespace-free."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    joins: list[int] = []
    pos = 0
    if not all(tokens) or _WS.search("".join(tokens)):  # one check for the whole sentence (the hot path)
        bad = next(i for i, t in enumerate(tokens) if not t or _WS.search(t))
        raise ValueError(f"token {bad + 1} is empty or contains whitespace")
    for i, tok in enumerate(tokens):
        if i:
            pos += 1
        if level == "word" and "_" in tok:
            pieces = tok.split("_")
            if all(pieces):  # `_` between syllables is a joiner; a stray `_` stays literal
                j = pos
                for p in pieces[:-1]:
                    j += len(p)
                    joins.append(j)
                    j += 1
                tok = " ".join(pieces)
        parts.append(tok)
        offsets.append((pos, pos + len(tok)))
        pos += len(tok)
    return " ".join(parts), offsets, joins


def _is_canonical(text: str) -> bool:
    if not text:
        return True
    if text[0] == " " or text[-1] == " " or "  " in text:
        return False
    return not any(c.isspace() and c != " " for c in text)


def document_tokens(doc: Document, level: str = "syllable") -> tuple[list[tuple[int, int]], list[str]]:
    """(token offsets, token strings) of `doc` at `level`; word tokens carry `_` between syllables."""
    check_level(level)
    text = doc.text
    offs: list[tuple[int, int]] = []
    if _is_canonical(text):
        pos = 0
        if text:
            for piece in text.split(" "):
                offs.append((pos, pos + len(piece)))
                pos += len(piece) + 1
        starts, ends = {a for a, _ in offs}, {b for _, b in offs}
        if not all(s.start in starts and s.end in ends for s in doc.spans):
            offs = []  # space-separated, but a span ends inside a piece ("An,"): tokenize properly
    if not offs and text:
        offs = refine_tokens(text, [(s.start, s.end) for s in doc.spans])
    if level == "syllable":
        return offs, [text[a:b] for a, b in offs]
    joins = set(doc.meta.get(JOINS_KEY) or ())
    words: list[tuple[int, int]] = []
    for a, b in offs:
        if words and words[-1][1] in joins and a == words[-1][1] + 1:
            words[-1] = (words[-1][0], b)
        else:
            words.append((a, b))
    strings = []
    for a, b in words:
        w = text[a:b]
        if joins and " " in w:
            w = "".join("_" if (a + k) in joins else c for k, c in enumerate(w))
        strings.append(w)
    return words, strings


def refine_tokens(text: str, cuts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`tokenize(text)` offsets, split further at every cut point (span starts and ends)."""
    from ..text.tokenizer import tokenize

    points = sorted({p for c in cuts for p in c})
    out: list[tuple[int, int]] = []
    k = 0
    for t in tokenize(text):
        a, b = t.start, t.end
        while k < len(points) and points[k] <= a:
            k += 1
        j = k
        while j < len(points) and points[j] < b:
            out.append((a, points[j]))
            a = points[j]
            j += 1
        out.append((a, b))
    if not cuts:
        return out
    # whitespace that a span covers (a span starting or ending on a space) becomes tokens too,
    # cut at the span boundaries, so the span still starts and ends on token boundaries
    extra = []
    edges = [0] + [p for t in out for p in t] + [len(text)]
    for a, b in zip(edges[::2], edges[1::2]):
        if a >= b:
            continue
        pts = sorted({a, b} | {p for p in points if a < p < b})
        for x, y in zip(pts, pts[1:]):
            if any(s <= x and y <= e and (x == s or y == e) for s, e in cuts):
                extra.append((x, y))
    return sorted(out + extra) if extra else out
