"""Accent folding: `Tăng huyết áp` -> `Tang huyet ap`, `Đ` -> `D`, one character for one character.

On NFC text the folded string has the same length, so a match found in folded text has the same
offsets in the original (DESIGN §3).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache


def _build_table() -> dict[int, int]:
    table: dict[int, int] = {0x0110: ord("D"), 0x0111: ord("d")}
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            table[cp] = ord(base)
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """Remove Vietnamese diacritics, keeping case and length (on NFC text)."""
    return text.translate(_TABLE)


def fold_lower(text: str) -> str:
    """Folded and lower-cased; `str.lower` keeps length for Vietnamese letters."""
    got = _WORDS.get(text)
    if got is not None:
        return got
    if len(text) >= _CACHED_FROM:
        return _fold_lower_whole(text)
    got = text.translate(_TABLE).lower()
    if len(text) <= _WORD_MAX:
        if len(_WORDS) >= _WORDS_KEPT:
            _WORDS.clear()
        _WORDS[text] = got
    return got


def fold_lower_all(texts) -> list[str]:
    """`[fold_lower(t) for t in texts]` from one `translate` and one `str.lower` of the texts joined by newlines (a
    lexicon of 70 000 entries folds in a few milliseconds instead of one call each). Both act character by character;
    the one rule of `str.lower` that reads a neighbour (a final sigma) stops at a newline as at the end of a string,
    so each piece comes out as it would alone. A text holding a newline is folded on its own."""
    texts = list(texts)
    if any("\n" in t for t in texts):
        return [fold_lower(t) for t in texts]
    return fold("\n".join(texts)).lower().split("\n") if texts else []


# Words and short phrases are folded again and again (each recognizer folds the words it looks at, a table reader
# every word of every line): each one's folded form is kept, up to `_WORDS_KEPT` of them (then the dict starts
# afresh), so a repeat costs one dict look-up instead of a `translate` and a `lower`.
_WORD_MAX = 40
_WORDS_KEPT = 50_000
_WORDS: dict[str, str] = {}

# A note's whole text is folded by several components (the token view, sections, the report reader): the last few
# long texts are kept, so each is folded once (strings are immutable; a hit costs one hash and one comparison).
_CACHED_FROM = 256


@lru_cache(maxsize=8)
def _fold_lower_whole(text: str) -> str:
    return fold(text).lower()


def has_diacritics(text: str) -> bool:
    return fold(text) != text
