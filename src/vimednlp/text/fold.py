"""Accent folding: `Tăng huyết áp` -> `Tang huyet ap`, `Đ` -> `D`, one character for one character.

On NFC text the folded string has the same length, so a match found in folded text has the same
offsets in the original (DESIGN §3).
"""
from __future__ import annotations

import unicodedata


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
    return fold(text).lower()


def has_diacritics(text: str) -> bool:
    return fold(text) != text
