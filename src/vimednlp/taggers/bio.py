"""Tokens and BIO tags for span-labelled documents, and back.

Tokens come from `vimednlp.text.tokenize` (syllables, numbers, codes, punctuation), which never
crosses whitespace: pre-tokenized corpora (PhoNER sentences, tokens joined by single spaces) keep
their token boundaries, and spans always fall on token boundaries.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..schema import Document, Span
from ..text.tokenizer import Token, tokenize

OUTSIDE = "O"


def doc_tokens(text: str, mode: str = "vimednlp") -> list[Token]:
    """Tokens of `text`: `vimednlp` (the library tokenizer) or `whitespace` (split on spaces only)."""
    if mode == "vimednlp":
        return tokenize(text)
    if mode == "whitespace":
        out: list[Token] = []
        pos = 0
        for part in text.split():
            start = text.index(part, pos)
            out.append(Token(part, start, start + len(part), "word"))
            pos = start + len(part)
        return out
    raise ValueError(f"unknown tokenization {mode!r}: use 'vimednlp' or 'whitespace'")


def spans_to_bio(tokens: Sequence[Token], spans: Sequence[Span], labels: set[str] | None = None) -> list[str]:
    """BIO tags for `tokens`. A token belongs to a span when they overlap; on overlapping spans the
    earlier (then longer) one wins. Spans whose label is not in `labels` (when given) are ignored."""
    tags = [OUTSIDE] * len(tokens)
    ordered = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    starts = [t.start for t in tokens]
    import bisect

    for s in ordered:
        if labels is not None and s.label not in labels:
            continue
        i = max(bisect.bisect_right(starts, s.start) - 1, 0)
        first = True
        idx: list[int] = []
        while i < len(tokens) and tokens[i].start < s.end:
            if tokens[i].end > s.start:
                idx.append(i)
            i += 1
        if not idx or any(tags[j] != OUTSIDE for j in idx):
            continue
        for j in idx:
            tags[j] = ("B-" if first else "I-") + s.label
            first = False
    return tags


def bio_to_spans(text: str, tokens: Sequence[Token], tags: Sequence[str], source: str = "",
                 scores: Sequence[float] | None = None) -> list[Span]:
    """Spans from BIO (or IOB1 / BIOES-ish) tags, conlleval-style: an I- tag whose label differs from
    the running entity starts a new one. Span offsets are those of the first and last token."""
    spans: list[Span] = []
    cur_label: str | None = None
    cur_start = cur_end = 0
    cur_scores: list[float] = []

    def close() -> None:
        if cur_label is not None:
            score = round(min(cur_scores), 4) if cur_scores else 1.0
            spans.append(Span(cur_start, cur_end, cur_label, text[cur_start:cur_end], source=source, score=score))

    for k, (tok, tag) in enumerate(zip(tokens, tags)):
        if tag == OUTSIDE or not tag or len(tag) < 3 or tag[1] != "-":
            close()
            cur_label = None
            continue
        prefix, label = tag[0], tag[2:]
        if prefix in ("B", "S") or label != cur_label:
            close()
            cur_label, cur_start, cur_scores = label, tok.start, []
        cur_end = tok.end
        if scores is not None:
            cur_scores.append(scores[k])
        if prefix in ("E", "S"):
            close()
            cur_label = None
    close()
    return spans


def doc_to_bio(doc: Document, mode: str = "vimednlp", labels: set[str] | None = None) -> tuple[list[Token], list[str]]:
    toks = doc_tokens(doc.text, mode)
    return toks, spans_to_bio(toks, doc.spans, labels)


def collect_labels(docs: Sequence[Document], keep: set[str] | None = None) -> list[str]:
    return sorted({s.label for d in docs for s in d.spans if keep is None or s.label in keep})
