"""Values as spoken or as OCR reads them, rewritten into the digits the DOSAGE / RESULT patterns read.

A transcript writes `năm trăm mi li gam ngày hai lần` and `huyết áp một trăm bốn mươi trên chín mươi`; a scanned
form `2Omg` and `l2O umol/L`. `value_edits(text)` lists the edits (start, end, replacement) that give
`500 mg ngày 2 lần`, `140/90`, `20mg`, `120 umol/L`; the extractor reads the edited text and maps every span back
to the input through `vimednlp.text.alignment` (a span touching an edit covers the whole edit in the input).
The knowledge (number words, spoken units, OCR letters) is data: `resources/clinical/spoken.yaml`.
`chat_edits(text)` reads chat spellings of cue words as the words (`hok` -> `không`, `resources/clinical/
chat_words.tsv`) for the assertion rules.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..paths import load_yaml, resource_path
from ..text.fold import fold_lower
from ..text.units import units as shared_units
from .lexicon import _FAST_TOKEN, doc_is_accented, has_marks

Edit = tuple[int, int, str]


@dataclass
class _Data:
    roles: dict[str, list[tuple[str, str, int]]]   # folded word -> [(word, role, digit)]
    units: dict[tuple[str, ...], tuple[tuple[str, ...], str]]   # folded words -> (words, written unit)
    max_unit: int
    counted: set[str]
    counted_plain: set[str]   # counted words written without marks (`mg`, `ml`)
    counted_marked: set[str]  # counted words as written, lower case (`lần`, `độ`)
    unit_after: re.Pattern
    ocr: dict[str, str]
    ocr_word: dict[str, tuple[str, ...]]
    ocr_lead: set[str]
    trigger: re.Pattern
    trigger_marked: re.Pattern
    pairs: frozenset[tuple[str, str]]   # (a word that opens a number, the word after it), both spellings
    digit_unit: re.Pattern              # a number in digits, then a spoken unit
    unit_pairs: frozenset[tuple[str, str]]   # the first two words of a spoken unit
    ratio_words: tuple[str, ...] = ()        # `trên` of `150 trên 90`


@lru_cache(maxsize=1)
def _data() -> _Data:
    path = resource_path("clinical", "spoken.yaml")
    d = load_yaml(path.read_text(encoding="utf-8"))
    for key in ("digits", "ten", "tens", "hundred", "thousand", "zero_tens", "decimal", "ratio", "units", "counted",
                "ocr_digits", "ocr_lead"):
        if key not in d:
            raise ValueError(f"{path}: missing key {key!r}")
    roles: dict[str, list[tuple[str, str, int]]] = {}

    def add(word: str, role: str, digit: int = -1) -> None:
        roles.setdefault(fold_lower(word), []).append((word, role, digit))

    after_tens = set(d.get("after_tens_only") or ())
    for w, v in d["digits"].items():
        add(w, "late" if w in after_tens else "digit", int(v))
    for key, role in (("ten", "ten"), ("tens", "tens"), ("hundred", "hundred"), ("thousand", "thousand"),
                      ("zero_tens", "zero"), ("decimal", "decimal"), ("ratio", "ratio")):
        for w in d[key]:
            add(w, role)
    units = {}
    for spoken, written in d["units"].items():
        words = tuple(_FAST_TOKEN.findall(spoken))
        units[tuple(fold_lower(w) for w in words)] = (words, str(written))
    counted = {fold_lower(str(w)) for w in d["counted"]}
    written = sorted({fold_lower(u) for u in (*shared_units("dose"), *shared_units("result"))} | counted,
                     key=len, reverse=True)
    unit_after = re.compile(r"[ \t]*(?:" + "|".join(u if "\\" in u else re.escape(u) for u in written) + r")(?![\w])")
    ocr = {str(k): str(v) for k, v in d["ocr_digits"].items()}
    # cheap tests before any tokenizing: a number word followed by another number word, a unit or a counted word
    # (`hai mươi`, `năm trăm`, `hai lần`, `ba mươi tám độ`); a digit beside a letter OCR confuses with one
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))

    def trigger_of(nums, unit_words, counted_words):
        return re.compile(r"(?<![\w])(?:" + alt(nums) + r")[ \t]+(?:" + alt(nums | unit_words | counted_words)
                          + r")(?![\w])|\d[ \t]*(?:" + alt(unit_words) + r")(?![\w])")

    # cheap tests before any tokenizing: a word that opens a number followed by another number word, a unit or a
    # counted word (`hai mươi`, `năm trăm`, `hai lần`); in a text typed with marks, with its marks (`hai bà`,
    # `sau đó` are no numbers), else folded
    opening = [(w, k) for k, cands in roles.items() for w, r, _ in cands if r in ("digit", "ten")]
    spoken_units = {" ".join(words).lower() for words, _ in units.values()}
    trigger = trigger_of({k for _, k in opening}, {fold_lower(u) for u in spoken_units}, counted)
    trigger_marked = trigger_of({w for w, _ in opening} | {w for k, c in roles.items() for w, _, _ in c},
                                spoken_units, {str(w).lower() for w in d["counted"]})
    # the same test on word pairs, for most notes (no number in words): a set lookup instead of a regex scan
    nexts = {w for c in roles.values() for w, _, _ in c} | set(roles) | {u.split()[0] for u in spoken_units} \
        | {fold_lower(u).split()[0] for u in spoken_units} | counted | {str(w).lower() for w in d["counted"]}
    pairs = frozenset((a, b) for a in {w for w, _ in opening} | {k for _, k in opening} for b in nexts)
    # a number in digits, then a unit only speech writes (`500 mi li gam`; `2 lần`, `38 độ` are written units)
    spoken_only = {u for u in spoken_units | {fold_lower(u) for u in spoken_units} if " " in u}
    digit_unit = re.compile(r"\d[ \t]*(?:" + alt(spoken_only) + r")(?![\w])")
    pairs = frozenset((a, b + p) for a, b in pairs for p in ("", ",", ".", ";", ":", ")"))
    unit_pairs = frozenset(tuple(u.split()[:2]) for u in spoken_only)
    plain = {str(w).lower() for w in d["counted"] if fold_lower(str(w)) == str(w).lower()}
    ocr_word = {str(k): tuple(str(x) for x in (v if isinstance(v, list) else [v]))
                for k, v in (d.get("ocr_letters") or {}).items()}
    return _Data(roles, units, max(len(k) for k in units), counted, plain, {str(w).lower() for w in d["counted"]},
                 unit_after, ocr, ocr_word,
                 {str(x) for x in d["ocr_lead"]}, trigger, trigger_marked, pairs, digit_unit, unit_pairs,
                 tuple(sorted({x for w in d["ratio"] for x in (str(w), fold_lower(str(w)))})))


def _role(word: str, roles: dict, accented: bool = False) -> list[tuple[str, int]]:
    """The number roles a written word may take: with its accents when it has them or the text is written with
    them (`sau` there is `after`, not `sáu`), folded in a text typed without marks."""
    cands = roles.get(fold_lower(word))
    if not cands:
        return []
    low = word.lower()
    exact = accented or has_marks(word)
    return [(role, digit) for w, role, digit in cands if not exact or w == low]


class _Tokens:
    def __init__(self, text: str):
        self.spans = [m.span() for m in _FAST_TOKEN.finditer(text)]
        self.words = [text[s:e] for s, e in self.spans]
        self.keys = [fold_lower(w) for w in self.words]
        self.text = text
        self.accented = doc_is_accented(self.words)

    def role(self, j: int, roles: dict) -> list[tuple[str, int]]:
        return _role(self.words[j], roles, self.accented)

    def adjacent(self, i: int) -> bool:
        """Token i follows token i-1 with only spaces between."""
        return i > 0 and self.text[self.spans[i - 1][1]:self.spans[i][0]].strip(" \t") == ""


def _parse_int(t: _Tokens, i: int, roles: dict) -> tuple[int, int, bool] | None:
    """The longest number written in words from token i: (value, end token, used a tens/hundred/thousand word)."""
    total = acc = 0
    pend: int | None = None
    last = "start"
    best = None
    mult = False
    j = i
    while j < len(t.words) and (j == i or t.adjacent(j)):
        opts = t.role(j, roles)
        moved = False
        for role, digit in opts:
            if role == "digit" and pend is None and last in ("start", "hundred", "zero", "thousand"):
                pend, last = digit, "digit"
            elif role in ("digit", "late") and digit and pend is None and last in ("ten", "tens"):
                acc, last = acc + digit, "done"   # never `không` (0): `chín mươi không đau đầu` is 90, then a denial
            elif role == "ten" and pend is None and last in ("start", "hundred", "zero", "thousand"):
                acc, last, mult = acc + 10, "ten", True
            elif role == "tens" and last == "digit" and pend:
                acc, pend, last, mult = acc + pend * 10, None, "tens", True
            elif role == "hundred" and last == "digit":
                acc, pend, last, mult = acc + pend * 100, None, "hundred", True
            elif role == "zero" and last == "hundred":
                last = "zero"
            elif role == "thousand" and last in ("digit", "ten", "tens", "done", "hundred"):
                total, acc, pend, last, mult = total + (acc + (pend or 0)) * 1000, 0, None, "thousand", True
            else:
                continue
            moved = True
            break
        if not moved:
            break
        j += 1
        if last != "zero":
            best = (total + acc + (pend or 0), j, mult)
    return best


def _unit_at(t: _Tokens, j: int, data: _Data) -> tuple[int, str] | None:
    """A spoken unit starting at token j: (end token, written unit), longest first."""
    for n in range(min(data.max_unit, len(t.words) - j), 0, -1):
        key = tuple(t.keys[j:j + n])
        hit = data.units.get(key)
        if hit and all(t.adjacent(k) for k in range(j + 1, j + n)) and all(
                not has_marks(w) or w.lower() == u.lower() for w, u in zip(t.words[j:j + n], hit[0])):
            return j + n, hit[1]
    return None


def _spoken_edits(text: str, data: _Data) -> list[Edit]:
    t = _Tokens(text)
    edits: list[Edit] = []
    i = 0
    n = len(t.words)
    while i < n:
        w = t.words[i]
        if w.isdigit() or re.fullmatch(r"\d+[.,]\d+", w):
            u = _unit_at(t, i + 1, data) if i + 1 < n and t.adjacent(i + 1) else None
            if u:   # `500 mi li gam`: a number in digits, its unit spoken
                edits.append((t.spans[i + 1][0], t.spans[u[0] - 1][1], u[1]))
                i = u[0]
                continue
            i += 1
            continue
        p = _parse_int(t, i, data.roles)
        if p is None:
            i += 1
            continue
        value, j, mult = p
        out = str(value)
        strong = mult and j - i >= 2   # a lone `mười` (folded `muoi`: muối, mười) counts only before a unit
        if j + 1 < n and t.adjacent(j) and any(r == "decimal" for r, _ in t.role(j, data.roles)):
            k, frac = j + 1, ""
            while k < n and len(frac) < 3 and t.adjacent(k):
                d = [dg for r, dg in t.role(k, data.roles) if r == "digit"]
                if not d:
                    break
                frac += str(d[0])
                k += 1
            if frac:
                out, j, strong = f"{out},{frac}", k, True
        elif mult and j + 1 < n and t.adjacent(j) and any(r == "ratio" for r, _ in t.role(j, data.roles)):
            q = _parse_int(t, j + 1, data.roles)
            if q and q[2]:
                out, j = f"{out}/{q[0]}", q[1]
        if out == "0":
            i += 1   # a lone `không` is `no` (`không tiếng thổi`); zero is read only before a decimal word
            continue
        u = _unit_at(t, j, data) if j < n and t.adjacent(j) else None
        counted = j < n and t.adjacent(j) and t.keys[j] in data.counted
        if counted and t.words[j][:1].isupper() and t.words[j][1:].islower() and len(t.words[j]) > 1:
            counted = False   # a capitalised word is a name (`con trai ba Lo Thi Sen`: bà Lò, not `3 lọ`)
        if counted and has_marks(t.words[j]):
            counted = t.words[j].lower() in data.counted_marked    # `đó` is not `độ`
        elif counted and t.accented and t.keys[j] not in data.counted_plain:
            counted = False   # `lan` in a text written with accents is not `lần`
        if strong or u or counted:
            edits.append((t.spans[i][0], t.spans[j - 1][1], out))
            if u:
                edits.append((t.spans[j][0], t.spans[u[0] - 1][1], u[1]))
                j = u[0]
            i = j
        else:
            i += 1
    return edits


# a letter OCR reads for a digit beside a digit: the one fast search most notes pay; the value around it is then
# taken whole (`l2O`, `3,S`, `l4O/9O`)
_OCR_SEED = re.compile(r"\d(?:[.,]?[OolISB]|(?<=[OolISB]\d)|(?<=[OolISB][.,]\d))")   # scanned from the digit
_OCR_CHARS = frozenset("0123456789OolISB.,/")


def _ocr_edits(text: str, data: _Data) -> list[Edit]:
    edits: list[Edit] = []
    folded = None
    pos = 0
    for seed in _OCR_SEED.finditer(text):
        if seed.start() < pos:
            continue
        a, b = seed.start(), seed.end()
        while a > 0 and text[a - 1] in _OCR_CHARS:
            a -= 1
        while b < len(text) and text[b] in _OCR_CHARS:
            b += 1
        while b > a and text[b - 1] in ".,/":
            b -= 1
        pos = b
        v = text[a:b]
        if (a and (text[a - 1].isalnum() or text[a - 1] == "_")) or (b < len(text) and text[b].isalnum()
                                                                      and not data.unit_after.match(text.lower(), b)):
            continue   # part of a word or code (`SpO2`, `HbA1c`)
        if not (v[0].isdigit() or v[0] in data.ocr_lead) or not any(c.isdigit() for c in v):
            continue
        if folded is None:
            folded = fold_lower(text)
        if not data.unit_after.match(folded, b) and not _table_cell(text, a, b):
            continue   # only a value with its unit or in a lab sheet's cell: `O2` (oxygen), `B12`, `I10` stay
        edits.append((a, b, "".join(data.ocr.get(c, c) for c in v)))
    return edits


_COLUMN_GAP = re.compile(r" {2,}|\t")
_CELL_OPENS = re.compile(r"(?: {2,}|\t|[<>≤≥][ \t]*|[ \t]-[ \t]*)$")


@lru_cache(maxsize=1)
def _cell_closes() -> re.Pattern:
    flags = load_yaml(resource_path("clinical", "spoken.yaml").read_text(encoding="utf-8")).get("ocr_row_flags") or []
    alt = "|".join(re.escape(str(f)) for f in sorted(flags, key=lambda f: -len(str(f))))
    return re.compile(r"(?:[ \t]+(?:" + alt + r"))?(?: {2,}|\t|[ \t]*-[ \t]|[ \t]*$)" if alt else
                      r"(?: {2,}|\t|[ \t]*-[ \t]|[ \t]*$)", re.MULTILINE)


def _table_cell(text: str, a: int, b: int) -> bool:
    """A value alone in a cell of a lab sheet's row (`Ure   l2,1 H   2,5 - 7,5   mmol/L`): the row has two column gaps
    or more; the value opens after a gap, a comparison sign or a range dash, and closes before a gap (after a high /
    low flag, spoken.yaml ocr_row_flags), a range dash or the line end. Its unit is in another column."""
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    le = len(text) if le < 0 else le
    if len(_COLUMN_GAP.findall(text, ls, le)) < 2:
        return False
    return _CELL_OPENS.search(text[ls:a]) is not None and _cell_closes().match(text[:le], b) is not None


@lru_cache(maxsize=1)
def _chat_words() -> tuple[dict[str, str], re.Pattern, frozenset[str]]:
    path = resource_path("clinical", "chat_words.tsv")
    table = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 2 or not cols[0].strip() or not cols[1].strip():
            raise ValueError(f"{path}:{n}: expected written<TAB>read as")
        table[cols[0].strip()] = cols[1].strip()
    words = sorted(table, key=len, reverse=True)
    # a whole token between spaces or punctuation; `k` (also a thousand, `200k`, or K = cancer) only before a word
    rx = re.compile(r"(?<![\w/.,])(?:" + "|".join(re.escape(w) for w in words if w != "k")
                    + (r"|k(?=[ \t]+[^\W\d_])" if "k" in table else "") + r")(?![\w/])")
    # the words with the punctuation that may follow them: a set test on the text's words before the regex
    quick = frozenset(q + w + p for w in table for p in ("", ",", ".", ";", ":", "?", "!", ")") for q in ("", "(", "-"))
    return table, rx, quick


def _chat_edits(text: str) -> list[Edit]:
    """Teencode and chat spellings of cue words read as the words (`hok` -> `không`): `chat_words.tsv`."""
    table, rx, quick = _chat_words()
    if quick.isdisjoint(text.split()):
        return []
    # the marks of a sentence decide how its words match (lexicon.TokenView): in a sentence typed with marks the
    # word is read with them (`ko sốt` -> `không sốt`), in one typed without, without (`ko sot` -> `khong sot`),
    # so a rewritten word never changes how its sentence is read
    out = []
    doc_marked = None
    for m in rx.finditer(text):
        if m.group() == "k" and _cancer_letter_at(text, m.end()):
            continue
        read = table[m.group()]
        if doc_marked is None:
            doc_marked = _marked(text)
        if not (doc_marked and _marked(_sentence(text, m.start()))):
            read = fold_lower(read)
        if read != m.group():
            out.append((m.start(), m.end(), read))
    return out


@lru_cache(maxsize=1)
def _lexicon_terms() -> tuple[tuple[str, str], ...]:
    """(label, surface form) of every lexicon term, read once for the indexes below."""
    from .resources import iter_lexicon

    return tuple((label, term) for label, term, _, _ in iter_lexicon())


_CAP_I = re.compile(r"(?<=[A-Za-z])I")
_SOFT_C = re.compile(r"c(?=[eiy])")
_DOUBLED = re.compile(r"(.)\1+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]")
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _cancer_organs() -> re.Pattern:
    """The organs after the cancer letter in the disease lexicon (`K gan`, `K dạ dày`), folded."""
    from .lexicon import is_cancer_letter, split_words, token_key
    organs = set()
    for label, term in _lexicon_terms():
        if label != "DISEASE":
            continue   # is_cancer_letter's own first test, before the word split
        words = split_words(term)
        if is_cancer_letter(label, words):
            organs.add(" ".join(token_key(w) for w in words[1:]))
    alt = "|".join(re.escape(o).replace(r"\ ", r"[ \t]+") for o in sorted(organs, key=len, reverse=True))
    return re.compile(r"[ \t]+(?:" + alt + r")(?![\w])")


def _cancer_letter_at(text: str, end: int) -> bool:
    """`k` before an organ of a `K <organ>` disease is the cancer (`me e bi k tuy`), not không."""
    return _cancer_organs().match(fold_lower(text[end:end + 40])) is not None


_ALPHA_RUN = re.compile(r"[^\W\d_]+")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")


def _marked(seg: str) -> bool:
    """The rule of `lexicon.TokenView`: typed with marks when at least one letter in 8 carries them."""
    alpha = len(_ALPHA_RUN.findall(seg))
    return alpha > 0 and len(_NON_ASCII_LETTER.findall(seg)) * 8 >= alpha


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in ".!?;\n") + 1
    ends = [e for e in (text.find(c, pos) for c in ".!?;\n") if e >= 0]
    return text[start:min(ends) if ends else len(text)]


# a lower-case word with one 0 or 1 in it (`tá0`, `1iệt`); codes in capitals (`B1`, `T1`, `NS1`) never match
_ZERO_ONE = re.compile(r"[01]")


@lru_cache(maxsize=1)
def _ocr_letter_rules() -> tuple[re.Pattern | None, dict[str, str], str]:
    d = load_yaml(resource_path("clinical", "spoken.yaml").read_text(encoding="utf-8"))
    pairs = {str(k): str(v) for k, v in (d.get("ocr_letter_pairs") or {}).items()}
    cap_i = str(d.get("ocr_capital_i") or "")
    between = {str(k): str(v) for k, v in (d.get("ocr_letter_between_consonants") or {}).items()}
    alts = [re.escape(k) for k in pairs] + ([r"(?<=[A-Za-z])I"] if cap_i else [])
    alts += [f"(?<={_CONSONANT}){re.escape(k)}(?={_CONSONANT})" for k in between]
    seed = re.compile("|".join(alts)) if alts else None
    return seed, pairs, cap_i, {re.compile(f"(?<={_CONSONANT}){re.escape(k)}(?={_CONSONANT})"): v for k, v in between.items()}


_CONSONANT = "[bcdfghjklmnpqrstvwxz]"


def _ocr_letter_edits(text: str, taken: list[Edit]) -> list[Edit]:
    """`rnáu`, `méo rniệng`, `NaCI 0,9%`: letters OCR read for another letter inside a word (spoken.yaml
    ocr_letter_pairs, ocr_capital_i), read back when the word then is one Vietnamese syllable (and was none) or a
    one-word drug or test name of the lexicon."""
    from ..text.syllable import is_syllable

    seed, pairs, cap_i, between = _ocr_letter_rules()
    if seed is None or not seed.search(text):
        return []
    edits: list[Edit] = []
    pos = 0
    for m in seed.finditer(text):
        if m.start() < pos:
            continue
        a, b = m.start(), m.end()
        while a > 0 and (text[a - 1].isalpha() or unicodedata.combining(text[a - 1])):
            a -= 1
        while b < len(text) and (text[b].isalpha() or unicodedata.combining(text[b])):
            b += 1
        pos = b
        if any(x < b and a < y for x, y, _ in taken):
            continue
        w = text[a:b]
        fixed = w
        for k, v in pairs.items():
            fixed = fixed.replace(k, v)
        if cap_i and any(c.islower() for c in w):   # `NaCI`, `KaIi`; an acronym in capitals (`ICD`, `CI`) stays
            fixed = _CAP_I.sub(cap_i, fixed)
        for rx, v in between.items():   # `Nifedipln`: an `i` read as `l` between two consonants
            fixed = rx.sub(v, fixed)
        if fixed == w:
            continue
        low, fixed_low = w.lower(), fixed.lower()
        if (is_syllable(fixed_low) and not is_syllable(low)) or (
                len(fixed) >= 4 and fold_lower(fixed) in _drug_and_test_heads()):
            edits.append((a, b, fixed))
    return edits


# lower case: `HDL`, `mmol/L` stay. Written as an `l` first, then what stands around it (the same matches as
# `(?<=[^\W\d_])l|\bl(?=[consonant])`): a pattern opening with a literal is scanned ~40x faster
_INNER_L = re.compile(r"l(?:(?<=[^\W\d_]l)|(?<!\wl)(?=[bcdfghjklmnpqrstvwxzđ]))")
_LETTERS = re.compile(r"[^\W\d_]+")


def _ocr_l_for_i_edits(text: str, taken: list[Edit]) -> list[Edit]:
    """`Slêu âm`, `vlên`, `khl`, `tốl`, `Blsoprolol`, `Creatlnln`: OCR reads an `i` as `l`. Vietnamese writes `l` only
    at a syllable's start before a vowel, so a word with an `l` elsewhere that is no syllable and no lexicon word is
    read back when one `l` (or every `l`) read as `i` makes it a syllable or a drug or test word of the lexicon."""
    if _INNER_L.search(text) is None:
        return []
    units = _unit_words()
    edits: list[Edit] = []
    pos = 0
    n = len(text)
    for seed in _INNER_L.finditer(text):
        if seed.start() < pos:
            continue
        a, b = seed.start(), seed.end()
        while a > 0 and (text[a - 1].isalpha() or unicodedata.combining(text[a - 1])):
            a -= 1
        while b < n and (text[b].isalpha() or unicodedata.combining(text[b])):
            b += 1
        pos = b
        w = text[a:b]
        if "l" not in w or len(w) > 16 or len(w) < 3 or w.lower() in units:
            continue   # `ml`, `dl`, `mmol` are units
        fixed = _l_for_i_reading(w)
        if fixed is not None and not any(x < b and a < y for x, y, _ in taken):
            edits.append((a, b, fixed))
    return edits


@lru_cache(maxsize=8192)
def _l_for_i_reading(w: str) -> str | None:
    """The reading of one word with an inner `l` (see _ocr_l_for_i_edits), or None: words repeat across notes,
    so each is judged once."""
    from ..text.syllable import is_syllable

    names = _drug_and_test_words()
    if fold_lower(w) in names or is_syllable(w.lower()):
        return None
    spots = [k for k, c in enumerate(w) if c == "l"]
    tries = [w[:k] + "i" + w[k + 1:] for k in spots] + ([w.replace("l", "i")] if len(spots) > 1 else [])
    for fixed in tries:
        f = fixed.lower()
        if (is_syllable(f) and len(w) <= 7) or (len(fixed) >= 5 and fold_lower(fixed) in names):
            return fixed
    return None


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """The letter runs of the written units (`ml`, `mmol`, `dl`, `ul`): never an OCR'd word."""
    out = set()
    for u in (*shared_units("dose"), *shared_units("result")):
        out.update(x.lower() for x in _LETTERS.findall(str(u)))
    return frozenset(out)


