"""Realistic, consistent Vietnamese surrogates for identifiers.

A surrogate keeps what makes the text read naturally and stay useful: the person's gender
(Văn/Thị, kinship cues, the given name), the shape of a phone number (network prefix,
separators), valid CCCD / BHYT / BHXH / plate structure, the address scheme (63 provinces with
districts, or the post-2025 34 provinces with wards), the writing style (UPPER CASE, no
diacritics) and the date format. It is consistent: the same value of the same patient always gets
the same surrogate (seeded from HMAC(key, patient, label, value)), across documents and — with a
`Vault` — across runs; two different values never share one (collisions are re-drawn).
"""
from __future__ import annotations

import functools
import random
import re
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import resource_path
from ..text.fold import fold, fold_lower
from .dates import DateShiftError, offset_from_bytes, shift_dates, shift_year
from .vault import Keyring, Vault, surrogate_norm


# --- word lists -----------------------------------------------------------------------------------
def _lines(name: str) -> list[str]:
    p = resource_path("deid_surrogates", name)
    return [x.strip() for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]


@functools.cache
def lists() -> dict[str, Any]:
    import yaml

    surnames, weights = [], []
    for line in _lines("surnames.tsv"):
        name, w = line.split("\t")
        surnames.append(name)
        weights.append(int(w))
    d: dict[str, Any] = {
        "surnames": surnames, "surname_weights": weights,
        "middle_male": _lines("middle_male.txt"), "middle_female": _lines("middle_female.txt"),
        "given_male": _lines("given_male.txt"), "given_female": _lines("given_female.txt"),
        "streets": _lines("streets.txt"), "org_names": _lines("org_names.txt"),
        "professions": _lines("professions.txt"),
    }
    d.update(yaml.safe_load(resource_path("deid_surrogates", "codes.yaml").read_text(encoding="utf-8")))
    d["surname_folds"] = {fold_lower(s) for s in surnames} | {
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
        "duong", "ly", "dinh", "dao", "trinh", "mai", "cao", "luong", "ta", "doan", "truong", "ha", "luu", "to",
        "chu", "quach", "lam", "phung", "kieu", "thai", "tang", "trieu", "vuong", "la", "khong", "au", "lo",
        "ton", "diep", "lai", "thach", "danh", "kim", "ong", "giang", "nong", "hua", "mac", "lang", "vi"}
    d["given_male_folds"] = {fold_lower(s) for s in d["given_male"]}
    d["given_female_folds"] = {fold_lower(s) for s in d["given_female"]}
    d["given_male_lower"] = {s.lower() for s in d["given_male"]}
    d["given_female_lower"] = {s.lower() for s in d["given_female"]}
    return d


@functools.cache
def admin_units() -> dict[str, Any]:
    """Administrative units from `vietnamadminunits` (MIT): legacy 63-province and 2025 34-province."""
    import vietnamadminunits

    db = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        legacy = c.execute("SELECT province, provinceShort, district, districtShort, districtType, ward, "
                           "wardShort, wardType, provinceCode FROM admin_units_legacy").fetchall()
        new = c.execute("SELECT province, provinceShort, ward, wardShort, wardType, provinceCode "
                        "FROM admin_units").fetchall()
    legacy = [r for r in legacy if all(r[:8])]
    new = [r for r in new if all(r[:5])]
    legacy_prov = {fold_lower(r[1]) for r in legacy}
    new_prov = {fold_lower(r[1]) for r in new}
    return {
        "legacy": legacy, "new": new,
        "legacy_provinces": legacy_prov, "new_provinces": new_prov,
        "districts": {fold_lower(r[3]) for r in legacy},
        "wards": {fold_lower(r[6]) for r in legacy} | {fold_lower(r[3]) for r in new},
        "province_codes": sorted({r[8] for r in legacy if r[8]}),  # 2-digit codes, CCCD = "0" + code
    }


# --- small helpers --------------------------------------------------------------------------------
def value_key(label: str, text: str) -> str:
    """The form a value is compared in: two mentions of one identifier share it."""
    t = unicodedata.normalize("NFC", text)
    if label == "PHONE":
        d = re.sub(r"\D", "", t)
        if d.startswith("84") and len(d) >= 11:
            d = "0" + d[2:]
        return d
    if label in ("ID", "TRANSPORT"):
        return "".join(c for c in t if c.isalnum()).upper()  # `NĐ2-000781`: Vietnamese letters count
    if label in ("EMAIL", "URL", "IP"):
        return t.strip().lower()
    return " ".join(t.lower().split()).strip(" .,;:-")


