"""Realistic, consistent Vietnamese surrogates for identifiers.

A surrogate keeps what makes the text read naturally and stay useful: the person's gender
(Văn/Thị, kinship cues, the given name), the shape of a phone number (network prefix,
separators), valid CCCD / BHYT / BHXH / plate structure, the address scheme (63 provinces with
districts, or the post-2025 34 provinces with wards), the writing style (UPPER CASE, no
diacritics) and the date format. It is consistent and pure: the surrogate of a value is a function of (key, patient, label,
value) only — the same in a fresh or a shared engine, with any number of workers, in any order —
and the value is compared in its folded form (`Nguyen Van An` is `Nguyễn Văn An`). Names go
through keyed permutations (one per syllable position and vocabulary: surname, middle, given
name), so two different names of one patient never share a surrogate. A `Vault` records the
mapping for re-identification. The one exception: a surrogate that would repeat another
identifier of the same document is re-drawn for that document only.
"""
from __future__ import annotations

import functools
import random
import re
import sqlite3
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import load_yaml, resource_path
from ..text.fold import fold, fold_lower
from .dates import DateShiftError, offset_from_bytes, shift_dates, shift_year
from .vault import Keyring, Vault, surrogate_norm


# --- word lists -----------------------------------------------------------------------------------
def _lines(name: str) -> list[str]:
    p = resource_path("deid_surrogates", name)
    return [x.strip() for x in p.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]


