"""IOB tags <-> spans over tokens given as (start, end) code-point offsets.

Schemes: "BIO" (IOB2, the default), "IOB1" (I- starts a span unless it continues one of the same
label; B- only between two adjacent spans of one label) and "BIOES" (a.k.a. BILOU with S-/E-).
Reading is lenient like conlleval: an I- tag that does not continue a span of its label starts one.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..schema import Span

Tok = tuple[int, int]
SCHEMES = ("BIO", "IOB1", "BIOES")


def _split_tag(tag: str) -> tuple[str, str | None]:
    if tag == "O" or tag == "":
        return "O", None
    if len(tag) > 2 and tag[1] in "-_" and tag[0] in "BIESLU":
        prefix = tag[0]
        prefix = {"L": "E", "U": "S"}.get(prefix, prefix)
        return prefix, tag[2:]
    raise ValueError(f"not an IOB tag: {tag!r}")


def iob_to_token_spans(tags: Sequence[str], scheme: str = "BIO") -> list[tuple[int, int, str]]:
    """Tags -> [(first_token, last_token + 1, label)] in order."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown IOB scheme {scheme!r}; known: {', '.join(SCHEMES)}")
    out: list[tuple[int, int, str]] = []
    cur_start: int | None = None
    cur_label: str | None = None

    def close(i: int) -> None:
        nonlocal cur_start, cur_label
        if cur_start is not None:
            out.append((cur_start, i, cur_label))  # type: ignore[arg-type]
        cur_start, cur_label = None, None

    for i, tag in enumerate(tags):
        prefix, label = _split_tag(tag)
        if prefix == "O":
            close(i)
        elif prefix == "B":
            close(i)
            cur_start, cur_label = i, label
        elif prefix == "S":
            close(i)
            out.append((i, i + 1, label))  # type: ignore[arg-type]
        elif prefix == "E":
            if cur_label != label:
                close(i)
                cur_start, cur_label = i, label
            close(i + 1)
        else:  # I
            if cur_label != label:
                close(i)
                cur_start, cur_label = i, label
    close(len(tags))
    return out


def token_spans_to_iob(n_tokens: int, spans: Sequence[tuple[int, int, str]], scheme: str = "BIO") -> list[str]:
    """[(first_token, last_token + 1, label)] -> tags. Overlapping or empty spans raise ValueError."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown IOB scheme {scheme!r}; known: {', '.join(SCHEMES)}")
    tags = ["O"] * n_tokens
    prev_end, prev_label = -1, None
    for a, b, label in sorted(spans):
        if not 0 <= a < b <= n_tokens:
            raise ValueError(f"token span {a}-{b} is empty or outside 0-{n_tokens}")
        if any(t != "O" for t in tags[a:b]):
            raise ValueError(f"token span {a}-{b} ({label}) overlaps another span: IOB cannot hold overlaps")
        for i in range(a, b):
            tags[i] = f"I-{label}"
        if scheme == "BIO":
            tags[a] = f"B-{label}"
        elif scheme == "BIOES":
            if b - a == 1:
                tags[a] = f"S-{label}"
            else:
                tags[a] = f"B-{label}"
                tags[b - 1] = f"E-{label}"
        elif scheme == "IOB1" and prev_end == a and prev_label == label:
            tags[a] = f"B-{label}"
        prev_end, prev_label = b, label
    return tags


def spans_to_iob(tokens: Sequence[Tok], spans: Sequence[Span], scheme: str = "BIO",
                 label_of=lambda s: s.label) -> list[str]:
    """Character spans -> tags over `tokens`. A span whose ends are not token ends raises ValueError."""
    starts = {s: i for i, (s, _) in enumerate(tokens)}
    ends = {e: i for i, (_, e) in enumerate(tokens)}
    tok_spans = []
    for sp in spans:
        a, b = starts.get(sp.start), ends.get(sp.end)
        if a is None or b is None or b < a:
            raise ValueError(
                f"span {sp.start}-{sp.end} ({sp.label}) does not start and end on token boundaries")
        tok_spans.append((a, b + 1, label_of(sp)))
    return token_spans_to_iob(len(tokens), tok_spans, scheme)


def iob_to_spans(tokens: Sequence[Tok], tags: Sequence[str], text: str | None = None,
                 scheme: str = "BIO") -> list[Span]:
    """Tags over `tokens` -> character spans (with their text when `text` is given)."""
    if len(tokens) != len(tags):
        raise ValueError(f"{len(tokens)} tokens but {len(tags)} tags")
    out = []
    for a, b, label in iob_to_token_spans(tags, scheme):
        start, end = tokens[a][0], tokens[b - 1][1]
        out.append(Span(start, end, label, text[start:end] if text is not None else ""))
    return out