@lru_cache(maxsize=1)
def _drug_and_test_heads() -> frozenset[str]:
    """First words of the lexicon's drug and test names (folded): `nacl` of `NaCl 0,9%`."""
    from .resources import surfaces

    return frozenset(w.split()[0] for label in ("DRUG", "TEST") for w in surfaces(label) if w)


def _ocr_word_edits(text: str, data: _Data) -> list[Edit]:
    """`tá0 bón`, `yếu 1iệt`, `và0 viện`: a word with a digit OCR read for a letter, read back when the result is
    one Vietnamese syllable (`HbA1c`, `B1`, `NS1` stay)."""
    from ..text.syllable import is_syllable

    edits: list[Edit] = []
    pos = 0
    n = len(text)
    for seed in _ZERO_ONE.finditer(text):
        i = seed.start()
        if i < pos:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        # a 0 or 1 with a letter beside it and no digit on either side (not `500mg`, `1g`, `B12`)
        if before.isdigit() or after.isdigit() or not (before.isalpha() or after.isalpha()):
            continue
        a, b = i, i + 1
        while a > 0 and (text[a - 1].isalnum() or unicodedata.combining(text[a - 1])):
            a -= 1
        while b < len(text) and (text[b].isalnum() or unicodedata.combining(text[b])):
            b += 1
        pos = b
        w = text[a:b]
        digits = sum(c.isdigit() for c in w)
        if w[1:] != w[1:].lower() or not 1 <= digits <= 2:
            continue
        for fixed in _digit_readings(w, data.ocr_word):
            # a capital opens a syllable only in a word of three letters or more (`Rố1 loạn`; `B1`, `T1` stay)
            if fixed.isalpha() and ((digits == 1 and (w == w.lower() or len(w) >= 3) and is_syllable(fixed.lower()))
                                    or (len(fixed) >= 5 and fold_lower(fixed) in _drug_and_test_words())):
                # one syllable (`tá0`, `g1ảm`), or a drug or test name of the lexicon (`Paracetam0l`, `L1th1um`)
                edits.append((a, b, fixed))
                break
    return edits