@functools.cache
def lists() -> dict[str, Any]:

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
    d.update(load_yaml(resource_path("deid_surrogates", "codes.yaml").read_text(encoding="utf-8")))
    d["surname_folds"] = {fold_lower(s) for s in surnames} | {
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
        "duong", "ly", "dinh", "dao", "trinh", "mai", "cao", "luong", "ta", "doan", "truong", "ha", "luu", "to",
        "chu", "quach", "lam", "phung", "kieu", "thai", "tang", "trieu", "vuong", "la", "khong", "au", "lo",
        "ton", "diep", "lai", "thach", "danh", "kim", "ong", "giang", "nong", "hua", "mac", "lang", "vi"}
    d["given_unisex"] = _lines("given_unisex.txt")
    d["given_extra_male"] = _lines("given_extra_male.txt")  # apart: given_male.txt feeds the speed benchmark's notes
    d["given_extra_female"] = _lines("given_extra_female.txt")
    d["given_reserve_male"] = _lines("given_reserve_male.txt")
    d["given_reserve_female"] = _lines("given_reserve_female.txt")
    d["org_types"] = load_yaml(resource_path("deid_surrogates", "org_types.yaml").read_text(encoding="utf-8"))["types"]
    male = d["given_male"] + d["given_extra_male"] + d["given_reserve_male"]
    female = d["given_female"] + d["given_extra_female"] + d["given_reserve_female"]
    d["given_male_folds"] = {fold_lower(s) for s in male}
    d["given_female_folds"] = {fold_lower(s) for s in female}
    d["given_male_lower"] = {s.lower() for s in male}
    d["given_female_lower"] = {s.lower() for s in female}
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
    return " ".join(fold_lower(t).split()).strip(" .,;:-")  # `Nguyen Van An` is `Nguyễn Văn An`


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


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    """The words of resources/deid_surrogates/words.yaml, with the regexes built from them: the titles and kinship
    words a detector may include at the start of a NAME span (kept as written), quarters, address keywords."""

    d = load_yaml(resource_path("deid_surrogates", "words.yaml").read_text(encoding="utf-8"))
    d["name_cue"] = re.compile(r"^(?i:(?:" + d["name_titles"] + r")\s*)+(?=\S)"
                               r"|^(?i:" + d["name_kinship"] + r")\s+(?=\S)")
    d["quarter"] = re.compile(r"(?i)\b(" + d["quarter_word"] + r")(\s+)(IV|I{1,3}|[1-4])(\s*(?:"
                              + d["quarter_year_joint"] + r")\s*)(\d{4})\b")
    kws = [tuple(x) for x in d["address_keywords"]]
    d["keyword_rx"] = re.compile(
        r"(?<![\w.])(" + "|".join(re.escape(k) for k, _ in kws) + r")(?:(?<=\.)|(?=[\s\d]))", re.UNICODE)
    d["keyword_level"] = dict(kws)
    return d


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

    `key` seeds everything (same key + patient + value -> same surrogate, whatever came before);
    `vault` records the mapping (first writer wins) for re-identification and across key-sharing
    runs; `date_offset` fixes the number of days dates move (default: from the key and the patient).
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
        # a cache of pure results only: it never changes what a value gets
        self._cache: dict[tuple[str, str, str], str] = {}
        self._perms: dict[str, dict[str, str]] = {}
        self._doc_pure: OrderedDict[frozenset, frozenset] = OrderedDict()
        self.fallbacks = 0

    # --- pure building blocks --------------------------------------------------------------------
    def _vhash(self, label: str, vkey: str) -> str:
        return self.keyring.hexdigest("value", self.scope, label, vkey, length=40)

    def rng(self, label: str, vkey: str, attempt: int = 0) -> random.Random:
        seed = self.keyring.digest("surrogate", self.scope, label, vkey, str(attempt))
        return random.Random(int.from_bytes(seed, "big"))

    def permutation(self, name: str, groups: list[list[str]], target: frozenset | None = None,
                    pairs: tuple[list[str], list[str]] | None = None) -> dict[str, str]:
        """A keyed derangement of a vocabulary (folded form -> surface form): each group is put in a
        keyed order and every item maps to the next one, so the map is one-to-one and nothing maps to
        itself. Groups keep the map inside a band (common surnames to common surnames). With
        `target` (folded forms) the walk goes on to the next item in the target (cycle walking):
        still one-to-one on the target's own items. With `pairs` (a, b): a keyed one-to-one map
        from the items of a to those of b."""
        perm = self._perms.get(name)
        if perm is None and pairs is not None:
            a, b = ([*x] for x in pairs)
            for x in (a, b):
                x.sort(key=lambda y: self.keyring.digest("perm", self.scope, name, fold_lower(y)))
            perm = self._perms[name] = dict(zip(map(fold_lower, a), b))
        if perm is None:
            perm = {}
            for gi, group in enumerate(groups):
                items = list({fold_lower(x): x for x in reversed(group)}.values())[::-1]  # one per folded form
                if len(items) < 2:
                    continue
                items.sort(key=lambda x: self.keyring.digest("perm", self.scope, name, str(gi), fold_lower(x)))
                for i, x in enumerate(items):
                    for k in range(1, len(items)):
                        y = items[(i + k) % len(items)]
                        if target is None or fold_lower(y) in target:
                            perm[fold_lower(x)] = y
                            break
            self._perms[name] = perm
        return perm

    def place_name(self, level: str, original: str) -> str | None:
        """The fake short name of a ward, district or province (pure: an address and a facility
        named after the same place get the same fake place)."""
        pool = _place_pools().get(level)
        if not pool:
            return None
        f = fold_lower(original).strip()
        rng = self.rng("PLACE", level + "|" + f)
        for _ in range(10):
            x = rng.choice(pool)
            if fold_lower(x) != f:
                return x
        return None

    def _pure(self, label: str, vkey: str, req: SurrogateRequest, variant: str) -> str | None:
        """The surrogate of a value: depends on the key, the scope, the label and the value only."""
        ck = (label, vkey, variant)
        hit = self._cache.get(ck)
        if hit is not None:
            return hit
        if self.vault is not None:
            hit = self.vault.get(self.scope, label, self._vhash(label, vkey + variant))
        if hit is None:
            make = _MAKERS.get(label)
            if make is None:
                return None
            for attempt in range(self.max_attempts):
                try:
                    cand = make(self, self.rng(label, vkey + variant, attempt), req)
                except Exception:  # noqa: BLE001 - a generator bug must never leak the value: tag instead
                    cand = None
                if not cand:
                    return None
                if label in _MAY_REPEAT or surrogate_norm(fold(cand)) != surrogate_norm(fold(req.text)):
                    hit = cand
                    break
            if hit is None:
                return None
            if label in ("ID", "PHONE", "TRANSPORT"):  # stored compact; every mention gets its own shape
                hit = value_key(label, hit)
            if self.vault is not None:
                hit = self.vault.put(self.scope, label, self._vhash(label, vkey + variant), hit, req.text)
        self._cache[ck] = hit
        return hit

    def _document_surrogates(self, forbidden: frozenset) -> frozenset:
        """Pure name surrogates of a document's identifiers (a re-drawn one must not take one of them)."""
        hit = self._doc_pure.get(forbidden)
        if hit is None:
            out = set()
            for f in forbidden:
                if f and not any(c.isdigit() for c in f):
                    out.add(word_key(_name_by_permutation(self, SurrogateRequest("NAME", f.title()))))
            hit = self._doc_pure[forbidden] = frozenset(out)
            while len(self._doc_pure) > 4:
                self._doc_pure.popitem(last=False)
        return hit

    def _redraw(self, label: str, vkey: str, req: SurrogateRequest, variant: str) -> str | None:
        """A surrogate for this document only, when the pure one repeats one of its identifiers."""
        make = _MAKERS[label]
        avoid = self._document_surrogates(req.forbidden) if label == "NAME" else frozenset()
        for attempt in range(1, self.max_attempts):
            try:
                cand = make(self, self.rng(label, vkey + variant + "|doc", attempt), req, redraw=True) \
                    if label == "NAME" else make(self, self.rng(label, vkey + variant + "|doc", attempt), req)
            except Exception:  # noqa: BLE001 - as in _pure: tag rather than leak
                cand = None
            if not cand:
                return None
            if surrogate_norm(fold(cand)) == surrogate_norm(fold(req.text)) and label not in _MAY_REPEAT:
                continue
            if _contains_any(cand, req.forbidden) or word_key(cand) in avoid:
                continue
            if label in ("ID", "PHONE", "TRANSPORT"):
                cand = value_key(label, cand)
            if self.vault is not None:  # recorded under its own hash so re-identification finds it
                self.vault.put(self.scope, label, self._vhash(label, vkey + variant + "|doc|" + cand), cand, req.text)
            return cand
        return None

    # --- entry point -----------------------------------------------------------------------------
    def surrogate(self, req: SurrogateRequest) -> str:
        """The surrogate for one mention, written in the mention's style. Falls back to `[LABEL]`."""
        label = req.label
        if label == "DATE":  # dates move by the patient's offset: no lookup needed, intervals kept
            try:
                out = shift_quarters(req.text, self.date_offset)
                if out is None:
                    out = shift_dates(req.text, self.date_offset, self.ref_year)
            except DateShiftError:
                out = None
            if out is None or out == req.text:
                self.fallbacks += 1
                return f"[{label}]"
            return out
        if label == "NAME":
            m = _words()["name_cue"].match(req.text)
            if m and m.end() < len(req.text):  # `bé Khôi`, `BS. Lê Minh`: the cue stays, the name changes
                rest = SurrogateRequest(label, req.text[m.end():], req.attrs, req.before + req.text[:m.end()],
                                        req.fold_accents, req.forbidden)
                return req.text[:m.end()] + self.surrogate(rest)
        vkey = value_key(label, req.text)
        if not vkey:
            self.fallbacks += 1
            return f"[{label}]"
        if label not in _MAKERS:
            return f"[{label}]"
        # a bare given name's gender may come from a cue before it (`anh Minh`, `chị Minh`)
        variant = ("|" + (guess_gender(req.text, req.before) or "")) if label == "NAME" else ""
        canon = self._pure(label, vkey, req, variant)
        if canon is not None and _contains_any(canon, req.forbidden):
            canon = self._redraw(label, vkey, req, variant)
        if canon is None:
            self.fallbacks += 1
            return f"[{label}]"
        if label in ("ID", "TRANSPORT"):
            shaped = _reshape_alnum(req.text, canon)
            return shaped if shaped is not None else f"[{label}]"
        if label == "PHONE":
            shaped = _render_phone(req.text, canon)
            return shaped if shaped is not None else f"[{label}]"
        if label in ("IP", "EMAIL", "URL"):
            return canon
        return style_like(req.text, canon, req.fold_accents)


