"""Matching keys for terminology search: normalized, accent-folded, abbreviation-expanded, drug spelling.

Only used to *compare* strings; offsets are never taken from these keys.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache

from ..paths import resource_path
from ..text.fold import fold

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _tone_tables() -> tuple[re.Pattern, dict[str, str], re.Pattern, dict[str, str]]:
    """Old-style tone placement in open syllables (hoá -> hóa, thuỷ -> thủy, khoẻ -> khỏe; not quý) and
    the tone typed on the first vowel of ươ (đừơng -> đường), as NFC character tables."""
    nfc = lambda x: unicodedata.normalize("NFC", x)
    old: dict[str, str] = {}
    for o in "oOuU":
        for v in "aAeEyY":
            for t in _TONES:
                old[o + nfc(v + t)] = nfc(o + t) + v
    toned = "".join(sorted({k[1] for k in old}))
    uo: dict[str, str] = {}
    for u, o in (("ư", "ơ"), ("Ư", "Ơ"), ("ư", "Ơ"), ("Ư", "ơ")):
        for t in _TONES:
            uo[nfc(u + t) + o] = u + nfc(o + t)
    toned_u = "".join(sorted({k[0] for k in uo}))
    return (re.compile(rf"(?<![qQ])[oOuU][{toned}](?!\w)"), old,
            re.compile(rf"[{toned_u}][ơƠ]"), uo)


_OLD_TONE, _OLD_MAP, _UO_TONE, _UO_MAP = _tone_tables()
_PUNCT = re.compile(r"[^\w%]+|_")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=2)
def _rewrites(folded: bool = False) -> tuple[dict[tuple[str, ...], list[str]], int]:
    """Rewrite table keyed by word tuples, and the longest key in words.
    `folded`: the table for text written without diacritics (`ung thu` -> `u ác`)."""
    table: dict[tuple[str, ...], list[str]] = {}
    with open(resource_path("terminology", "query_rewrites.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
            src = _base_norm(row["from"])
            key = tuple((fold(src) if folded else src).split())
            table.setdefault(key, _base_norm(row["to"]).split())
    return table, max((len(k) for k in table), default=1)


@lru_cache(maxsize=1)
def _rewrites_by_fold() -> dict[tuple[str, ...], list[tuple[tuple[str, ...], list[str]]]]:
    """The table for text written with marks, keyed without them: (marked key, replacement) per folded key."""
    out: dict[tuple[str, ...], list[tuple[tuple[str, ...], list[str]]]] = {}
    for key, rep in _rewrites(False)[0].items():
        out.setdefault(tuple(fold(w) for w in key), []).append((key, rep))
    return out


def _partly_marked(key: tuple[str, ...], bare: list[bool]) -> list[str] | None:
    """A run written with marks on some words and none on others (`không phu thuộc insulin`: one mark dropped)
    read as the table's key when every marked word is the key's own word and a bare one only lost its marks."""
    if all(bare) or not any(bare):
        return None
    for marked, rep in _rewrites_by_fold().get(tuple(fold(w) for w in key), ()):
        if all(b or w == m for w, m, b in zip(key, marked, bare)):
            return rep
    return None


def _apply_rewrites(words: list[str], folded: bool) -> list[str]:
    """Longest-match-first rewrite of whole word sequences, one left-to-right pass. In text written with marks,
    a run of words left without any (`Ung thu vú`: marks dropped on some words only) is also looked up in the
    table for unmarked text, and a run with some of its marks dropped (`không phu thuộc`) as the marked key
    whose marked words it keeps."""
    table, longest = _rewrites(folded)
    bare_table = None if folded else _rewrites(True)[0]
    bare = [fold(w) == w for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            key = tuple(words[i:i + n])
            rep = table.get(key)
            if rep is None and bare_table is not None and all(bare[i:i + n]):
                rep = bare_table.get(key)
            if rep is None and not folded and n > 1:
                rep = _partly_marked(key, bare[i:i + n])
            if rep is not None:
                out.extend(rep)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _base_norm(text: str) -> str:
    t = unicodedata.normalize("NFC", text)
    t = _OLD_TONE.sub(lambda m: _OLD_MAP[m.group(0)], t)
    t = _UO_TONE.sub(lambda m: _UO_MAP[m.group(0)], t).lower()
    t = t.replace("đ", "đ").replace("\u0110", "đ")
    t = _PUNCT.sub(" ", t)
    return _SPACES.sub(" ", t).strip()


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """NFC, lower case, one tone-placement convention, punctuation to spaces, spelling rewrites
    (`típ`/`tuýp` -> `type`, `mãn` -> `mạn`, `mạn tính` -> `mạn`)."""
    t = _base_norm(text)
    folded = fold(t) == t
    words = _apply_rewrites(t.split(), folded)
    again = _apply_rewrites(words, folded)  # a second pass lets rewrites compose (insuline -> insulin -> type 2)
    return " ".join(again)


def fold_norm(text: str) -> str:
    return fold(norm(text))


_DOUBLE = re.compile(r"([a-z])\1+")
_DOSE = re.compile(r"\b\d+([.,]\d+)?\s*(mg|g|mcg|µg|ml|iu|ui|đv|%|mmol)\b.*$", re.IGNORECASE)


def drug_key(text: str) -> str:
    """Spelling-insensitive key for drug names: Amoxicillin = Amoxicilin, Ceftriaxone = Ceftriaxon,
    Cephalexin = Cefalexin, Chlorpheniramine = Clorpheniramin."""
    t = fold(_DOSE.sub("", norm(text)))
    t = t.replace("ph", "f").replace("th", "t").replace("ch", "c").replace("y", "i").replace("k", "c")
    words = []
    for w in re.split(r"[^a-z0-9]+", t):
        if not w:
            continue
        w = _DOUBLE.sub(r"\1", w)
        if len(w) > 4 and w.endswith("e"):
            w = w[:-1]
        words.append(w)
    return " ".join(words)


def strip_dose(text: str) -> str:
    return _DOSE.sub("", text).strip()


def abbreviations() -> dict[str, list[str]]:
    """Folded upper-case abbreviation -> expansions (both tables; see `expansion.dictionary`)."""
    from .expansion import dictionary

    return {k: list(v) for k, v in dictionary().items()}


def expand_abbreviations(text: str, context: str | None = None) -> list[str]:
    """Query variants with known abbreviations expanded (`ĐTĐ type 2` -> `đái tháo đường type 2`),
    most likely first; [] when the mention has none (see `expansion.variants`)."""
    from .expansion import variants

    return [v for v, _ in variants(text, context)]


@lru_cache(maxsize=1)
def _qualifiers() -> list[tuple[re.Pattern, bool, bool]]:
    """(pattern, is an acuity word, matched without marks) rows of qualifiers.tsv (acuity rows have a note
    starting `acuity`, body-site rows one starting `site`: those are written without marks and matched on the
    marks-removed text, so `ở bàn chân` and `o ban chan` are cut alike)."""
    with open(resource_path("terminology", "qualifiers.tsv"), encoding="utf-8") as f:
        rows = csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")
        return [(re.compile(r["pattern"]), (r.get("note") or "").startswith("acuity"),
                 (r.get("note") or "").startswith("site")) for r in rows]


def strip_qualifiers(n: str, acuity: bool = False) -> str:
    """The core of a normalized mention: grade, stage, laterality, body site, cue words removed; with
    `acuity=True` also `cấp` / `mạn` (`suy tim cấp` -> `suy tim`, a code system may have no acute form)."""
    from .canonical import splits_compound

    t = n
    for pat, is_acuity, folded in _qualifiers():
        if folded:
            t = _SPACES.sub(" ", t).strip()  # (a site row is anchored at the end)  # fold keeps the length of NFC text: the spans found without marks cut the marked text
            for m in reversed(list(pat.finditer(fold(t)))):
                before, cut = t[:m.start()].split(), t[m.start():m.end()].split()
                if before and cut and splits_compound(before[-1], cut[0]):
                    continue  # the site begins inside a body part (`đau đầu | ngón tay`): not a qualifier
                t = t[:m.start()] + " " + t[m.end():]
        elif acuity or not is_acuity:
            t = pat.sub(" ", t)
    return _SPACES.sub(" ", t).strip()


_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}


@lru_cache(maxsize=1)
def _qualifier_features() -> list[tuple[str, str, re.Pattern]]:
    path = resource_path("terminology", "qualifier_features.tsv")
    out = []
    with open(path, encoding="utf-8") as f:
        lines = [(i, ln) for i, ln in enumerate(f, 1) if ln.strip() and not ln.startswith("#")]
    for n, (line_no, ln) in enumerate(lines):
        cols = ln.rstrip("\n").split("\t")
        if n == 0 and cols[:3] == ["feature", "value", "pattern"]:
            continue
        if len(cols) < 3 or not cols[0] or not cols[1] or not cols[2]:
            raise ValueError(f"{path}:{line_no}: expected feature<TAB>value<TAB>pattern")
        try:
            out.append((cols[0], cols[1], re.compile(cols[2])))
        except re.error as e:
            raise ValueError(f"{path}:{line_no}: bad pattern ({e})") from None
    return out


@lru_cache(maxsize=65536)
def qualifier_features(n: str) -> frozenset[tuple[str, str]]:
    """Stage, type, acuity and laterality written in a normalized text: `suy thận mạn giai đoạn 3` ->
    {(acuity, chronic), (stage, 3)}. Roman numerals are read as digits (`thời kỳ i` -> 1)."""
    found = set()
    for feature, value, pat in _qualifier_features():
        for m in pat.finditer(n):
            v = m.group(1) if value == "\\1" else value
            found.add((feature, _ROMAN.get(v, v)))
    return frozenset(found)
