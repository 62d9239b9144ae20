"""Vietnamese syllable structure: validity check and tone-mark placement.

A syllable is onset + vowel nucleus + coda. Tone placement (both conventions agree except for the
open rhymes ``oa``, ``oe``, ``uy``):

- a vowel with a quality mark (``â ă ê ô ơ ư``) takes the tone; with two (``ươ``), the second;
- otherwise, with a final consonant, the last vowel of the nucleus (``hoàn``, ``huýt``);
- otherwise, three vowels: the middle one (``ngoài``, ``khuỷu``); two vowels: the first (``mái``,
  ``kìa``), except ``oa``, ``oe``, ``uy``: first in the old convention (``hòa``, ``thúy``), second in
  the new one (``hoà``, ``thuý``).

``qu`` and ``gi`` (before a vowel) belong to the onset: ``quý``, ``già``. Words that do not parse as
one Vietnamese syllable (``COVID``, ``café``) are never changed.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
QUALITY_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn
_VOWELS = set("aăâeêioôơuưy")
_MARKED = set("ăâêôơư")

_ONSET_RE = re.compile(r"(?:ngh|nh|ng|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?")
_CODA = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}
_NUCLEI = set(
    ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ôô", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "iêu", "yêu", "uơi"]
)
# rhymes ending in a glide or an open diphthong take no final consonant (no *tainh, *mian)
_NO_CODA = set(
    ["ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "iêu", "yêu", "uơi"]
)
# these only occur before a final consonant (ăn, tiên, muốn, người, chuyện)
_NEED_CODA = {"ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ"}


@lru_cache(maxsize=4096)
def _decompose_char(ch: str) -> tuple[str, str, bool] | None:
    """``Ộ`` -> (``ô``, dot below, True). None for anything that is not a Vietnamese letter."""
    low = ch.lower()
    upper = low != ch
    d = unicodedata.normalize("NFD", low)
    base = d[0]
    if base == "đ":
        return ("đ", "", upper) if len(d) == 1 else None
    if not ("a" <= base <= "z"):
        return None
    tone = ""
    quality = ""
    for m in d[1:]:
        if m in TONE_MARKS and not tone:
            tone = m
        elif m in QUALITY_MARKS and not quality:
            quality = m
        else:
            return None
    letter = unicodedata.normalize("NFC", base + quality)
    if len(letter) != 1 or (quality and letter not in _MARKED):
        return None
    return letter, tone, upper


def _parse(bases: str) -> tuple[int, int, int] | None:
    """(nucleus start, nucleus end, coda end) for a lower-case toneless syllable, or None."""
    m = _ONSET_RE.match(bases)
    onset_end = m.end() if m else 0
    onset = bases[:onset_end]
    # `gi` / `qu` count as onset only before a vowel; otherwise `i` / `u` is the nucleus (gìn, cu)
    if onset in ("gi", "qu") and (onset_end >= len(bases) or bases[onset_end] not in _VOWELS):
        onset_end = 1
    if onset == "q" or (onset_end == 1 and bases[0] == "q"):
        return None
    n_end = onset_end
    while n_end < len(bases) and bases[n_end] in _VOWELS:
        n_end += 1
    nucleus = bases[onset_end:n_end]
    coda = bases[n_end:]
    if not nucleus or nucleus not in _NUCLEI or coda not in _CODA:
        return None
    if (coda and nucleus in _NO_CODA) or (not coda and nucleus in _NEED_CODA):
        return None
    if coda in ("ch", "nh") and nucleus[-1] not in "aêiy":
        return None
    return onset_end, n_end, len(bases)


def tone_position(bases: str, style: str = "old") -> int | None:
    """Index (into ``bases``) of the vowel that carries the tone, or None if not a syllable."""
    parsed = _parse(bases)
    if parsed is None:
        return None
    n_start, n_end, end = parsed
    nucleus = bases[n_start:n_end]
    marked = [i for i, c in enumerate(nucleus) if c in _MARKED]
    if marked:
        return n_start + marked[-1]
    if n_end < end:  # closed syllable
        return n_end - 1
    if len(nucleus) == 1:
        return n_start
    if len(nucleus) == 3:
        return n_start + 1
    if nucleus in ("oa", "oe", "uy"):
        return n_start + (1 if style == "new" else 0)
    return n_start


def split_syllable(word: str) -> tuple[list[tuple[str, str, bool]], str] | None:
    """Letters of an NFC word as (base, tone, upper) and its one tone mark; None if not Vietnamese."""
    parts = []
    tone = ""
    for ch in word:
        dec = _decompose_char(ch)
        if dec is None:
            return None
        if dec[1]:
            if tone:
                return None  # two tone marks: not a syllable
            tone = dec[1]
        parts.append(dec)
    return parts, tone


def is_syllable(word: str) -> bool:
    """True if the NFC word is one well-formed Vietnamese syllable (any case, any tone)."""
    sp = split_syllable(word)
    if sp is None:
        return False
    return _parse("".join(p[0] for p in sp[0])) is not None


@lru_cache(maxsize=65536)
def place_tone(word: str, style: str = "old") -> str:
    """Move the tone mark of an NFC syllable to its conventional vowel. Other words unchanged."""
    sp = split_syllable(word)
    if sp is None:
        return word
    parts, tone = sp
    if not tone:
        return word
    bases = "".join(p[0] for p in parts)
    pos = tone_position(bases, style)
    if pos is None:
        return word
    current = next(i for i, p in enumerate(parts) if p[1])
    if current == pos:
        return word
    out = []
    for i, (base, _t, upper) in enumerate(parts):
        ch = unicodedata.normalize("NFC", base + tone) if i == pos else base
        out.append(ch.upper() if upper else ch)
    return "".join(out)