# --- quarters -----------------------------------------------------------------------------------------
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def shift_quarters(text: str, offset_days: int) -> str | None:
    """`Quý 2/2024`, `quý II năm 2024`: a quarter moves with the patient's offset (its middle day),
    written as it was (Arabic or Roman number); None when the text holds no quarter."""
    import datetime as _dt

    quarter = _words()["quarter"]
    if not quarter.search(text):
        return None

    def rest(piece: str) -> str:  # other dates in the span move too
        if not any(c.isdigit() for c in piece):
            return piece
        out = shift_dates(piece, offset_days)
        return piece if out is None else out

    def put(m: re.Match) -> str:
        q_txt = m.group(3)
        q = _ROMAN.get(q_txt.upper()) or int(q_txt)
        mid = _dt.date(int(m.group(5)), 3 * q - 1, 15) + _dt.timedelta(days=offset_days)
        nq = (mid.month - 1) // 3 + 1
        new_q = {v: k for k, v in _ROMAN.items()}[nq] if not q_txt.isdigit() else str(nq)
        if q_txt.islower():
            new_q = new_q.lower()
        return m.group(1) + m.group(2) + new_q + m.group(4) + str(mid.year)

    parts, last = [], 0
    for m in quarter.finditer(text):
        parts += [rest(text[last:m.start()]), put(m)]
        last = m.end()
    parts.append(rest(text[last:]))
    return "".join(parts)


