"""Vietnamese clinical abbreviations: lookup and offset-keeping expansion.

The dictionary is a plain TSV file (``resources/text/abbreviations.tsv``): abbreviation, expansions
(``|``-separated, most frequent first), ambiguity flag, category. Ambiguous abbreviations (``TD`` =
theo dõi / tràn dịch, ``BC`` = bạch cầu / biến chứng) are never expanded automatically.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..paths import resource_path
from .alignment import Alignment, apply_edits
from .fold import fold

ABBREVIATIONS_FILE = "abbreviations.tsv"


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    expansions: tuple[str, ...]
    ambiguous: bool
    category: str

    @property
    def expansion(self) -> str | None:
        """The expansion when unambiguous, else None."""
        return None if self.ambiguous else self.expansions[0]


def load_abbreviations(path=None) -> dict[str, Abbreviation]:
    """Read an abbreviation TSV; raises ValueError naming the file and line of a bad row."""
    p = path or resource_path("text", ABBREVIATIONS_FILE)
    out: dict[str, Abbreviation] = {}
    with open(p, encoding="utf-8") as fh:
        header_seen = False
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header_seen:
                header_seen = True
                if cols[0] == "abbr":
                    continue
            if len(cols) != 4 or cols[2] not in ("0", "1") or not cols[0] or not cols[1]:
                raise ValueError(f"{p}:{lineno}: expected 4 tab-separated columns "
                                 "(abbr, expansions, ambiguous 0/1, category)")
            abbr = unicodedata.normalize("NFC", cols[0])
            if abbr in out:
                raise ValueError(f"{p}:{lineno}: duplicate abbreviation {abbr!r}")
            exps = tuple(unicodedata.normalize("NFC", e.strip()) for e in cols[1].split("|"))
            out[abbr] = Abbreviation(abbr, exps, cols[2] == "1" or len(exps) > 1, cols[3])
    return out


@lru_cache(maxsize=1)
def _default() -> dict[str, Abbreviation]:
    return load_abbreviations()


def abbreviations() -> dict[str, Abbreviation]:
    """All bundled abbreviations, keyed by their written form."""
    return dict(_default())


@lru_cache(maxsize=1)
def _folded_index() -> dict[str, list[Abbreviation]]:
    idx: dict[str, list[Abbreviation]] = {}
    for a in _default().values():
        idx.setdefault(fold(a.abbr).upper(), []).append(a)
    return idx


def lookup(abbr: str) -> Abbreviation | None:
    """Exact match first, then case- and accent-insensitive (``tha``, ``DTD``) when unique."""
    table = _default()
    key = unicodedata.normalize("NFC", abbr.strip())
    if key in table:
        return table[key]
    hits = _folded_index().get(fold(key).upper(), [])
    return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=1)
def _expand_re() -> re.Pattern:
    keys = sorted((a.abbr for a in _default().values() if not a.ambiguous), key=len, reverse=True)
    alt = "|".join(re.escape(k) for k in keys)
    return re.compile(rf"(?<![\w./-])(?:{alt})(?![\w-]|\.\w)")


_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")


def _in_caps_run(text: str, s: int, e: int) -> bool:
    """A heading in capitals (``SA TỬ CUNG``) is words, not abbreviations."""
    before = _CAPS_WORD.findall(text[max(0, s - 30):s])
    after = _CAPS_WORD.findall(text[e:e + 30])
    near = before[-1:] + after[:1]
    table = _default()
    return any(w.isupper() and w not in table and fold(w) != w for w in near)


def expand(text: str, *, keep_abbreviation: bool = False) -> tuple[str, Alignment]:
    """Expand unambiguous abbreviations; return the new text and an alignment to ``text``.

    ``keep_abbreviation=True`` writes ``expansion (ABBR)`` instead of the expansion alone.
    ``alignment.to_original(s, e)`` maps any span of the expanded text back to ``text``.
    """
    table = _default()
    edits: list[tuple[int, int, str]] = []
    for m in _expand_re().finditer(text):
        s, e = m.span()
        if _in_caps_run(text, s, e):
            continue
        a = table[m.group()]
        edits.append((s, e, f"{a.expansions[0]} ({a.abbr})" if keep_abbreviation else a.expansions[0]))
    return apply_edits(text, edits)