def style_like(original: str, surrogate: str, fold_accents: bool = False) -> str:
    """Write `surrogate` the way `original` is written: UPPER, lower, without diacritics."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        surrogate = surrogate.upper()
    elif letters and all(c.islower() for c in letters):
        surrogate = surrogate.lower()
    if fold_accents:
        surrogate = fold(surrogate)
    return surrogate


def _case_word(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like.islower():
        return word.lower()
    return word[:1].upper() + word[1:]


def _reshape(original: str, compact: str) -> str:
    """Put the characters of `compact` into the alphanumeric slots of `original` (separators stay)."""
    it = iter(compact)
    return "".join(next(it) if c.isalnum() else c for c in original)


def _reshape_alnum(original: str, compact: str) -> str | None:
    """A compact surrogate written in the original's shape (separators, letter case)."""
    if sum(c.isalnum() for c in original) != len(compact):
        return None
    it = iter(compact)
    out = []
    for c in original:
        if c.isalnum():
            x = next(it)
            out.append(x.lower() if c.islower() else x)
        else:
            out.append(c)
    return "".join(out)


def _render_phone(original: str, national: str) -> str | None:
    """National digits (0...) written like the original: +84 / 84 prefix, separators, brackets."""
    digits = "".join(c for c in original if c.isdigit())
    if len(digits) == len(national) + 1 and digits.startswith("84") and national.startswith("0"):
        national = "84" + national[1:]
    elif len(digits) != len(national):
        return None
    return _reshape_digits(original, national)


def _rand_digits(rng: random.Random, n: int, first_nonzero: bool = False) -> str:
    s = "".join(rng.choice("0123456789") for _ in range(n))
    if first_nonzero and s and s[0] == "0":
        s = rng.choice("123456789") + s[1:]
    return s


_MALE_CUE = re.compile(r"(?:^|[\s(,.:;])(ong|anh|chu|cau|bo|cha|chong|con trai|em trai|chau trai|nam)\W*$")
_FEMALE_CUE = re.compile(r"(?:^|[\s(,.:;])(ba|chi|co|me|vo|con gai|em gai|chau gai|di|mo|thim|nu|ma)\W*$")


def guess_gender(name: str, before: str = "") -> str | None:
    """'M', 'F' or None from a kinship cue before the name, the middle name, or the given name."""
    b = fold_lower(before[-25:])
    if _MALE_CUE.search(b):
        return "M"
    if _FEMALE_CUE.search(b):
        return "F"
    syl = fold_lower(name).split()
    if len(syl) >= 2:
        mids = syl[1:-1] if len(syl) >= 3 else syl[:1]
        if "thi" in mids:
            return "F"
        if "van" in mids:
            return "M"
    if syl:
        L = lists()
        last = name.split()[-1].lower()
        if last in L["given_female_lower"]:
            return "F"
        if last in L["given_male_lower"]:
            return "M"
        if syl[-1] in L["given_female_folds"] and syl[-1] not in L["given_male_folds"]:
            return "F"
        if syl[-1] in L["given_male_folds"] and syl[-1] not in L["given_female_folds"]:
            return "M"
    return None


_WORDS = re.compile(r"\w+(?:[./@-]\w+)*")


def word_key(s: str) -> str:
    """Folded lower-case words joined by one space: how identifiers are compared inside text."""
    return " ".join(_WORDS.findall(fold_lower(s)))


def _contains_any(cand: str, forbidden: frozenset) -> bool:
    """Does a candidate contain one of the document's identifiers as whole words (folded)?"""
    if not forbidden:
        return False
    w = _WORDS.findall(fold_lower(cand))
    for i in range(len(w)):
        for j in range(i + 1, min(len(w), i + 8) + 1):
            if " ".join(w[i:j]) in forbidden:
                return True
    return False


# Titles and kinship words a detector may include at the start of a NAME span (kept as written).
_NAME_CUE = re.compile(
    r"^(?i:(?:pgs\.?|gs\.?|ts\.?|ths\.?|bs\.?|bsck[12i]*\.?|đd\.?|ktv\.?|cn\.?|dr\.?)\s*)+(?=\S)"
    r"|^(?i:ông|bà|anh|chị|em|cháu|bé|cụ|cô|chú|bác|cậu|dì|mợ|thím|bệnh nhân|BN)\s+(?=\S)",  # not folded: `Chu` is a surname
)


# --- the generator --------------------------------------------------------------------------------
@dataclass
class SurrogateRequest:
    label: str
    text: str
    attrs: dict = field(default_factory=dict)
    before: str = ""          # a little text before the span (gender cues)
    fold_accents: bool = False  # the surrounding text is written without diacritics
    forbidden: frozenset = frozenset()  # folded identifiers of the document: a surrogate must not contain one