# --- makers: (generator, rng, request) -> canonical surrogate ----------------------------------------
@functools.cache
def _name_groups() -> dict[str, Any]:
    """Vocabularies of the name permutations. Surnames in bands of similar frequency. Given and
    middle names by class (male, female, unisex): a name maps inside its own class, whatever the
    context, so two listed names never meet. The gender markers Văn and Thị are no middle names to
    draw (they stay where they are): no `Thị Thị`. Reserve names are the images of given names
    outside the lists, which no listed name can take."""
    L = lists()
    ranked = [n for _, n in sorted(zip(L["surname_weights"], L["surnames"]), key=lambda x: -x[0])]
    bands = [ranked[i:i + 6] for i in range(0, len(ranked), 6)]
    if len(bands) > 1 and len(bands[-1]) < 3:
        bands[-2] += bands.pop()
    unisex = L["given_unisex"]
    uf = {fold_lower(x) for x in unisex}
    male = [x for x in L["given_male"] + L["given_extra_male"] if fold_lower(x) not in uf]
    mf = {fold_lower(x) for x in male}
    female = [x for x in L["given_female"] + L["given_extra_female"] if fold_lower(x) not in uf | mf]
    mid_m = [x for x in L["middle_male"] if fold_lower(x) not in ("van", "thi")]
    mid_f = [x for x in L["middle_female"] if fold_lower(x) not in ("van", "thi")]
    both = {fold_lower(x) for x in mid_m} & {fold_lower(x) for x in mid_f}
    mid_u = [x for x in mid_m if fold_lower(x) in both]
    mid_m = [x for x in mid_m if fold_lower(x) not in both]
    mid_f = [x for x in mid_f if fold_lower(x) not in both]
    return {
        "surname": bands,
        "given": {"M": male, "F": female, "U": unisex},
        "middle": {"M": mid_m, "F": mid_f, "U": mid_u},
        "class": {**{fold_lower(x): "U" for x in unisex}, **{fold_lower(x): "M" for x in male},
                  **{fold_lower(x): "F" for x in female}},
        "middle_class": {**{fold_lower(x): "M" for x in mid_m}, **{fold_lower(x): "F" for x in mid_f},
                         **{fold_lower(x): "U" for x in mid_u}},
        # the first len(unisex) reserve names of a gender take the place of a unisex image (below);
        # the others are the images of given names outside the lists
        "swap": {"M": L["given_reserve_male"][:len(unisex)], "F": L["given_reserve_female"][:len(unisex)]},
        "reserve": {"M": L["given_reserve_male"][len(unisex):], "F": L["given_reserve_female"][len(unisex):],
                    "U": L["given_reserve_male"][len(unisex):] + L["given_reserve_female"][len(unisex):]},
    }


