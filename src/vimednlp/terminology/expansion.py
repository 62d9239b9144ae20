"""Abbreviations in a mention, expanded before ranking: `SHH cấp` -> `suy hô hấp cấp`, `Hạ Na máu` ->
`hạ natri máu`, `sxh` -> `sốt xuất huyết`.

Candidates come from two tables (data, not code): the terminology room's query-side table
(`resources/terminology/abbreviations.tsv`, with English and laboratory shorthand) and the clinical
abbreviation dictionary (`vimednlp.text.abbreviations`, its disease / symptom / sign / anatomy / test /
procedure rows, ambiguous ones included). An abbreviation with several expansions (`K` = ung thư |
kali) gives one query variant per expansion; the order comes from the acrDrAid-style disambiguator
(`vimednlp.text.acronyms.AcronymDisambiguator`) when a trained model is set (`set_disambiguator`, or
a saved model folder in `$VIMEDNLP_ACRONYM_MODEL`), otherwise from the dictionaries. The ranker then
scores every variant against the code system, so an expansion that names no condition (`hạ ung thư
máu`) finds nothing and the one that does (`hạ kali máu`) wins; a variant further down the order scores
a little lower (`rank`).
"""
from __future__ import annotations

import csv
import logging
import os
import re
import threading
from functools import lru_cache
from itertools import product
from pathlib import Path

from ..paths import resource_path
from ..text.fold import fold
from ..text.syllable import is_syllable

log = logging.getLogger(__name__)

MODEL_ENV = "VIMEDNLP_ACRONYM_MODEL"
MAX_VARIANTS = 8
# categories of the clinical dictionary that can name (part of) a diagnosis
CLINICAL_CATEGORIES = frozenset({"disease", "symptom", "sign", "anatomy", "test", "procedure"})
_TOKEN = re.compile(r"\w+(?:[-/]\w+)*", re.UNICODE)

_LOCK = threading.Lock()
_MODEL: dict[str, object] = {}   # "model" -> AcronymDisambiguator, "env" -> the path it came from


def _key(abbr: str) -> str:
    return fold(abbr).upper()


@lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[str, ...]]:
    """Folded upper-case abbreviation -> expansions, most likely first (the terminology table's rows
    first, then the clinical dictionary's)."""
    out: dict[str, list[str]] = {}
    path = resource_path("terminology", "abbreviations.tsv")
    with open(path, encoding="utf-8") as f:
        lines = [(i, ln) for i, ln in enumerate(f, 1) if ln.strip() and not ln.startswith("#")]
    for row_no, row in enumerate(csv.reader((ln for _, ln in lines), delimiter="\t")):
        if row_no == 0 and row[:2] == ["abbr", "expansion"]:
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise ValueError(f"{path}:{lines[row_no][0]}: expected abbr<TAB>expansion")
        lst = out.setdefault(_key(row[0].strip()), [])
        if row[1].strip() not in lst:
            lst.append(row[1].strip())
    from ..text.abbreviations import abbreviations as clinical_abbreviations

    for a in clinical_abbreviations().values():
        if a.category not in CLINICAL_CATEGORIES:
            continue
        lst = out.setdefault(_key(a.abbr), [])
        lst.extend(e for e in a.expansions if e not in lst)
    return {k: tuple(v) for k, v in out.items()}


def looks_abbreviated(token: str, first: bool) -> bool:
    """Whether a written token can be an abbreviation rather than a Vietnamese word: capitals after its
    first letter (`THA`, `SpO2`), a capital that does not start the mention (`Hạ Na máu`), or letters
    that make no Vietnamese syllable (`sxh`, `nmct`). `tha`, `ho` and a mention's first word `Ho` stay
    words."""
    if any(ch.isupper() for ch in token[1:]):
        return True
    if token[:1].isupper() and not first:
        return True
    return not is_syllable(token)


# --- the disambiguator ---------------------------------------------------------------------------------
def set_disambiguator(model=None) -> None:
    """Use a trained `AcronymDisambiguator` (or the path of a saved one) to order the expansions of
    ambiguous abbreviations; None goes back to dictionary order (and to `$VIMEDNLP_ACRONYM_MODEL`)."""
    if model is not None and not hasattr(model, "predict_scores"):
        from ..text.acronyms import AcronymDisambiguator

        model = AcronymDisambiguator.load(Path(model))
    with _LOCK:
        _MODEL.clear()
        if model is not None:
            _MODEL["model"] = model
            _MODEL["env"] = None


def get_disambiguator():
    """The model in use: the one set, else the one saved at `$VIMEDNLP_ACRONYM_MODEL`, else None."""
    with _LOCK:
        if "model" in _MODEL and _MODEL.get("env") is None:
            return _MODEL["model"]
        env = os.environ.get(MODEL_ENV) or None
        if _MODEL.get("env") == env and "model" in _MODEL:
            return _MODEL["model"]
        _MODEL.clear()
        if env is None:
            return None
        from ..text.acronyms import AcronymDisambiguator

        try:
            model = AcronymDisambiguator.load(Path(env))
        except (OSError, ValueError) as e:
            raise ValueError(f"${MODEL_ENV}={env}: not a saved abbreviation model ({e})") from None
        _MODEL.update(model=model, env=env)
        return model


def _ordered(token: str, start: int, end: int, text: str, cands: tuple[str, ...]) -> list[str]:
    """The candidates of one abbreviation, most likely first in this context."""
    model = get_disambiguator()
    if model is None:
        return list(cands)
    from ..text.acronyms import AcronymExample

    extra = [c for c in model.candidates(token) if c not in cands]
    every = list(cands) + extra
    if len(every) < 2:
        return every
    scores = model.predict_scores([AcronymExample(text, start, end)])[0]
    # candidates the model does not know keep their dictionary place after the ones it scored
    known = sorted((c for c in every if c in scores), key=lambda c: -scores[c])
    return known + [c for c in every if c not in scores]


def variants(text: str, context: str | None = None) -> list[tuple[str, int]]:
    """(mention with abbreviations expanded, rank) pairs; rank 0 = every abbreviation's first
    expansion, each step down an abbreviation's order adds 1. [] when nothing was expanded.

    context: the sentence or note around the mention, read by the disambiguator only."""
    table = dictionary()
    found = []
    for i, m in enumerate(_TOKEN.finditer(text)):
        tok = m.group(0)
        cands = table.get(_key(tok))
        if not cands or not looks_abbreviated(tok, first=i == 0):
            continue
        ctx, off = text, 0
        if context:
            at = context.find(text)
            if at >= 0:
                ctx, off = context, at
        found.append((m.start(), m.end(), _ordered(tok, off + m.start(), off + m.end(), ctx, cands)))
    if not found:
        return []
    out: list[tuple[str, int]] = []
    for choice in product(*(list(enumerate(c)) for _, _, c in found)):
        rank = sum(r for r, _ in choice)
        pieces, pos = [], 0
        for (s, e, _), (_, exp) in zip(found, choice):
            pieces.append(text[pos:s])
            pieces.append(exp)
            pos = e
            # the word the expansion ends with written again after it (`OA khớp háng` -> thoái hóa khớp háng)
            last = exp.split()[-1] if exp.split() else ""
            rep = re.match(r"\s+" + re.escape(last) + r"(?=\s|$)", text[pos:], re.IGNORECASE) if last else None
            if rep and len(exp.split()) > 1:
                pos += rep.end()
        pieces.append(text[pos:])
        out.append(("".join(pieces), rank))
    out.sort(key=lambda x: x[1])
    return out[:MAX_VARIANTS]


def clear_caches() -> None:
    dictionary.cache_clear()