def _digit_readings(w: str, letters: dict[str, tuple[str, ...]]) -> list[str]:
    """Every reading of a word's OCR digits as letters, the same letter for each kind of digit (`L1th1um` -> `Llthlum`,
    `Lithium`): a scan misreads one letter shape the same way throughout."""
    kinds = sorted({c for c in w if c in letters})
    out = [w]
    for k in kinds:
        out = [x.replace(k, v) for x in out for v in letters[k]]
    return out


@lru_cache(maxsize=1)
def _drug_and_test_words() -> frozenset[str]:
    """One-word drug and test names of the lexicon (folded): what an OCR'd name with a digit may be read back to;
    and the foreign words (five letters or more, no Vietnamese syllable) of longer names (`f0lic` of `acid folic`)."""
    from ..text.syllable import is_syllable
    from .resources import surfaces

    words = set()
    for label in ("DRUG", "TEST"):
        for w in surfaces(label):
            if " " not in w:
                words.add(w)
            else:
                words.update(p for p in w.split() if len(p) >= 5 and p.isalpha() and not is_syllable(p.lower()))
    return frozenset(words)


def chat_edits(text: str) -> list[Edit]:
    """Edits that read chat spellings of cue words as the words (`hok` -> `không`); for the assertion rules only
    (entities are matched on the text as written: `ko chong mat` has its symptom either way)."""
    return _chat_edits(text)