class SurrogateGenerator:
    """Consistent surrogates for one patient scope (all the documents of one patient).

    `key` seeds everything (same key + patient + value -> same surrogate); `vault` makes the
    mapping persistent and shared between runs and processes; `date_offset` fixes the number of
    days dates move (default: derived from the key and the patient).
    """

    max_attempts = 50

    def __init__(self, keyring: Keyring, patient_id: str | None = None, vault: Vault | None = None,
                 date_offset: int | None = None, ref_year: int = 2024):
        self.keyring = keyring
        self.vault = vault
        self.scope = keyring.hexdigest("scope", patient_id or "", length=32)
        self.date_offset = date_offset if date_offset is not None else offset_from_bytes(
            keyring.digest("date-offset", patient_id or ""))
        self.ref_year = ref_year
        self._cache: dict[tuple[str, str], str] = {}
        self._used: dict[tuple[str, str], str] = {}
        self.fallbacks = 0
        # place name (folded) -> its surrogate, so `xã Hòa Bình` in an address and in
        # `Trạm Y tế xã Hòa Bình` get the same fake name
        self.places: dict[str, str] = {}
        self._pending_places: dict[str, str] = {}

    # --- consistency ---------------------------------------------------------------------------
    def _vhash(self, label: str, vkey: str) -> str:
        return self.keyring.hexdigest("value", self.scope, label, vkey, length=40)

    def _lookup(self, label: str, vkey: str) -> str | None:
        hit = self._cache.get((label, vkey))
        if hit is None and self.vault is not None:
            hit = self.vault.get(self.scope, label, self._vhash(label, vkey))
            if hit is not None:
                self._cache[(label, vkey)] = hit
        return hit

    def _taken(self, label: str, sur: str, vkey: str) -> bool:
        owner = self._used.get((label, surrogate_norm(sur)))
        if owner is not None:
            return owner != vkey
        return self.vault is not None and self.vault.taken(self.scope, label, sur)

    def _store(self, label: str, vkey: str, sur: str, original: str | None, alias: bool = False) -> str:
        if self.vault is not None:
            sur = self.vault.put(self.scope, label, self._vhash(label, vkey), sur, original, alias=alias)
        self._cache[(label, vkey)] = sur
        if not alias:
            self._used[(label, surrogate_norm(sur))] = vkey
        return sur

    def rng(self, label: str, vkey: str, attempt: int = 0) -> random.Random:
        seed = self.keyring.digest("surrogate", self.scope, label, vkey, str(attempt))
        return random.Random(int.from_bytes(seed, "big"))

    # --- entry point -----------------------------------------------------------------------------
    def surrogate(self, req: SurrogateRequest) -> str:
        """The surrogate for one mention, written in the mention's style. Falls back to `[LABEL]`."""
        label = req.label
        if label == "DATE":  # dates move by the patient's offset: no lookup needed, intervals kept
            try:
                out = shift_dates(req.text, self.date_offset, self.ref_year)
            except DateShiftError:
                out = None
            if out is None or out == req.text:
                self.fallbacks += 1
                return f"[{label}]"
            return out
        if label == "NAME":
            m = _NAME_CUE.match(req.text)
            if m and m.end() < len(req.text):  # `bé Khôi`, `BS. Lê Minh`: the cue stays, the name changes
                rest = SurrogateRequest(label, req.text[m.end():], req.attrs, req.before + req.text[:m.end()],
                                        req.fold_accents, req.forbidden)
                return req.text[:m.end()] + self.surrogate(rest)
        vkey = value_key(label, req.text)
        if not vkey:
            self.fallbacks += 1
            return f"[{label}]"
        canon = self._lookup(label, vkey)
        if canon is None:
            make = _MAKERS.get(label)
            if make is None:
                return f"[{label}]"
            canon = None
            for attempt in range(self.max_attempts):
                self._pending_places = {}
                try:
                    cand = make(self, self.rng(label, vkey, attempt), req)
                except Exception:  # a generator bug must never leak the value: tag instead
                    cand = None
                if not cand:
                    break
                same = surrogate_norm(fold(cand)) == surrogate_norm(fold(req.text)) and label not in _MAY_REPEAT
                if same or self._taken(label, cand, vkey) or _contains_any(cand, req.forbidden):
                    continue
                canon = cand
                for k, v in self._pending_places.items():
                    self.places.setdefault(k, v)
                break
            if canon is None:
                self.fallbacks += 1
                return f"[{label}]"
            if label in ("ID", "PHONE", "TRANSPORT"):  # stored compact; every mention gets its own shape
                canon = value_key(label, canon)
            canon = self._store(label, vkey, canon, req.text)
            if label == "NAME":
                self._register_name_aliases(req.text, canon)
        if label in ("ID", "TRANSPORT"):
            shaped = _reshape_alnum(req.text, canon)
            return shaped if shaped is not None else f"[{label}]"
        if label == "PHONE":
            shaped = _render_phone(req.text, canon)
            return shaped if shaped is not None else f"[{label}]"
        if label in ("IP", "EMAIL", "URL"):
            return canon
        return style_like(req.text, canon, req.fold_accents)

    def _register_name_aliases(self, original: str, sur: str) -> None:
        """`chị Lan` later in the notes maps to the given name of `Nguyễn Thị Lan`'s surrogate."""
        o, s = original.split(), sur.split()
        if len(o) < 2 or len(s) != len(o):
            return
        for k in (1, 2):
            if len(o) > k:
                vk = value_key("NAME", " ".join(o[-k:]))
                if self._lookup("NAME", vk) is None:
                    self._store("NAME", vk, " ".join(s[-k:]), " ".join(o[-k:]), alias=True)


