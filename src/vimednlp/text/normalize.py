"""Offset-keeping normalization of Vietnamese text.

``normalize(text)`` returns the normalized text, the input, and an :class:`Alignment` between them:

1. legacy TCVN3 / VNI text (decoded as cp1252 or latin-1) is detected and converted;
2. in one regular-expression pass: every letter run is put in NFC and its tone mark moved to one
   convention (``tone="old"``: ``hòa``, ``thúy``; ``"new"``: ``hoà``, ``thuý``); ``\\r\\n`` / ``\\r`` and
   other line separators become ``\\n``; NBSP, tabs and other spaces become one space each;
   zero-width characters and soft hyphens are removed; curly quotes become ``"`` / ``'``; dashes and
   the minus sign become ``-``; ``…`` becomes ``...``.

Every change is recorded as an atomic segment of the alignment, so each span of the normalized text
maps back to exact code-point offsets in the input (see ``docs/text.md``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .alignment import Alignment
from .legacy import CONVERTERS, detect_legacy
from .syllable import place_tone

TONE_STYLES = ("old", "new")

_ZW = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACES = "\u00a0\t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_CHAR_MAP = {
    **{c: " " for c in _SPACES},
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...",
}
_LETTER = r"[^\W\d_]"
_MARK = r"[\u0300-\u036f]"
_UNIT_RE = re.compile(
    # a letter run; zero-width characters inside it belong to it (they are dropped, and the letters
    # on both sides must be toned as one word, or a second pass would move the tone again)
    rf"(?P<word>(?:{_LETTER}|{_MARK})(?:{_LETTER}|{_MARK}|[{_ZW}]+(?={_LETTER}|{_MARK}))*)"
    r"|(?P<nl>\r\n?|[\u2028\u2029\x0b\x0c\x85])"
    rf"|(?P<zw>[{_ZW}]+)"
    rf"|(?P<ch>[{''.join(re.escape(c) for c in _CHAR_MAP)}])"
)


_SPECIAL = (
    r"(?P<nl>\r\n?|[\u2028\u2029\x0b\x0c\x85])"
    rf"|(?P<zw>[{_ZW}]+)"
    rf"|(?P<ch>[{''.join(re.escape(c) for c in _CHAR_MAP)}])"
)


def _vowel_classes() -> tuple[str, str]:
    vowels, toned = set(), set()
    for cp in list(range(0x41, 0x7B)) + list(range(0xC0, 0x1B1)) + list(range(0x1EA0, 0x1EFA)):
        ch = chr(cp)
        d = unicodedata.normalize("NFD", ch.lower())
        if d[0] in "aeiouy" and all(m in "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b" for m in d[1:]):
            vowels.add(ch)
            if any(m in "\u0300\u0301\u0303\u0309\u0323" for m in d[1:]):
                toned.add(ch)
    return "".join(sorted(vowels)), "".join(sorted(toned))


_VOW, _TON = _vowel_classes()
# On NFC text only a letter run with a toned vowel next to another vowel can change (tone placement)
_PAIR_RE = re.compile(rf"[{_TON}][{_VOW}]|[{_VOW}][{_TON}]")
_LETTER_CH = re.compile(_LETTER)
_LETTERS_RE = re.compile(rf"{_LETTER}*")
_SPECIAL_RE = re.compile(_SPECIAL)
# a zero-width char between letters joins them into one letter run: the fast path cannot see that
_MARK_OR_ZW_RE = re.compile(rf"{_MARK}|[{_ZW}]")


def _fast_edits(text: str, tone: str) -> list[tuple[int, int, str]]:
    """Edits for text without combining marks: tone placement and special characters.

    Only a letter run holding a toned vowel next to another vowel can change; find those pairs and
    widen each to its letter run.
    """
    edits: list[tuple[int, int, str]] = []
    last = -1
    letter_ch = _LETTER_CH.match
    for m in _PAIR_RE.finditer(text):
        s = m.start()
        if s < last:
            continue  # same letter run as the previous pair
        while s > 0 and letter_ch(text, s - 1):
            s -= 1
        e = _LETTERS_RE.match(text, m.end()).end()
        last = e
        w = text[s:e]
        rep = _norm_word(w, tone)
        if rep != w:
            edits.extend((s + a, s + b, r) for a, b, r in _letter_edits(w, rep))
    specials = []
    for m in _SPECIAL_RE.finditer(text):
        kind = m.lastgroup
        rep = "\n" if kind == "nl" else "" if kind == "zw" else _CHAR_MAP[m.group()]
        if rep != m.group():
            specials.append((m.start(), m.end(), rep))
    if specials:
        edits = sorted(edits + specials)
    return edits


@dataclass(frozen=True)
class NormalizedText:
    """Result of :func:`normalize`: ``text`` (normalized), ``original`` (input), ``alignment``."""

    text: str
    original: str
    alignment: Alignment
    legacy: str | None = None  # "tcvn3" / "vni" when a legacy encoding was converted

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.alignment.to_original(start, end)

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        return self.alignment.to_normalized(start, end)

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=65536)
def _norm_word(word: str, tone: str) -> str:
    return place_tone(unicodedata.normalize("NFC", word.translate(_ZW_DELETE)), tone)


_ZW_DELETE = {ord(c): None for c in _ZW}


_CLUSTER_RE = re.compile(rf"(?:{_MARK}|[{_ZW}])+|.(?:{_MARK}|[{_ZW}])*", re.DOTALL)


@lru_cache(maxsize=65536)
def _letter_edits(word: str, rep: str) -> tuple[tuple[int, int, str], ...]:
    """Edits ``(start, end, replacement)`` relative to the word that turn ``word`` into ``rep``, one per
    changed letter where letters correspond one to one (a tone move ``hoà`` -> ``hòa``, a composition
    ``e\u0301`` -> ``é``, both at once), so any letter boundary maps back exactly; else one edit."""
    if len(rep) == len(word):
        return tuple((i, i + 1, r) for i, (c, r) in enumerate(zip(word, rep)) if c != r)
    clusters = [m.span() for m in _CLUSTER_RE.finditer(word)]
    if len(clusters) == len(rep):
        return tuple((a, b, r) for (a, b), r in zip(clusters, rep) if word[a:b] != r)
    return ((0, len(word), rep),)


def _pass(text: str, tone: str) -> tuple[str, Alignment]:
    if not _MARK_OR_ZW_RE.search(text):
        fast = _fast_edits(text, tone)
        if not fast:
            return text, Alignment.identity(len(text))
        out = []
        pos = 0
        for s, e, rep in fast:
            out.append(text[pos:s])
            out.append(rep)
            pos = e
        out.append(text[pos:])
        return "".join(out), Alignment.from_edits(len(text), [(s, e, len(r)) for s, e, r in fast])
    out: list[str] = []
    edits: list[tuple[int, int, int]] = []
    pos = 0
    for m in _UNIT_RE.finditer(text):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "word":
            w = m.group()
            if w.isascii():
                continue
            rep = _norm_word(w, tone)
            if rep != w:
                # one edit per changed letter, so any letter boundary stays exact
                for cs, ce, crep in _letter_edits(w, rep):
                    cs, ce = cs + s, ce + s
                    out.append(text[pos:cs])
                    out.append(crep)
                    edits.append((cs, ce, len(crep)))
                    pos = ce
            continue
        elif kind == "nl":
            rep = "\n"
        elif kind == "zw":
            rep = ""
        else:
            rep = _CHAR_MAP[m.group()]
        if rep == m.group():
            continue
        out.append(text[pos:s])
        out.append(rep)
        edits.append((s, e, len(rep)))
        pos = e
    if not edits:
        return text, Alignment.identity(len(text))
    out.append(text[pos:])
    return "".join(out), Alignment.from_edits(len(text), edits)


def normalize(text: str, *, tone: str = "old", legacy: str | None = "auto") -> NormalizedText:
    """Normalize Vietnamese text, keeping an alignment to the input.

    ``tone``: ``"old"`` (``hòa``, ``thúy``) or ``"new"`` (``hoà``, ``thuý``); only the tone position of
    ``oa``/``oe``/``uy`` open syllables differs, misplaced tones (``tóan``) are fixed in both.
    ``legacy``: ``"auto"`` (detect TCVN3/VNI), ``"tcvn3"``, ``"vni"``, or None (never convert).
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize expects str, got {type(text).__name__}")
    if tone not in TONE_STYLES:
        raise ValueError(f"tone must be one of {TONE_STYLES}, got {tone!r}")
    if legacy not in (None, "auto", *CONVERTERS):
        raise ValueError(f"legacy must be None, 'auto', 'tcvn3' or 'vni', got {legacy!r}")
    used = detect_legacy(text) if legacy == "auto" else legacy
    if used is not None:
        stage1, align1 = CONVERTERS[used](text)
    else:
        stage1, align1 = text, None
    out, align2 = _pass(stage1, tone)
    alignment = align1.then(align2) if align1 is not None else align2
    return NormalizedText(out, text, alignment, used)