@lru_cache(maxsize=1)
def _digit_ratio(words: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(sorted({re.escape(x) for w in words for x in (w, fold_lower(w))}, key=len, reverse=True))
    return re.compile(r"(?<![\w/.,])(\d{2,3})[ \t]+(?:" + alt + r")[ \t]+(\d{2,3})(?![\w/]|[.,]\d)", re.IGNORECASE)


def _digit_ratio_edits(text: str, data: _Data) -> list[Edit]:
    """`sáng nay 150 trên 90`: a ratio word (spoken.yaml ratio) said between two numbers written in digits -> `150/90`."""
    if not data.ratio_words or not any(w in text for w in data.ratio_words):
        return []
    return [(m.start(), m.end(), f"{m.group(1)}/{m.group(2)}") for m in _digit_ratio(data.ratio_words).finditer(text)]


_HYPHEN_BREAK = re.compile(r"(?<![\w-])([^\W\d_]+)-[ \t]*\n[ \t]*([^\W\d_A-ZĐ][^\W\d_]*)(?![\w-])")


def _hyphen_break_edits(text: str) -> list[Edit]:
    """A word a scan or a print cut at a line end with a hyphen (`Triglyce-⏎rid`, `Chẩn đo-⏎án`, `chuy-⏎ển`) is read
    whole when the joined word is one Vietnamese syllable or a drug or test word of the lexicon."""
    from ..text.syllable import is_syllable

    if "-\n" not in text and not re.search(r"-[ \t]+\n", text):
        return []
    out = []
    for m in _HYPHEN_BREAK.finditer(text):
        joined = m.group(1) + m.group(2)
        if is_syllable(joined.lower()) or (len(joined) >= 6 and fold_lower(joined) in _drug_and_test_words()):
            out.append((m.end(1), m.start(2), ""))
    return out


def value_edits(text: str) -> list[Edit]:
    """Edits that turn spoken numbers and units and OCR-misread values into digits; [] for most notes."""
    data = _data()
    edits = _hyphen_break_edits(text)
    edits += _ocr_edits(text, data) + _ocr_word_edits(text, data) + _digit_ratio_edits(text, data)
    edits += _ocr_letter_edits(text, edits)
    edits += _ocr_l_for_i_edits(text, edits)
    if _may_be_spoken(text.lower(), data):
        letters = _spoken_letters_edits(text, data)
        edits += _spoken_edits(text, data)
        taken = [(a, b) for a, b, _ in edits]
        names = [e for e in _spoken_name_edits(text) if not any(a < e[1] and e[0] < b for a, b in taken)]
        # a name said in syllables (`pa ra xê ta mon`) holds letter names: it wins over them; spelt letters win
        # over the number words they hold (`sờ pê ô hai` before `hai chín mươi mốt`)
        # unless the spelt letters hold the whole name (`en tê pro bê en pê` over `pro bê en pê`)
        letters = [e for e in letters if not any(a < e[1] and e[0] < b and not (e[0] <= a and b <= e[1])
                                                 for a, b, _ in names)]
        names = [n for n in names if not any(e[0] <= n[0] and n[1] <= e[1] for e in letters)]
        edits = [e for e in edits if not any(a < e[1] and e[0] < b and e[0] >= a for a, b, _ in letters)]
        edits += names + letters
    return edits


# --- drug and test names spelled as they sound (`phu rô xê mít` = furosemid, `in su lin` = insulin) ----------------
_SPOKEN_SYLLABLE = re.compile(r"[^\W\d_]+")   # a whole word: `truyền` is never `truyề` + `n`
_SCHWA = re.compile(r"^([^\W\d_aăâeêioôơuưy]{1,2})[ơờởỡớợ]$")   # `tơ`, `gờ`, `lờ`: a consonant said alone
_VOWELS = re.compile(r"[aeiouy]+")


def _phonetic(s: str, english: bool) -> str:
    """A rough sound spelling shared by Vietnamese syllables and English / INN names."""
    s = fold_lower(s).replace(" ", "").replace("-", "")
    s = s.replace("ph", "f").replace("th", "t").replace("gh", "g").replace("w", "u")
    if english:
        s = _SOFT_C.sub("s", s).replace("ch", "k").replace("y", "i").replace("x", "ks")
    else:
        s = s.replace("x", "s")
    s = s.replace("q", "k").replace("c", "k")
    return _DOUBLED.sub(r"\1", s)


def _skeleton(ph: str) -> str:
    """Consonants only, a final `d` read as `t` (`furosemid` = `phu rô xê mít`) and a final `l` as `n`
    (Vietnamese ends no syllable in `l`: `paracetamol` = `pa ra xê ta mon`)."""
    # `ks` said as `x` (`oxytocin` = `ô xy tô xin`), an `f` closing a syllable said as `p` (Vietnamese ends no
    # syllable in `f`: `ceftriaxon` = `xép tri ắc xôn`), `pf` as one sound (`xép phô ta xim` = cefotaxim)
    ph = _F_CLOSING.sub("p", ph.replace("ks", "s").replace("pf", "f"))
    sk = _VOWELS.sub("", ph)
    return sk[:-1] + _FINAL_SOUND.get(sk[-1:], sk[-1:]) if sk else sk


_F_CLOSING = re.compile(r"f(?![aeiouy])")


_FINAL_SOUND = {"d": "t", "l": "n"}


@lru_cache(maxsize=1)
def _spoken_name_index() -> dict[str, list[tuple[str, str]]]:
    """Drug and test names of the lexicon by consonant skeleton: skeleton -> [(name, sound spelling)]."""
    from .resources import surfaces

    idx: dict[str, list[tuple[str, str]]] = {}
    for label in ("DRUG", "TEST"):
        for name in surfaces(label):
            joined = name.replace(" ", "")
            if len(joined) < 6 or not joined.isalpha() or " " in name:   # one foreign word (INN, lab name)
                continue
            ph = _phonetic(name, english=True)
            sk = _skeleton(ph)
            if len(sk) >= 4:
                idx.setdefault(sk, []).append((name, ph))
    return idx


@lru_cache(maxsize=1)
def _letter_names() -> tuple[dict[tuple[str, ...], str], int, dict[str, str]]:
    """spoken.yaml letter_names by folded words -> letter; the longest name in words; the lexicon's test and drug
    abbreviations by their letters and digits only (`ntprobnp` -> `NT-proBNP` as the lexicon writes it)."""
    d = load_yaml(resource_path("clinical", "spoken.yaml").read_text(encoding="utf-8"))
    # by the words as written, lower case (`cờ` is c, `có` is no letter); a text typed without marks matches them folded
    names = {}
    for k, v in (d.get("letter_names") or {}).items():
        names.setdefault(tuple(str(k).lower().split()), str(v))
        names.setdefault(tuple(fold_lower(str(k)).split()), str(v))
    abbrs: dict[str, str] = {}
    for label, term in _lexicon_terms():
        if label not in ("TEST", "DRUG"):
            continue
        key = _NOT_ALNUM.sub("", term.lower())
        if label in ("TEST", "DRUG") and 2 <= len(key) <= 9 and key.isascii() and " " not in term.strip() \
                and (any(c.isupper() for c in term) or any(c.isdigit() for c in term)):
            abbrs.setdefault(key, term)
    return names, max((len(k) for k in names), default=1), abbrs


@lru_cache(maxsize=1)
def _unspelt_pairs() -> frozenset[tuple[str, str]]:
    """spoken.yaml `unspelt_pairs`: a kinship word and a possessive typed without marks (`bo e` = bố em), never two
    spelt letters; as (first, second) folded word pairs."""
    d = load_yaml(resource_path("clinical", "spoken.yaml").read_text(encoding="utf-8"))
    conf = d.get("unspelt_pairs") or {}
    return frozenset((fold_lower(str(a)), fold_lower(str(b))) for a in conf.get("first") or ()
                     for b in conf.get("second") or ())


def _spoken_letters_edits(text: str, data: _Data) -> list[Edit]:
    """A test or drug abbreviation spelt letter by letter in a transcript (`sờ pê ô hai` = SpO2, `xê rê pê` = CRP,
    `spo hai` = SpO2): a run of two to eight letter names, number words or short Latin chunks that spells an
    abbreviation of the lexicon is read as it."""
    names, longest, abbrs = _letter_names()
    words = list(_WORD.finditer(text))
    # a marked word keeps its marks (`có` is no `cờ`); an unmarked one is its own folded form
    keys = [m.group().lower() for m in words]
    out: list[Edit] = []
    i = 0
    while i < len(words):
        best = None
        parts: list[str] = []
        named = 0
        j = i
        while j < len(words) and j - i < 8:
            if j > i and text[words[j - 1].end():words[j].start()] != " ":
                break
            piece = None
            for n in range(min(longest, len(words) - j), 0, -1):
                if tuple(keys[j:j + n]) in names and all(text[words[k - 1].end():words[k].start()] == " "
                                                        for k in range(j + 1, j + n)):
                    piece, step = names[tuple(keys[j:j + n])], n
                    break
            if piece is None:
                digit = next((dg for w, r, dg in data.roles.get(fold_lower(keys[j]), ())
                              if r == "digit" and (w == keys[j] or fold_lower(w) == keys[j])), None)
                if digit is not None:
                    piece, step = str(digit), 1
                elif keys[j].isascii() and keys[j].isalpha() and len(keys[j]) <= 3:
                    piece, step = keys[j], 1   # a chunk typed as letters (`spo hai`, `pro`)
                else:
                    break
            parts.append(piece)
            named += piece.isdigit() or step > 1 or (tuple(keys[j:j + 1]) in names and not keys[j].isascii()) \
                or tuple(keys[j:j + 1]) in names and len(keys[j]) <= 2
            j += step
            if j - i == 2 and len(parts) == 2 and tuple(keys[i:j]) in _unspelt_pairs():
                break   # `bo e` is bố em, not B E
            spelt = "".join(parts)
            # two letter names or digits at least, or a typed chunk with a digit (`spo hai`); `lam a` is no LAMA
            if j - i >= 2 and (named >= 2 or (any(c.isdigit() for c in spelt) and any(len(x) > 1 for x in parts))) \
                    and spelt in abbrs and any(c.isalpha() for c in spelt):
                best = (words[i].start(), words[j - 1].end(), abbrs[spelt])
        if best:
            out.append(best)
            i = next(k for k in range(i, len(words)) if words[k].end() >= best[1]) + 1
        else:
            i += 1
    return out


_LOOSE_MIN = 7       # sound spellings this long or longer may match loosely
_LOOSE_RATIO = 0.85


@lru_cache(maxsize=1)
def _loose_name_index() -> dict[str, list[tuple[str, str]]]:
    """Foreign drug names of the lexicon by the first letter of their sound spelling (one word, or two joined:
    `natri clorid`): first letter -> [(name, sound spelling)], for the loose match of a long spoken name."""
    idx: dict[str, list[tuple[str, str]]] = {}
    seen = set()
    for label, term in _lexicon_terms():
        if label != "DRUG":
            continue
        # a name written with Vietnamese marks (`thuốc bôi`) is matched as written, never by its sound
        name = term.lower()
        joined = name.replace(" ", "")
        if label != "DRUG" or name in seen or len(joined) < 7 or not joined.isalpha() or name.count(" ") > 1 \
                or not joined.isascii():
            continue
        seen.add(name)
        ph = _phonetic(name, english=True)
        if len(ph) >= _LOOSE_MIN:
            idx.setdefault(ph[0], []).append((name, ph))
    return idx


def _spoken_name_edits(text: str) -> list[Edit]:
    """In a transcript, a run of 2-7 lower-case syllables that sounds like a drug or test name of the lexicon
    (same consonant skeleton, sound spellings at least 80% alike) is read as that name."""
    written = _drug_and_test_words()
    data = _data()
    # number words and spoken units are read as values, never as a name (`mi li gam` is no `milgamma`)
    units = [k for k in data.units if len(k) > 1]
    toks = [m for m in _SPOKEN_SYLLABLE.finditer(text) if len(m.group()) <= 7 and m.group().islower()
            and fold_lower(m.group()) not in data.roles]
    all_keys = [fold_lower(m.group()) for m in toks]
    n = len(toks)
    # where a unit said in words ends when one starts at token t (the shortest); a run holding one is no name
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for u in units:
        by_first.setdefault(u[0], []).append(u)
    unit_end = [n + 1] * n
    for t in range(n):
        for u in by_first.get(all_keys[t], ()):
            if tuple(all_keys[t:t + len(u)]) == u:
                unit_end[t] = min(unit_end[t], t + len(u))
    edits: list[Edit] = []
    i = 0
    while i < len(toks):
        best = None
        for j in range(min(len(toks), i + 7), i + 1, -1):
            run = toks[i:j]
            if any(text[a.end():b.start()] != " " for a, b in zip(run, run[1:])):
                continue
            if any(unit_end[t] <= j for t in range(i, j)):
                continue
            if any(len(all_keys[t]) >= 6 and all_keys[t] in written for t in range(i, j)):
                continue   # a name already written as one word (`protein niệu`) is no name said in syllables
            spoken = "".join((_SCHWA.match(m.group()).group(1) if _SCHWA.match(m.group()) else m.group()) for m in run)
            name = _name_by_sound(spoken, j - i >= 3)
            if name is not None:
                best = (run[0].start(), run[-1].end(), name)
                break
        if best:
            edits.append(best)
            i += j - i
        else:
            i += 1
    return edits


@lru_cache(maxsize=4096)
def _letter_counts(target: str) -> tuple[tuple[str, int], ...]:
    return tuple(Counter(target).items())


@lru_cache(maxsize=16384)
def _name_by_sound(spoken: str, loose_ok: bool) -> str | None:
    """The drug or test name a spoken run sounds like, or None (see _spoken_name_edits): runs repeat across
    transcripts, so each sound is compared with the lexicon once."""
    from difflib import SequenceMatcher

    ph = _phonetic(spoken, english=False)
    for name, target in _spoken_name_index().get(_skeleton(ph), ()):
        if SequenceMatcher(None, ph, target).ratio() >= 0.8:
            return name
    if loose_ok and len(ph) >= _LOOSE_MIN:
        # speech drops or softens consonants the skeleton keeps (`au men tin` = augmentin, `mê tin pret ni so
        # lon` = methylprednisolon): a long name said in three syllables or more whose whole sound spelling is
        # very close (two ordinary syllables can sound like half a name: `đốt sống`, `cấp thành`)
        sm = SequenceMatcher(None, "", ph)   # the spoken run is the cached side
        lb = len(ph)
        counts = Counter(ph)
        for name, target in _loose_name_index().get(ph[0], ()):
            la = len(target)
            if abs(la - lb) <= 3 and 2.0 * min(la, lb) / (la + lb) >= _LOOSE_RATIO:
                # difflib's quick_ratio (letters in common, as multisets) from the target's counts made once
                common = sum(min(c, counts[ch]) for ch, c in _letter_counts(target))
                if 2.0 * common / (la + lb) >= _LOOSE_RATIO:
                    sm.set_seq1(target)
                    if sm.ratio() >= _LOOSE_RATIO:
                        return name
    return None


def _may_be_spoken(low: str, data: _Data) -> bool:
    """A number in words in the text's own spelling: with marks when the text is typed with them (about one
    letter with marks in eight words, counted from the UTF-8 length: cheap), folded otherwise."""
    ws = low.split()
    bigrams = set(pairwise(ws))
    if data.pairs.isdisjoint(bigrams) and (data.unit_pairs.isdisjoint(bigrams) or not data.digit_unit.search(low)):
        return False
    if (len(low.encode("utf-8", "surrogatepass")) - len(low)) * 8 >= low.count(" ") + 1:
        return bool(data.trigger_marked.search(low))
    return bool(data.trigger.search(fold_lower(low)))