# --- makers: (generator, rng, request) -> canonical surrogate ----------------------------------------
def _make_name(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str:
    L = lists()
    syl = req.text.split()
    gender = guess_gender(req.text, req.before) or rng.choice("MF")
    given = L["given_male"] if gender == "M" else L["given_female"]
    middle = L["middle_male"] if gender == "M" else L["middle_female"]
    fsyl = [fold_lower(s) for s in syl]

    def pick(pool: list[str], avoid: str) -> str:
        for _ in range(10):
            x = rng.choice(pool)
            if fold_lower(x) != avoid:
                return x
        return x

    def surname() -> str:
        for _ in range(10):
            x = rng.choices(L["surnames"], weights=L["surname_weights"])[0]
            if fold_lower(x) != fsyl[0]:
                return x
        return x

    n = len(syl)
    if n == 1:
        return pick(given, fsyl[0])
    if n == 2:
        if fsyl[0] in L["surname_folds"]:
            return f"{surname()} {pick(given, fsyl[1])}"
        return f"{pick(middle, fsyl[0])} {pick(given, fsyl[1])}"
    mids = []
    for i, s in enumerate(fsyl[1:-1]):
        if i == 0 and s in ("van", "thi"):
            mids.append("Văn" if s == "van" else "Thị")  # the gender marker stays
        else:
            mids.append(pick(middle, s))
    return " ".join([surname(), *mids, pick(given, fsyl[-1])])


_AGE_NUM = re.compile(r"\d+")


def _make_age(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    m = _AGE_NUM.search(req.text)
    if not m:
        return None
    n = int(m.group())
    if n >= 90:
        new = 90 + rng.randrange(10)
    else:
        deltas = [-3, -2, -1, 1, 2, 3] if n > 3 else [1, 2]
        new = max(1, n + rng.choice(deltas))
    if new == n:
        new = n + 1
    return req.text[:m.start()] + str(new) + req.text[m.end():]


def _make_phone(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    t = req.text
    digits = [c for c in t if c.isdigit()]
    if len(digits) < 6:
        return None
    ds = "".join(digits)
    if t.lstrip().startswith("+") or (ds.startswith("84") and len(ds) >= 11):
        keep = 4  # country code + network prefix
    elif ds.startswith("02"):
        keep = 3 if ds[:3] in ("024", "028") else 4  # landline area code
    elif ds.startswith(("1800", "1900")):
        keep = 4
    elif ds.startswith("0"):
        keep = 3
    else:
        keep = 2
    new = ds[:keep] + _rand_digits(rng, len(ds) - keep)
    return _reshape_digits(t, new)


def _reshape_digits(original: str, digits: str) -> str:
    it = iter(digits)
    return "".join(next(it) if c.isdigit() else c for c in original)


def _make_email(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    L = lists()
    _local, _, domain = req.text.strip().partition("@")
    if not domain:
        return None
    gender = rng.choice("MF")
    name = rng.choice(L["given_male"] if gender == "M" else L["given_female"])
    sur = rng.choices(L["surnames"], weights=L["surname_weights"])[0]
    sep = rng.choice(["", ".", "_"])
    user = fold_lower(name + sep + sur).replace(" ", "") + str(rng.randrange(10, 9999))
    dom = domain if domain.lower() in L["mail_domains"] else "example.com"
    return f"{user}@{dom}"


def _make_url(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    m = re.match(r"(?i)(https?://)?(www\.)?", req.text)
    scheme = (m.group(1) or "") + (m.group(2) or "")
    host = f"example-{rng.randrange(16**6):06x}.com"
    path = "/" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(8)) \
        if "/" in req.text[len(scheme):] else ""
    return scheme + host + path


def _make_ip(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    if ":" in req.text:  # IPv6 -> documentation prefix 2001:db8::/32
        return "2001:db8:" + ":".join(f"{rng.randrange(65536):x}" for _ in range(3)) + "::" + f"{rng.randrange(1, 65536):x}"
    net = rng.choice(["192.0.2", "198.51.100", "203.0.113"])  # RFC 5737 documentation ranges
    return f"{net}.{rng.randrange(1, 255)}"


# --- identifiers ------------------------------------------------------------------------------------
_PLATE = re.compile(r"^\d{2}[A-Z]{1,2}\d?\d{4,5}$")


def infer_id_kind(text: str) -> str:
    c = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    if c.isdigit():
        return {12: "cccd", 9: "cmnd", 10: "bhxh"}.get(len(c), "other")
    if re.fullmatch(r"[A-Z]{2}[1-5]\d{12}", c):
        return "bhyt"
    if _PLATE.match(c):
        return "plate"
    if re.fullmatch(r"[A-Z]\d{7,8}", c):
        return "passport"
    return "other"


def _province2(rng: random.Random) -> str:
    return rng.choice(admin_units()["province_codes"])


def make_cccd(rng: random.Random, like: str = "", offset_days: int = 0) -> str:
    """12 digits: 3-digit province, century/gender digit, 2-digit birth year, 6 random digits."""
    import datetime as _dt

    c = re.sub(r"\D", "", like)
    cg = int(c[3]) if len(c) == 12 and c[3] in "0123" else rng.randrange(4)
    if len(c) == 12 and c[4:6].isdigit():
        year = (1900 if cg < 2 else 2000) + int(c[4:6])
        new = shift_year(year, offset_days) if offset_days else year
        if new > _dt.date.today().year or new == year:
            new = year - (1 + rng.randrange(3))
    else:
        new = 1940 + rng.randrange(80)
    cg = (cg % 2) + (0 if new < 2000 else 2)
    return "0" + _province2(rng) + str(cg) + f"{new % 100:02d}" + _rand_digits(rng, 6)


def make_bhyt(rng: random.Random, like: str = "") -> str:
    """15 characters: group code, benefit level 1-5, province code, 10-digit BHXH number."""
    L = lists()
    c = re.sub(r"[^0-9A-Za-z]", "", like).upper()
    group = c[:2] if len(c) >= 2 and c[:2].isalpha() else rng.choice(L["bhyt_groups"])
    level = c[2] if len(c) >= 3 and c[2] in "12345" else str(rng.randrange(1, 6))
    prov = _province2(rng)
    return group + level + prov + prov + _rand_digits(rng, 8)  # the BHXH number starts with the province


def make_bhxh(rng: random.Random) -> str:
    return _province2(rng) + _rand_digits(rng, 8)


def make_cmnd(rng: random.Random, like: str = "") -> str:
    c = re.sub(r"\D", "", like)
    head = c[:2] if len(c) == 9 else "0" + str(rng.randrange(1, 10))
    return head + _rand_digits(rng, 7)


def make_plate(rng: random.Random, like: str) -> str:
    L = lists()
    c = re.sub(r"[^0-9A-Za-z]", "", like).upper()
    out = [rng.choice(L["plate_codes"])]
    for ch in c[2:]:
        out.append(rng.choice(L["plate_letters"]) if ch.isalpha() else rng.choice("0123456789"))
    return "".join(out)


def _make_generic_id(rng: random.Random, like: str) -> str:
    c = "".join(ch for ch in like if ch.isalnum())
    m = re.match(r"[^\W\d_]{1,4}(?=\d)", c)
    prefix = m.group() if m else ""
    out = [prefix]
    first_digit = True
    for ch in c[len(prefix):]:
        if ch.isdigit():
            out.append(rng.choice("123456789") if first_digit and ch != "0" else rng.choice("0123456789"))
            first_digit = False
        elif ch.isalpha():
            x = rng.choice("ABCDEFGHKLMNPQRSTUVXYZ")
            out.append(x if ch.isupper() else x.lower())
    return "".join(out)


def _make_id(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    t = req.text
    kind = (req.attrs or {}).get("kind") or infer_id_kind(t)
    compact_len = sum(c.isalnum() for c in t)
    if kind == "cccd" and compact_len == 12:
        new = make_cccd(rng, t, g.date_offset)
    elif kind == "cmnd" and compact_len == 9:
        new = make_cmnd(rng, t)
    elif kind == "bhyt" and compact_len == 15:
        new = make_bhyt(rng, t)
    elif kind == "bhxh" and compact_len == 10:
        new = make_bhxh(rng)
    elif kind == "plate" and _PLATE.match(re.sub(r"[^0-9A-Za-z]", "", t).upper()):
        new = make_plate(rng, t)
    else:
        new = _make_generic_id(rng, t)
    return _reshape(t, new)


def _make_transport(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    return _reshape(req.text, _make_generic_id(rng, req.text))


# --- places and organisations ---------------------------------------------------------------------
# (folded keyword, level). Longest first so `thanh pho` wins over `pho`.
_ADDR_KW = [
    ("to dan pho", "hamlet"), ("khu pho", "hamlet"), ("so nha", "house"), ("thi tran", "ward"),
    ("dac khu", "ward"), ("thi xa", "district"), ("thanh pho", "city"), ("phuong", "ward"), ("quan", "district"),
    ("huyen", "district"), ("tinh", "province"), ("duong", "street"), ("ngach", "lane"), ("ngo", "lane"),
    ("hem", "lane"), ("kiet", "lane"), ("thon", "hamlet"), ("xom", "hamlet"), ("ap", "hamlet"), ("ban", "hamlet"),
    ("buon", "hamlet"), ("khom", "hamlet"), ("lang", "hamlet"), ("to", "hamlet"), ("khu", "hamlet"),
    ("pho", "street"), ("xa", "ward"), ("so", "house"),
    ("tp.", "city"), ("tp", "city"), ("tx.", "district"), ("tt.", "ward"), ("p.", "ward"), ("q.", "district"),
    ("h.", "district"), ("x.", "ward"), ("t.", "province"), ("đ.", "street"), ("d.", "street"),
]
_NUMERIC_LEVELS = {"house", "lane"}
_ADMIN_LEVELS = {"ward", "district", "city", "province"}
_KW_RX = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(k) for k, _ in _ADDR_KW) + r")(?:(?<=\.)|(?=[\s\d]))", re.UNICODE)
_KW_LEVEL = dict(_ADDR_KW)
_TYPE_ABBR = {"phuong": "P.", "xa": "X.", "thi tran": "TT.", "dac khu": "ĐK.", "quan": "Q.", "huyen": "H.",
              "thi xa": "TX.", "thanh pho": "TP.", "tinh": "T."}


def _render_type(unit_type: str, kw_written: str) -> str:
    """A unit type (`Phường`, `Xã`, `Thành phố`) written in the style of the original keyword."""
    if kw_written.endswith("."):
        abbr = _TYPE_ABBR.get(fold_lower(unit_type), kw_written)
        return unit_type.lower() if abbr == "T." else abbr  # `T.` for tỉnh is rare: write it out
    if fold_lower(unit_type) == fold_lower(kw_written):
        return kw_written
    if kw_written.isupper() and len(kw_written) <= 3 and fold_lower(kw_written) in ("tp", "tx", "tt"):
        abbr = _TYPE_ABBR.get(fold_lower(unit_type), "").rstrip(".")  # `TP Biên Hòa` -> `TX Ninh Hòa`
        return abbr if abbr in ("TP", "TX", "TT") else unit_type.lower()
    return _case_word(unit_type.lower(), kw_written) if kw_written else unit_type


@dataclass
class _Part:
    level: str        # house, lane, street, hamlet, ward, district, city, province, name, number, sep
    kw: str = ""      # the keyword as written (incl. its trailing space)
    value: str = ""   # the value as written
    sep: str = ""     # text that follows (", ")


def _parse_address(text: str) -> list[_Part]:
    key = fold_lower(text)
    if len(key) != len(text):
        key = text.lower()
    parts: list[_Part] = []
    # split at commas/semicolons/dashes with spaces first, then at keywords inside each piece
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^,;]+", text)]
    for i, (s, e) in enumerate(pieces):
        sep = text[e:pieces[i + 1][0]] if i + 1 < len(pieces) else text[e:]
        pos = s
        piece_start = len(parts)
        while pos < e:
            ws = len(text[pos:e]) - len(text[pos:e].lstrip())
            lead = text[pos:pos + ws]
            pos += ws
            if pos >= e:
                if parts:
                    parts[-1].sep += lead
                break
            m = _KW_RX.match(key, pos, e)
            if m:
                kw_end = m.end()
                gap = len(text[kw_end:e]) - len(text[kw_end:e].lstrip())
                level = _KW_LEVEL[m.group(1)]
                vstart = kw_end + gap
                if level in _NUMERIC_LEVELS or (level == "hamlet" and re.match(r"\d", text[vstart:vstart + 1] or "x")):
                    nm = re.match(r"[\w/.-]*\d[\w/.-]*", text[vstart:e])
                    vend = vstart + (nm.end() if nm else 0)
                else:
                    nxt = None
                    for m2 in _KW_RX.finditer(key, vstart, e):
                        if _KW_LEVEL[m2.group(1)] in _ADMIN_LEVELS and m2.start() > vstart:
                            nxt = m2.start()
                            break
                    vend = nxt if nxt is not None else e
                value = text[vstart:vend].rstrip()
                vend = vstart + len(value)
                if parts and lead:
                    parts[-1].sep += lead
                parts.append(_Part(level, text[pos:vstart], value))
                pos = vend
                continue
            nm = re.match(r"\d[\w/.-]*", text[pos:e])
            if nm:
                if parts and lead:
                    parts[-1].sep += lead
                parts.append(_Part("number", "", nm.group()))
                pos += nm.end()
                continue
            # a bare name up to the next admin keyword
            nxt = None
            for m2 in _KW_RX.finditer(key, pos, e):
                if _KW_LEVEL[m2.group(1)] in _ADMIN_LEVELS and m2.start() > pos:
                    nxt = m2.start()
                    break
            vend = nxt if nxt is not None else e
            value = text[pos:vend].rstrip()
            if parts and lead:
                parts[-1].sep += lead
            after_number = piece_start < len(parts) and parts[-1].level in ("house", "lane", "number")
            parts.append(_Part("street" if after_number else "name", "", value))
            pos += len(value)
            if not value:
                break
        if parts:
            parts[-1].sep += sep
        elif sep:
            parts.append(_Part("sep", "", "", sep))
    return parts


def _split_trailing_province(parts: list[_Part]) -> list[_Part]:
    au = admin_units()
    provs = au["legacy_provinces"] | au["new_provinces"]
    out: list[_Part] = []
    for p in parts:
        words = p.value.split(" ")
        if p.level in ("ward", "district", "hamlet", "street", "name") and len(words) >= 3:
            for k in (4, 3, 2):
                if len(words) - k >= 1 and fold_lower(" ".join(words[-k:])) in provs:
                    head = " ".join(words[:-k])
                    out.append(_Part(p.level, p.kw, head, " "))
                    out.append(_Part("province", "", " ".join(words[-k:]), p.sep))
                    break
            else:
                out.append(p)
        else:
            out.append(p)
    return out


_PROVINCE_ALIASES = {"sai gon", "hcm", "tp hcm", "tphcm", "hn", "sg", "ha noi", "hue", "tt hue"}


def _classify_names(parts: list[_Part]) -> None:
    au = admin_units()
    for p in parts:
        if p.level != "name":
            continue
        f = fold_lower(p.value)
        f = re.sub(r"^(tp\.?\s*|thanh pho\s+)", "", f)
        if f in au["legacy_provinces"] or f in au["new_provinces"] or f in _PROVINCE_ALIASES:
            p.level = "province"
        elif f in au["districts"]:
            p.level = "district"
        elif f in au["wards"]:
            p.level = "ward"
        elif p.value.isupper() and len(p.value) <= 4:
            p.level = "province"  # HN, HCM, TPHCM
    for i, p in enumerate(parts):
        if p.level == "city":
            f = fold_lower(p.value).replace(".", "").strip()
            later_province = any(q.level == "province" for q in parts[i + 1:])
            is_prov = (f in au["legacy_provinces"] or f in au["new_provinces"] or "chi minh" in f
                       or f in _PROVINCE_ALIASES)
            p.level = "province" if is_prov and not later_province else "district"


def _make_location(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    L = lists()
    au = admin_units()
    parts = _parse_address(req.text)
    if not parts:
        return None
    parts = _split_trailing_province(parts)
    _classify_names(parts)
    levels = {p.level for p in parts}
    if "district" in levels:
        scheme = "legacy"
    elif "ward" in levels and "province" in levels:
        scheme = "new"
    else:
        prov = [fold_lower(p.value) for p in parts if p.level == "province"]
        scheme = "new" if prov and prov[0] in au["new_provinces"] and prov[0] not in au["legacy_provinces"] else \
            rng.choice(["legacy", "new"]) if not prov else "legacy"
    originals = {fold_lower(p.value) for p in parts if p.value}
    row = None
    for _ in range(20):
        r = rng.choice(au[scheme])
        names = ({fold_lower(r[1]), fold_lower(r[3]), fold_lower(r[6])} if scheme == "legacy"
                 else {fold_lower(r[1]), fold_lower(r[3])})
        if not names & originals:
            row = r
            break
    if row is None:
        return None
    if scheme == "legacy":
        province, prov_short, _, dist_short, dist_type, _, ward_short, ward_type, _ = row
    else:
        province, prov_short, _, ward_short, ward_type, _ = row
        dist_short = dist_type = ""
    for typ in (dist_type, ward_type):  # numbered units are stored as `Quận 7`, `Phường 3`
        if typ and dist_short.startswith(typ + " "):
            dist_short = dist_short[len(typ) + 1:]
        if typ and ward_short.startswith(typ + " "):
            ward_short = ward_short[len(typ) + 1:]
    prov_type = province[: len(province) - len(prov_short)].strip() or "Tỉnh"
    out = []
    n_names = 0
    for p in parts:
        lvl = p.level
        kw, val = p.kw, p.value
        if lvl in ("house", "lane", "number") or (lvl == "hamlet" and val[:1].isdigit()):
            digits = sum(c.isdigit() for c in val)
            new = "".join(rng.choice("123456789") if c.isdigit() else c for c in val) if digits else val
            if new == val:
                new = str(rng.randrange(2, 200))
        elif lvl == "street":
            new = rng.choice(L["streets"])
        elif lvl == "hamlet":
            new = rng.choice(L["org_names"])
        elif lvl == "ward":
            if kw:
                kw = _render_type(ward_type, kw.rstrip()) + (kw[len(kw.rstrip()):] or ("" if kw.rstrip().endswith(".") else " "))
            new = ward_short
        elif lvl == "district":
            if not dist_short:  # new scheme has no districts: use another ward-level name
                new = rng.choice(au["new"])[3]
            else:
                if kw:
                    kw = _render_type(dist_type, kw.rstrip()) + (kw[len(kw.rstrip()):] or "")
                new = dist_short
        elif lvl == "province":
            if kw:
                kw = _render_type(prov_type, kw.rstrip()) + (kw[len(kw.rstrip()):] or "")
            new = prov_short
        elif lvl == "name":
            n_names += 1
            # a bare first name in a multi-part address is a street; alone it is a place
            new = rng.choice(L["streets"]) if len(parts) > 1 and n_names == 1 and parts[-1] is not p \
                else ward_short
        else:
            new = val
        if val and new and fold_lower(new) == fold_lower(val):
            new = rng.choice(L["org_names"])
        if val and not new:
            new = ward_short
        like = val if not (val.isupper() and len(val) <= 5) else "Xx"  # `HCM`, `TPHCM` are abbreviations
        if kw and not kw[-1].isspace() and not kw.endswith("."):
            kw += " "
        piece = kw + (style_like(like, new) if val else new)
        if val and lvl in ("ward", "district", "province") and not val[:1].isdigit():
            g._pending_places[fold_lower(val)] = new
        out.append(piece + p.sep)
    return "".join(out).strip()


# health-facility and other organisation prefixes, folded; the rest of the name is replaced.
_ORG_PREFIX = re.compile(
    r"^(benh vien (?:da khoa |y hoc co truyen |nhi |san nhi |phu san |mat |ung buou |phoi |tam than )?"
    r"(?:(?:tinh|thanh pho|quan|huyen|thi xa|khu vuc) )?"  # `trung ương`, `quốc tế` are replaced with the name
    r"|bvdk |bvđk |bv |tram y te (?:xa |phuong |thi tran )?|trung tam y te (?:huyen |quan |thi xa |thanh pho |khu vuc )?"
    r"|ttyt (?:huyen |quan |thi xa |thanh pho |khu vuc )?|phong kham (?:da khoa |chuyen khoa )?|pkdk |pk "
    r"|cong ty (?:tnhh |co phan |cp )?(?:mtv )?|cty (?:tnhh |cp )?|truong (?:dai hoc |cao dang |thpt |thcs |tieu hoc |mam non )?"
    r"|nha may |ngan hang |xi nghiep |benh xa |nha thuoc )", re.IGNORECASE)


def _make_org(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    L = lists()
    au = admin_units()
    t = req.text
    key = fold_lower(t)
    if len(key) != len(t):
        key = t.lower()
    m = _ORG_PREFIX.match(key)
    prefix = t[: m.end()] if m else ""
    rest = fold_lower(t[len(prefix):])
    admin_tail = bool(m and re.search(r"(tinh|thanh pho|quan|huyen|thi xa|khu vuc|xa|phuong|thi tran) $", m.group(1)))
    known = g.places.get(rest.strip()) if admin_tail else None
    for attempt in range(10):
        if known and attempt == 0:
            name = known
        elif admin_tail:
            pool = au["legacy"] if re.search(r"(quan|huyen|thi xa) $", m.group(1)) else None
            if pool is not None:
                name = rng.choice(pool)[3]
            elif re.search(r"(tinh|thanh pho) $", m.group(1)):
                name = rng.choice(au["new"])[1]
            else:
                name = rng.choice(au["new"])[3]
        elif prefix:
            name = rng.choice(L["org_names"])
        else:
            name = "Công ty " + rng.choice(L["org_names"]) if len(t.split()) > 1 else rng.choice(L["org_names"])
        if fold_lower(name) != rest:
            break
    return prefix + name


def _make_profession(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    f = fold_lower(req.text)
    pool = [p for p in lists()["professions"] if fold_lower(p) != f]
    return rng.choice(pool)


def _make_gender(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    return rng.choice(["nam", "nữ"])


# Values with so few possible surrogates that one may equal the original (opt-in quasi-identifiers).
_MAY_REPEAT = {"GENDER"}

_MAKERS: dict[str, Callable[[SurrogateGenerator, random.Random, SurrogateRequest], str | None]] = {
    "NAME": _make_name, "AGE": _make_age, "PHONE": _make_phone, "EMAIL": _make_email, "URL": _make_url,
    "IP": _make_ip, "ID": _make_id, "LOCATION": _make_location, "ORGANIZATION": _make_org,
    "PROFESSION": _make_profession, "GENDER": _make_gender, "TRANSPORT": _make_transport,
}
