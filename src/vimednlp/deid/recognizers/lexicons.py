"""Lexicons and cue lists loaded once per process from `resources/deid/` (plain data files)."""
from __future__ import annotations

import json
from functools import lru_cache

from ...paths import resource_path
from ...text.fold import fold_lower
from .base import Gazetteer, PhraseSet, phrase_key, phrase_set


def _lines(*parts: str) -> list[str]:
    text = resource_path("deid", *parts).read_text(encoding="utf-8")
    return [x.strip() for x in text.splitlines() if x.strip() and not x.startswith("#")]


def _tsv(*parts: str) -> list[list[str]]:
    return [r.split("\t") for r in _lines(*parts)[1:]]


@lru_cache(maxsize=1)
def cues() -> dict:
    raw = json.loads(resource_path("deid", "cues.json").read_text(encoding="utf-8"))
    out: dict = {}
    for k, v in raw.items():
        if k.startswith("_"):
            continue
        if isinstance(v, dict):
            out[k] = {kk: phrase_set(vv) for kk, vv in v.items()}
        else:
            out[k] = phrase_set(v)
    return out


@lru_cache(maxsize=1)
def names() -> dict[str, frozenset[str]]:
    """Folded lower-case name syllables: surname, middle, given (both genders)."""
    # both the folded and the exact lower-case forms: names are matched on `Context.ktoks`
    f = lambda xs: PhraseSet([fold_lower(x) for x in xs] + [x.lower() for x in xs])
    compound = phrase_set(_lines("names", "surnames_compound.txt"))
    return {
        "surname": f(_lines("names", "surnames.txt")),
        "compound": compound,
        "middle": f(_lines("names", "middle.txt") + _lines("names", "middle_extra.txt")),
        "given": f(_lines("names", "given_male.txt") + _lines("names", "given_female.txt")
                   + _lines("names", "given_extra.txt")),
        # romanised Korean / Chinese / Japanese / Khmer ... surnames: only with a foreign-looking given name
        "foreign": f(_lines("names", "surnames_foreign.txt")),
        # Gia Rai / Ê Đê two-word surnames ('Rơ Châm'): distinctive enough to open a name without a cue
        "compound_highlands": phrase_set(_lines("names", "surnames_compound_extra.txt")),
    }


@lru_cache(maxsize=1)
def places() -> dict[str, dict[str, str]]:
    """Folded phrase -> kind for provinces (both schemes), districts (2019) and wards (both schemes)."""
    prov = Gazetteer()
    for scheme, _code, _type, name in _tsv("locations", "provinces.tsv"):
        prov[phrase_key(name)] = "province"
    for name in json.loads(resource_path("deid", "cues.json").read_text(encoding="utf-8"))["location_places"]:
        prov[phrase_key(name)] = "city"
    dist = Gazetteer()
    for _p, _t, name in _tsv("locations", "districts_2019.tsv"):
        dist[phrase_key(name)] = "district"
    wards = Gazetteer()
    for row in _tsv("locations", "wards_2019.tsv"):
        wards[phrase_key(row[-1])] = "ward"
    for row in _tsv("locations", "wards_2025.tsv"):
        wards[phrase_key(row[-1])] = "ward"
    raw = json.loads(resource_path("deid", "cues.json").read_text(encoding="utf-8"))
    foreign = Gazetteer({phrase_key(x): "foreign" for x in raw["foreign_places"]})
    return {"province": prov, "district": dist, "ward": wards, "foreign": foreign}


@lru_cache(maxsize=1)
def max_place_len() -> int:
    return max(len(k.split()) for d in places().values() for k in d) + 2
