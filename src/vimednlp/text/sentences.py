"""Sentence splitting for clinical notes and forms, as ``(start, end)`` code-point spans.

Rules, in order:

- every non-empty line is at least its own unit: a line break always ends a sentence, with or
  without punctuation, so forms (``Mạch: 80 l/p``, one field a line) give one unit per line;
- inside a line, ``.``, ``!``, ``?``, ``;`` or ``…`` followed by a space and an upper-case letter, a
  digit or an opening quote ends a sentence, except after a known abbreviation (``BS.``, ``TP.``,
  ``ThS.``, ``PGS.TS.``, ``Tp.``, ``v.v.``...), an initial (``Nguyễn V. A``) or a list number
  (``1.``, ``2)``);
- decimals (``37.5``), dotted codes (``I21.9``, ``TP.HCM``) never split (no space after the dot).

Spans exclude surrounding whitespace; empty lines give nothing.
"""
from __future__ import annotations

import re

# Abbreviations that end in a dot and are followed by a name or a place, never a sentence end.
_NO_BREAK = {
    "bs", "ths", "ts", "pgs", "gs", "ck1", "ck2", "cki", "ckii", "bsck1", "bsck2", "bsckii", "bscki",
    "ys", "đd", "dd", "kts", "ks", "tp", "tx", "tt", "q", "p", "h", "x", "tnhh", "cty", "bv", "bvđk",
    "bvdk", "st", "sn", "kh", "v.v", "vv", "v", "tr", "dr", "mr", "mrs", "ms", "nxb", "stt", "pk",
    "ph", "đt", "dt", "sđt", "sdt", "vd", "bhyt", "cmnd", "cccd", "đh",
}
_BOUNDARY_RE = re.compile(r"(?:[.!?;…]+|\.\.\.)[\"'”’)\]]*(?=\s)")
_LIST_NUM_RE = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-zA-Z]|[IVXivx]{1,4})[.)]$")
_WORD_BEFORE_RE = re.compile(r"([^\s.]+(?:\.[^\s.]+)*)\.$")
_NEXT_START_RE = re.compile(r"\s+[\"'“‘(\[]?(\w)")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        spans.append((pos, pos + len(body)))
        pos += len(line)
    return spans


def _strip(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def _split_line(text: str, s: int, e: int) -> list[int]:
    """Offsets inside text[s:e] where a new sentence starts."""
    cuts = []
    line = text[s:e]
    for m in _BOUNDARY_RE.finditer(line):
        end = m.end()
        nxt = _NEXT_START_RE.match(line, end)
        if not nxt or not (nxt.group(1).isupper() or nxt.group(1).isdigit()):
            continue
        punct = m.group()
        before = line[:m.start() + 1]
        if punct.startswith(".") and len(punct.rstrip("\"'”’)]")) == 1:
            if _LIST_NUM_RE.search(before):
                continue
            wm = _WORD_BEFORE_RE.search(before)
            if wm:
                word = wm.group(1)
                last = word.split(".")[-1].lower()
                if word.lower() in _NO_BREAK or last in _NO_BREAK:
                    continue
                if len(word) == 1 and word.isupper():  # an initial: Nguyễn V. An
                    continue
        cuts.append(s + end)
    return cuts


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (or form-line) spans ``(start, end)`` over ``text``, in order, without whitespace."""
    units: list[tuple[int, int]] = []
    for ls, le in _line_spans(text):
        st = _strip(text, ls, le)
        if st is None:
            continue
        s, e = st
        for c in _split_line(text, s, e):
            sp = _strip(text, s, c)
            if sp:
                units.append(sp)
            s = c
        sp = _strip(text, s, e)
        if sp:
            units.append(sp)
    return units
