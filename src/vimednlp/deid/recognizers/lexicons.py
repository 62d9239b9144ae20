"""Lexicons and cue lists loaded once per process from `resources/deid/` (plain data files)."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path


from ...paths import load_yaml, resource_path
from ...text.fold import fold, fold_lower
from ...text.tokenizer import tokenize
from ...text.units import units as shared_units
from .base import Gazetteer, PhraseSet, phrase_key, phrase_set


def _lines(*parts: str) -> list[str]:
    text = resource_path("deid", *parts).read_text(encoding="utf-8")
    return [x.strip() for x in text.splitlines() if x.strip() and not x.startswith("#")]


def _tsv(*parts: str) -> list[list[str]]:
    return [r.split("\t") for r in _lines(*parts)[1:]]


@lru_cache(maxsize=1)
def cues_raw() -> dict:
    """cues.json as written (lists of phrases)."""
    return json.loads(resource_path("deid", "cues.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def cues() -> dict:
    raw = cues_raw()
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
    for name in cues_raw()["location_places"]:
        prov[phrase_key(name)] = "city"
    dist = Gazetteer()
    for _p, _t, name in _tsv("locations", "districts_2019.tsv"):
        dist[phrase_key(name)] = "district"
    wards = Gazetteer()
    for row in _tsv("locations", "wards_2019.tsv"):
        wards[phrase_key(row[-1])] = "ward"
    for row in _tsv("locations", "wards_2025.tsv"):
        wards[phrase_key(row[-1])] = "ward"
    foreign = Gazetteer({phrase_key(x): "foreign" for x in cues_raw()["foreign_places"]})
    return {"province": prov, "district": dist, "ward": wards, "foreign": foreign}


@lru_cache(maxsize=1)
def unit_spellings() -> frozenset[str]:
    """Address-unit words as written in cues.json (lower case, with their marks, tokens joined by one space)."""
    return frozenset(" ".join(t.text.lower() for t in tokenize(p)) for p in cues_raw()["location_unit"])


@lru_cache(maxsize=1)
def domestic_exact() -> frozenset[str]:
    """Province, city and district names in lower case with their diacritics."""
    # ('chũ', a town, is not 'chủ')
    return frozenset([row[-1].lower() for row in _tsv("locations", "provinces.tsv")]
                     + [row[-1].lower() for row in _tsv("locations", "districts_2019.tsv")]
                     + [x.lower() for x in cues_raw()["location_places"]])


@lru_cache(maxsize=1)
def ward_exact() -> frozenset[str]:
    """Ward and commune names (2019 and 2025 lists) in lower case with their diacritics."""
    return frozenset([row[-1].lower() for row in _tsv("locations", "wards_2025.tsv")]
                     + [row[-1].lower() for row in _tsv("locations", "wards_2019.tsv")])


@lru_cache(maxsize=1)
def foreign_exact() -> frozenset[str]:
    """Foreign place names in lower case with their diacritics."""
    # ('bỉ' is Belgium, 'bị' is not)
    return frozenset(x.lower() for x in cues_raw()["foreign_places"])


@lru_cache(maxsize=1)
def org_names() -> Gazetteer:
    """Well-known organisation names (ministries, CDCs, airlines) as a gazetteer keyed like places()."""
    return Gazetteer({phrase_key(x): "org" for x in cues_raw()["org_names"]})


@lru_cache(maxsize=1)
def max_place_len() -> int:
    return max(len(k.split()) for d in places().values() for k in d) + 2


# --- word lists of the procedural recognizers: resources/deid/vocab/<module>.yaml --------------------------------
#
# Each key of a vocabulary file is one of:
#   key: [a, b, c]                      the words as written (every scalar is a string: `no`, `on`, `115` stay text)
#   key: {fold: [ngày, tuần], plain: [...]}
#                                       each `fold` word followed by its form without marks (`ngày`, `ngay`), then
#                                       the `plain` words as written
#   key: {map: {không: 0, ...}}         a word -> value table (values stay strings; the recognizer converts them)
#   key: 'regex or word'                one string; in it `(?~:a|b)` is a group whose branches are each followed by
#                                       their form without marks (`(?:uống|uong|tiêm|tiem)`), and `{{other}}` is the
#                                       entry `other` written earlier in the same file: a list as the alternation
#                                       `a|b|c` (its items are regex text), a string as it is
#   key: {join: [part, part]}           one string written in parts (a long regex), joined as they are
#   key: [{regex: ..., ...}, ...]       records (allow-list patterns): each `regex` (a string or parts) expanded as
#                                       above, where `{{units:<column>}}` is a column of the shared units table
#                                       (resources/units.tsv), each unit followed by its form without marks

_FOLD_GROUP = re.compile(r"\(\?~:([^()]*)\)")
_LIST_REF = re.compile(r"\{\{(\w+)(?::(\w+))?\}\}")


def with_folded(words) -> list[str]:
    """Each word followed by its form without marks when that differs and is not already listed."""
    out: list[str] = []
    seen: set[str] = set()
    for w in words:
        for x in (w, fold(w)):
            if x not in seen:
                seen.add(x)
                out.append(x)
    return out


def _expand(pattern: str, done: dict, where: str) -> str:
    def ref(m: re.Match) -> str:
        if m.group(2):  # {{units:value}}: a column of the shared units table, each unit with its unmarked form
            if m.group(1) != "units":
                raise ValueError(f"{where}: '{m.group(0)}' names no shared table (only 'units:<column>')")
            return "|".join(with_folded(shared_units(m.group(2))))
        got = done.get(m.group(1))
        if isinstance(got, tuple):
            return "|".join(got)
        if isinstance(got, str):
            return got
        raise ValueError(f"{where}: '{{{{{m.group(1)}}}}}' names no list or string written before it in this file")

    pattern = _LIST_REF.sub(ref, pattern)
    return _FOLD_GROUP.sub(lambda m: "(?:" + "|".join(with_folded(m.group(1).split("|"))) + ")", pattern)


def _strings(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) and x for x in value):
        raise ValueError(f"{where}: expected a list of non-empty strings")
    return value


def _record(item: dict, done: dict, where: str) -> dict:
    """One record of a list of records (an allow-list pattern): its `regex`, a string or parts to join, expanded."""
    regex = item.get("regex")
    if isinstance(regex, list):
        regex = "".join(_strings(regex, where + ".regex"))
    if not isinstance(regex, str) or not regex:
        raise ValueError(f"{where}: a record needs a 'regex' (a string or a list of parts)")
    return dict(item, regex=_expand(regex, done, where + ".regex"))


@lru_cache(maxsize=64)
def vocab(name: str) -> dict:
    """The word lists, tables and regex fragments of `resources/deid/vocab/<name>.yaml` (read once)."""
    return read_vocab(resource_path("deid", "vocab", f"{name}.yaml"))


def read_vocab(path) -> dict:
    """One vocabulary file (the forms above); a malformed entry raises ValueError naming the file and the key."""
    raw = load_yaml(Path(path).read_text(encoding="utf-8"), plain=True)  # every scalar a string
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping of names to word lists")  # noqa: TRY004
    out: dict = {}
    for key, value in raw.items():
        where = f"{path}: {key}"
        if isinstance(value, list) and value and all(isinstance(x, dict) for x in value):
            out[key] = tuple(_record(x, out, f"{where}[{k}]") for k, x in enumerate(value))
        elif isinstance(value, list):
            out[key] = tuple(_strings(value, where))
        elif isinstance(value, dict) and set(value) <= {"fold", "plain"} and value:
            out[key] = tuple(with_folded(_strings(value.get("fold", []), where + ".fold"))
                             + _strings(value.get("plain", []), where + ".plain"))
        elif isinstance(value, dict) and set(value) == {"map"} and isinstance(value["map"], dict):
            out[key] = dict(value["map"])
        elif isinstance(value, dict) and set(value) == {"join"}:
            out[key] = _expand("".join(_strings(value["join"], where + ".join")), out, where)
        elif isinstance(value, str):
            out[key] = _expand(value, out, where)
        else:
            raise ValueError(f"{where}: expected a list, {{fold, plain}}, {{map}}, {{join}} or a string")
    return out


_FLAGS = ("needs_value", "numeric", "spoken", "upper_case_ok", "admin", "headed", "dot", "post_level", "lower_marked")


@lru_cache(maxsize=1)
def address_units() -> tuple[dict[str, str], ...]:
    """Rows of `resources/deid/vocab/address_units.tsv`: one address-unit spelling each (folded `unit`, `written`
    with its marks, `level`, the full form it abbreviates, and yes/no flags; see vocab/README.md)."""
    return read_address_units(resource_path("deid", "vocab", "address_units.tsv"))


def read_address_units(path) -> tuple[dict[str, str], ...]:
    """An address-unit table; a malformed row raises ValueError naming the file, the line and the column."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    head = lines[0].split("\t")
    rows = []
    for no, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(head):
            raise ValueError(f"{path}:{no}: {len(cells)} columns, the header has {len(head)}")
        row = dict(zip(head, cells))
        for flag in _FLAGS:
            if row.get(flag) not in ("yes", "no"):
                raise ValueError(f"{path}:{no}: column {flag!r} must be yes or no")
        if fold_lower(row["written"]) != row["unit"]:
            raise ValueError(f"{path}:{no}: 'unit' must be 'written' without its marks, in lower case")
        rows.append(row)
    return tuple(rows)


@lru_cache(maxsize=64)
def address_unit_set(flag: str, column: str = "unit") -> frozenset[str]:
    """The `column` of the address units flagged 'yes' in `flag` ('numeric', 'spoken', 'upper_case_ok', ...)."""
    if flag not in _FLAGS:
        raise KeyError(f"address_units.tsv has no flag column {flag!r}")
    return frozenset(r[column] for r in address_units() if r[flag] == "yes")