def _syllable(g: SurrogateGenerator, kind: str, syl: str, gender: str | None, avoid: set[str]) -> str:
    """One syllable through the keyed permutation of its class (pure, one-to-one inside a class).

    Male names and unisex names of a man (`anh Minh`, `Nguyễn Văn Minh`) share one permutation;
    where it gives a unisex name, a keyed one-to-one swap puts a reserve male name instead, so the
    surrogate reads male and still no two names meet (the same for women). A syllable outside the
    lists gets a keyed pick (given names: from the other reserve names, so only such names can
    meet each other)."""
    G = _name_groups()
    f = fold_lower(syl)
    out = None
    if kind == "surname":
        out = g.permutation("surname", G["surname"]).get(f)
        pool = G["surname"][0]
    elif kind == "middle":
        cls = G["middle_class"].get(f)
        if cls is not None:
            out = g.permutation("middle_" + cls, [G["middle"][cls]]).get(f)
        pool = G["middle"][gender or "M"] or G["middle"]["M"]
    else:
        cls = G["class"].get(f)
        if cls == "U" and gender in ("M", "F"):
            cls = gender + "U"
        if cls in ("M", "F", "MU", "FU"):
            sex = cls[0]
            out = g.permutation("given_" + sex, [G["given"][sex] + G["given"]["U"]]).get(f)
            if out is not None and fold_lower(out) in G["class"] and G["class"][fold_lower(out)] == "U":
                swap = g.permutation("swap_" + sex, [], pairs=(G["given"]["U"], G["swap"][sex]))
                out = swap.get(fold_lower(out), out)
        elif cls == "U":
            out = g.permutation("given_U", [G["given"]["U"]]).get(f)
        pool = G["reserve"][gender or "U"]
    if out is not None and fold_lower(out) not in avoid:
        return out
    h = int.from_bytes(g.keyring.digest("perm", g.scope, kind + "-oov", f), "big")
    for i in range(len(pool)):
        x = pool[(h + i) % len(pool)]
        if fold_lower(x) != f and fold_lower(x) not in avoid:
            return x
    return pool[h % len(pool)]


def _name_by_permutation(g: SurrogateGenerator, req: SurrogateRequest) -> str:
    L = lists()
    syl = req.text.split()
    gender = guess_gender(req.text, req.before)
    fsyl = [fold_lower(s) for s in syl]
    n = len(syl)
    if n == 1:
        return _syllable(g, "given", syl[0], gender, set())
    if n == 2 and fsyl[0] not in L["surname_folds"]:
        mid = _syllable(g, "middle", syl[0], gender, set())
        return f"{mid} {_syllable(g, 'given', syl[1], gender, {fold_lower(mid)})}"
    out = [_syllable(g, "surname", syl[0], gender, set())]
    markers = _words()["gender_markers"]
    used: set[str] = set()
    for i, s in enumerate(fsyl[1:-1]):
        if i == 0 and s in markers:
            out.append(markers[s])  # the gender marker stays
        else:
            out.append(_syllable(g, "middle", syl[1 + i], gender, used))
        used.add(fold_lower(out[-1]))
    out.append(_syllable(g, "given", syl[-1], gender, used))
    return " ".join(out)


