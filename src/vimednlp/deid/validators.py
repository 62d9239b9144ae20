"""Structure checks for Vietnamese identifiers (CCCD, CMND, BHYT, BHXH, plates, phones).

Each `is_valid_*` takes the identifier as written (spaces, dots and dashes allowed) and returns a bool;
`explain_*` helpers are not needed: recognizers say which check passed. The surrogate generator uses
the same functions to prove its fakes are well-formed. Reference data are plain files in
`resources/deid/` (province codes from `locations/provinces.tsv`, BHYT groups, phone prefixes).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..paths import resource_path

_SEP = re.compile(r"[\s.\-]")


def digits_only(value: str) -> str:
    """Drop spaces, dots and dashes (the separators people type inside numbers)."""
    return _SEP.sub("", value)


def _tsv_rows(name: str) -> list[list[str]]:
    rows = []
    for line in resource_path("deid", name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows[1:]  # header


@lru_cache(maxsize=1)
def province_codes() -> frozenset[str]:
    """Two-digit province codes of the 63-province scheme (CCCD prefix, BHYT province field) and the
    34-province scheme (a subset of the same codes)."""
    return frozenset(r[1] for r in _tsv_rows("locations/provinces.tsv"))


@lru_cache(maxsize=1)
def bhyt_group_codes() -> frozenset[str]:
    return frozenset(r[0] for r in _tsv_rows("bhyt_groups.tsv"))


@lru_cache(maxsize=1)
def mobile_prefixes() -> frozenset[str]:
    return frozenset(r[1] for r in _tsv_rows("phone_prefixes.tsv") if r[0] == "mobile")


@lru_cache(maxsize=1)
def landline_area_codes() -> frozenset[str]:
    return frozenset(r[1] for r in _tsv_rows("phone_prefixes.tsv") if r[0] == "landline")


# --- CCCD (căn cước công dân, 12 digits) ------------------------------------------------------------
# digits 1-3: province of birth registration (0 + province code); digit 4: century and gender
# (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 1800s); digits 5-6: birth year.
_CENTURY = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}


def cccd_birth_info(value: str) -> tuple[int, str] | None:
    """(birth year, 'male'|'female') encoded in a structurally valid CCCD, else None."""
    d = digits_only(value)
    if len(d) != 12 or not d.isdigit():
        return None
    if d[1:3] not in province_codes() or d[0] != "0":
        return None
    cg = int(d[3])
    year = _CENTURY[cg] + int(d[4:6])
    if year < 1880 or year > 2100:
        return None
    return year, ("male" if cg % 2 == 0 else "female")


def is_valid_cccd(value: str, birth_year: int | None = None, *, current_year: int = 2030) -> bool:
    """12 digits, known province code, century/gender digit giving a plausible birth year; when
    `birth_year` (a nearby date of birth) is given, it must agree."""
    info = cccd_birth_info(value)
    if info is None:
        return False
    year = info[0]
    if year > current_year:
        return False
    return birth_year is None or birth_year == year


def is_valid_cmnd(value: str) -> bool:
    """Old 9-digit identity card (CMND); the first two digits are a province-issued prefix (01-38, 0x)."""
    d = digits_only(value)
    return len(d) == 9 and d.isdigit() and d != "0" * 9


# --- BHYT (health insurance card) -----------------------------------------------------------------
# Old 15-character format: group code (2 letters) + benefit level (1-5) + province code (2 digits)
# + 10-digit social insurance number. Since 2025 cards show the 10-digit BHXH number only.
_BHYT_RE = re.compile(r"^([A-Z]{2})([1-5])(\d{2})(\d{10})$")


def is_valid_bhyt(value: str) -> bool:
    d = digits_only(value).upper()
    m = _BHYT_RE.match(d)
    if not m:
        return False
    group, _level, prov, _num = m.groups()
    return group in bhyt_group_codes() and prov in province_codes()


def is_valid_bhxh(value: str) -> bool:
    """10-digit social insurance number (mã số BHXH); the first two digits are a province code."""
    d = digits_only(value)
    return len(d) == 10 and d.isdigit() and d[:2] in province_codes()


# --- licence plates -------------------------------------------------------------------------------
# ('59-X3 428.17': a motorbike plate may put a dash after the province code)
_PLATE_RE = re.compile(r"^(\d{2})-?([A-Z]{1,2}\d?)-?(\d{3}\.?\d{2}|\d{4})$")
# two-digit plate province codes run 11-99 (with gaps); 80 is for central agencies
_PLATE_OK = {str(i) for i in range(11, 100)}


def is_valid_plate(value: str) -> bool:
    v = re.sub(r"\s", "", value.upper())
    m = _PLATE_RE.match(v)
    return bool(m) and m.group(1) in _PLATE_OK


# --- phones ---------------------------------------------------------------------------------------
def normalize_phone(value: str) -> str:
    """Digits with a leading 0 instead of +84 / 84 (the national form)."""
    d = re.sub(r"[\s.\-–]", "", value)
    # '+84 (0) 909 ...': the trunk 0 in brackets after the country code is not dialled
    d = re.sub(r"^(\+84|0084|84)\(0\)", r"\1", d).replace("(", "").replace(")", "")
    if d.startswith("0084"):
        d = "+84" + d[4:]
    if d.startswith("+84"):
        d = "0" + d[3:]
    elif d.startswith("84") and len(d) in (11, 12):
        d = "0" + d[2:]
    return d


def phone_kind(value: str) -> str | None:
    """'mobile', 'landline', 'hotline' or None when the number is not a valid Vietnamese phone."""
    d = normalize_phone(value)
    if not d.isdigit():
        return None
    if len(d) == 10 and d[:3] in mobile_prefixes():
        return "mobile"
    if len(d) == 11 and d[:4] in landline_area_codes():
        return "landline"
    if len(d) == 11 and d[:3] in ("024", "028"):
        return "landline"
    if len(d) in (8, 10) and d[:4] in ("1800", "1900"):
        return "hotline"
    return None


def is_valid_phone(value: str) -> bool:
    return phone_kind(value) is not None


# --- dates ----------------------------------------------------------------------------------------
def is_valid_date(day: int | None, month: int | None, year: int | None = None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None and not 1 <= day <= 31:
        return False
    if year is not None and not (1880 <= year <= 2100 or 0 <= year <= 99):
        return False
    if day is not None and month in (4, 6, 9, 11) and day > 30:
        return False
    if day is not None and month == 2 and day > 29:
        return False
    return True


def _ipv4_octets(value: str) -> bool:
    """An IPv6 address, or a dotted IPv4 address whose four parts are <= 255."""
    return "." not in value or all(0 <= int(p) <= 255 for p in value.split("."))


# validators by name, for rule packs (resources/deid/rules/*.yaml, `validator:`): each takes the matched text
# and returns a truthy value (a string is shown in the span's explanation) when the value is well formed
VALIDATORS = {
    "cccd": lambda v: is_valid_cccd(digits_only(v)),
    "cmnd": lambda v: is_valid_cmnd(digits_only(v)),
    "bhyt": is_valid_bhyt,
    "bhxh": lambda v: is_valid_bhxh(digits_only(v)),
    "plate": is_valid_plate,
    "phone": is_valid_phone,
    "phone_kind": phone_kind,
    "phone_digits": lambda v: 8 <= len(normalize_phone(v)) <= 12,
    "international_phone_digits": lambda v: 8 <= len(digits_only(v)) <= 15,
    "ipv4_octets": _ipv4_octets,
}