def _make_name(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest, redraw: bool = False) -> str:
    """Pure: syllable by syllable through keyed permutations, so two different names never meet.
    `redraw` (for one document): keyed picks instead, the gender markers still kept."""
    if not redraw:
        return _name_by_permutation(g, req)
    L = lists()
    G = _name_groups()
    syl = req.text.split()
    gender = guess_gender(req.text, req.before) or "U"
    fsyl = [fold_lower(s) for s in syl]
    given = G["given"][gender] if gender in ("M", "F") else G["given"]["M"] + G["given"]["F"] + G["given"]["U"]
    middle = G["middle"][gender] if gender in ("M", "F") else G["middle"]["M"] + G["middle"]["F"]

    def pick(pool: list[str], avoid: set[str]) -> str:
        for _ in range(10):
            x = rng.choice(pool)
            if fold_lower(x) not in avoid:
                return x
        return x

    n = len(syl)
    if n == 1:
        return pick(given, {fsyl[0]})
    if n == 2 and fsyl[0] not in L["surname_folds"]:
        m = pick(middle, {fsyl[0]})
        return f"{m} {pick(given, {fsyl[1], fold_lower(m)})}"
    out = [pick(L["surnames"], {fsyl[0]})]
    markers = _words()["gender_markers"]
    used: set[str] = set()
    for i, s in enumerate(fsyl[1:-1]):
        out.append(markers[s] if i == 0 and s in markers else pick(middle, used | {s}))
        used.add(fold_lower(out[-1]))
    out.append(pick(given, used | {fsyl[-1]}))
    return " ".join(out)


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
# (keyword, level) and the type abbreviations: words.yaml `address_keywords`, `type_abbreviations` (`_words()`).
_NUMERIC_LEVELS = {"house", "lane"}
_ADMIN_LEVELS = {"ward", "district", "city", "province"}


def _render_type(unit_type: str, kw_written: str) -> str:
    """A unit type (`Phường`, `Xã`, `Thành phố`) written in the style of the original keyword."""
    if kw_written.endswith("."):
        abbr = _words()["type_abbreviations"].get(fold_lower(unit_type), kw_written)
        return unit_type.lower() if abbr == "T." else abbr  # `T.` for tỉnh is rare: write it out
    if fold_lower(unit_type) == fold_lower(kw_written):
        return kw_written
    if kw_written.isupper() and len(kw_written) <= 3 and fold_lower(kw_written) in ("tp", "tx", "tt"):
        abbr = _words()["type_abbreviations"].get(fold_lower(unit_type), "").rstrip(".")  # `TP Biên Hòa` -> `TX Ninh Hòa`
        return abbr if abbr in ("TP", "TX", "TT") else unit_type.lower()
    return _case_word(unit_type.lower(), kw_written) if kw_written else unit_type


@dataclass
class _Part:
    level: str        # house, lane, street, hamlet, ward, district, city, province, name, number, sep
    kw: str = ""      # the keyword as written (incl. its trailing space)
    value: str = ""   # the value as written
    sep: str = ""     # text that follows (", ")


def _parse_address(text: str) -> list[_Part]:
    kw_rx, kw_level = _words()["keyword_rx"], _words()["keyword_level"]
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
            m = kw_rx.match(key, pos, e)
            if m:
                kw_end = m.end()
                gap = len(text[kw_end:e]) - len(text[kw_end:e].lstrip())
                level = kw_level[m.group(1)]
                vstart = kw_end + gap
                if level in _NUMERIC_LEVELS or (level == "hamlet" and re.match(r"\d", text[vstart:vstart + 1] or "x")):
                    nm = re.match(r"[\w/.-]*\d[\w/.-]*", text[vstart:e])
                    vend = vstart + (nm.end() if nm else 0)
                else:
                    nxt = None
                    for m2 in kw_rx.finditer(key, vstart, e):
                        if kw_level[m2.group(1)] in _ADMIN_LEVELS and m2.start() > vstart:
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
            for m2 in kw_rx.finditer(key, pos, e):
                if kw_level[m2.group(1)] in _ADMIN_LEVELS and m2.start() > pos:
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


_PROVINCE_ALIASES = {"sai gon", "hcm", "tp hcm", "tphcm", "hn", "sg", "ha noi", "hue", "tt hue", "thua thien hue", "tt-hue",
                     "ba ria vung tau", "brvt"}


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

    def names_of(r) -> set[str]:
        return ({fold_lower(r[1]), fold_lower(r[3]), fold_lower(r[6])} if scheme == "legacy"
                else {fold_lower(r[1]), fold_lower(r[3])})

    # the most specific named unit picks the row through its pure fake name, so `xã Hòa Bình` here
    # and in `Trạm Y tế xã Hòa Bình` (any document of the patient) get the same fake ward
    row, linked = None, None
    named = {}
    for p in parts:
        if p.level in ("ward", "district", "province") and p.value and not any(c.isdigit() for c in p.value):
            named.setdefault(p.level, p.value)
    for lvl in ("ward", "district", "province"):
        if lvl not in named:
            continue
        fake = g.place_name(lvl, named[lvl])
        cands = [r for r in _rows_by(scheme, lvl).get(fake or "", []) if not names_of(r) & originals]
        if cands:
            row, linked = rng.choice(cands), (lvl, fake)
        break
    for _ in range(20 if row is None else 0):
        r = rng.choice(au[scheme])
        if not names_of(r) & originals:
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
    prov_type = province[: len(province) - len(prov_short)].strip() or _words()["default_province_type"]
    # `Duyên Hải (Huyện)`: the data set tells same-named units apart in brackets; a text never does
    ward_short, dist_short = (re.sub(r"\s*\(.*\)$", "", x) for x in (ward_short, dist_short))
    if linked is not None:  # written exactly as the facility names will write it
        ward_short, dist_short, prov_short = (linked[1] if linked[0] == lvl else x for lvl, x in
                                              (("ward", ward_short), ("district", dist_short), ("province", prov_short)))
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
        if val and new and fold_lower(new) == fold_lower(val):  # a province stays a province
            new = (g.place_name(lvl, val) if lvl in ("ward", "district", "province") else None) \
                or rng.choice(L["org_names"])
        if val and not new:
            new = ward_short
        like = val if not (val.isupper() and len(val) <= 5) else "Xx"  # `HCM`, `TPHCM` are abbreviations
        if kw and not kw[-1].isspace() and not kw.endswith("."):
            kw += " "
        piece = kw + (style_like(like, new) if val else new)
        out.append(piece + p.sep)
    return "".join(out).strip()


@functools.cache
def _place_pools() -> dict[str, list[str]]:
    """Fake place names by level: wards named alike in both schemes, old districts, provinces of both."""
    au = admin_units()

    def short(name: str, typ: str) -> str:
        return name[len(typ) + 1:] if typ and name.startswith(typ + " ") else name

    legacy_wards = {short(r[6], r[7]) for r in au["legacy"]}
    new_wards = {short(r[3], r[4]) for r in au["new"]}
    new_provs = {fold_lower(r[1]) for r in au["new"]}
    return {
        "ward": sorted(w for w in legacy_wards & new_wards if "(" not in w
                       and not any(c.isdigit() for c in w)),
        "district": sorted(d for d in {short(r[3], r[4]) for r in au["legacy"]} if d and "(" not in d
                           and not any(c.isdigit() for c in d)),
        "province": sorted({r[1] for r in au["legacy"] if fold_lower(r[1]) in new_provs}),
    }


@functools.cache
def _rows_by(scheme: str, level: str) -> dict[str, list[tuple]]:
    """Admin-unit rows of a scheme by the short name of one level, as written (`Nấm Dẩn` is not
    `Nam Đàn`)."""
    out: dict[str, list[tuple]] = {}
    for r in admin_units()[scheme]:
        if scheme == "legacy":
            name, typ = {"ward": (r[6], r[7]), "district": (r[3], r[4]), "province": (r[1], "")}[level]
        else:
            if level == "district":
                return {}
            name, typ = {"ward": (r[3], r[4]), "province": (r[1], "")}[level]
        if typ and name.startswith(typ + " "):
            name = name[len(typ) + 1:]
        out.setdefault(name, []).append(r)
    return out


_ADMIN_WORD_LEVEL = {"xa": "ward", "phuong": "ward", "thi tran": "ward", "dac khu": "ward", "quan": "district",
                     "huyen": "district", "thi xa": "district", "khu vuc": "district", "tinh": "province",
                     "thanh pho": "province"}


@functools.cache
def _org_patterns() -> list[tuple[re.Pattern, str]]:
    """(pattern over the folded name, kind) from resources/deid_surrogates/org_types.yaml."""
    def alt(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words or [], key=len, reverse=True))

    out = []
    for t in lists()["org_types"]:
        rx = rf"^(?P<head>{alt(t['heads'])})"
        if t.get("qualifiers"):
            rx += rf"(?: (?P<qual>{alt(t['qualifiers'])}))?"
        if t.get("admin"):
            rx += rf"(?: (?P<admin>{alt(t['admin'])}))?"
        out.append((re.compile(rx + r"(?= \S)", re.IGNORECASE), t["kind"]))
    return out


def _make_org(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    """The type words stay (`Bệnh viện Đa khoa tỉnh`, `Trạm Y tế xã`, `Công ty TNHH`), the name goes:
    after an admin-unit word it becomes the fake place of that level, otherwise a fictitious name."""
    L = lists()
    t = req.text
    key = fold_lower(t)
    if len(key) != len(t):
        key = t.lower()
    best = None
    for rx, _kind in _org_patterns():
        m = rx.match(key)
        if m and (best is None or m.end() > best.end()):
            best = m
    prefix = t[: best.end() + 1] if best else ""
    rest = t[len(prefix):]
    admin = best.group("admin") if best is not None and "admin" in best.groupdict() else None
    name = None
    if admin:
        name = g.place_name(_ADMIN_WORD_LEVEL[admin], rest)
    for _ in range(10):
        if name and fold_lower(name) != fold_lower(rest):
            break
        name = rng.choice(L["org_names"])
    return prefix + name


def _make_profession(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    f = fold_lower(req.text)
    pool = [p for p in lists()["professions"] if fold_lower(p) != f]
    return rng.choice(pool)


def _make_gender(g: SurrogateGenerator, rng: random.Random, req: SurrogateRequest) -> str | None:
    return rng.choice(_words()["genders"])


# Values with so few possible surrogates that one may equal the original (opt-in quasi-identifiers).
_MAY_REPEAT = {"GENDER"}

_MAKERS: dict[str, Callable[[SurrogateGenerator, random.Random, SurrogateRequest], str | None]] = {
    "NAME": _make_name, "AGE": _make_age, "PHONE": _make_phone, "EMAIL": _make_email, "URL": _make_url,
    "IP": _make_ip, "ID": _make_id, "LOCATION": _make_location, "ORGANIZATION": _make_org,
    "PROFESSION": _make_profession, "GENDER": _make_gender, "TRANSPORT": _make_transport,
}
