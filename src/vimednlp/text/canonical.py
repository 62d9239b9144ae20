"""The canonical view: the text as the detectors should read it, with an exact way back to the input.

Identifiers reach a detector in forms it was never tuned on: a zero-width space or a NUL inside a phone
number, full-width digits, HTML entities (``Nguy&#7877;n``), OCR confusables (``l0/O8/2O25``,
``BỆNH VlỆN``), digits spaced out one by one, ``12 03 2024``, initials glued to a given name (``N.V.An``),
e-mails written ``an [at] gmail [dot] com``, a name hyphenated across a line break. ``canonical_view(text)``
rewrites those places only, in a copy: the recognizers and the tagger read ``view.text`` and every span
found there maps back to input offsets with ``view.to_original(start, end)`` (an `Alignment`: a span
touching an edit grows to cover the whole edit in the input, so ``&#7877;`` goes with the name). The input
is never changed, and outside the spans an output keeps the input's characters.

Text with none of the trigger characters or shapes is its own view (``view.alignment is None``), so
ordinary notes pay for a few regular-expression searches only.

The knowledge is data in ``resources/text/``: ``canonical_chars.tsv`` (invisible, control, surrogate and
full-width characters), ``ocr_confusables.tsv`` and ``ocr_header_words.txt`` (OCR misreadings),
``email_obfuscations.tsv`` (``[at]``, ``chấm``, ...).

    >>> v = canonical_view("SĐT 091\\x002 345 678")
    >>> v.text
    'SĐT 0912 345 678'
    >>> v.to_original(4, 16)
    (4, 17)
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..paths import resource_path
from .alignment import Alignment, apply_edits

Edit = tuple[int, int, str]  # (start, end, replacement) in the text a step reads


@dataclass(frozen=True)
class CanonicalView:
    """``text`` (what detectors read), ``original`` (the input), ``alignment`` (None: they are the same)."""

    text: str
    original: str
    alignment: Alignment | None = None

    @property
    def changed(self) -> bool:
        return self.alignment is not None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """A span of the view -> the smallest span of the input that holds it (whole edits)."""
        if self.alignment is None:
            return start, end
        return self.alignment.to_original(start, end)

    def to_view(self, start: int, end: int) -> tuple[int, int]:
        if self.alignment is None:
            return start, end
        return self.alignment.to_normalized(start, end)


# --- tables ---------------------------------------------------------------------------------------------
def _rows(name: str, ncols: int) -> list[list[str]]:
    """Rows of a TSV in resources/text/ (comments and the header skipped); a bad row names file and line."""
    p = resource_path("text", name)
    out = []
    header = True
    with open(p, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                raise ValueError(f"{p}:{lineno}: expected {ncols} tab-separated columns, got {len(cols)}")
            if header:
                header = False
                continue
            out.append(cols)
    return out


@dataclass(frozen=True)
class _Tables:
    char_re: re.Pattern
    char_ranges: str  # every range of canonical_chars.tsv, for one character class
    digit_confusable: dict[str, str]
    letter_confusable: dict[str, str]
    header_words: frozenset[str]
    at_forms: tuple[str, ...]
    dot_forms: tuple[str, ...]
    tlds: frozenset[str]


def _char_class(chars) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    actions: dict[str, str] = {}
    for first, last, action, _note in _rows("canonical_chars.tsv", 4):
        if action not in ("drop", "gap", "replace", "fullwidth"):
            raise ValueError(f"canonical_chars.tsv: unknown action {action!r}")
        a, b = int(first, 16), int(last, 16)
        actions[action] = actions.get(action, "") + (f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}")
    # a surrogate pair is one character; else a run of characters of one action (a lone surrogate one at a
    # time, so a pair after it stays a pair); an entity; digits of another script (\d is any decimal digit)
    char_re = re.compile(
        r"(?P<pair>[\ud800-\udbff][\udc00-\udfff])"
        + "".join(f"|(?P<{act}>[{cls}]{'' if act == 'replace' else '+'})" for act, cls in actions.items())
        + r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
        + r"|(?P<digit>(?:(?![0-9])\d)+)"
    )
    digit, letter = {}, {}
    for ch, reads, where in _rows("ocr_confusables.tsv", 3):
        if where not in ("digit", "letter") or len(ch) != 1 or len(reads) != 1:
            raise ValueError(f"ocr_confusables.tsv: bad row {ch!r} {reads!r} {where!r}")
        (digit if where == "digit" else letter)[ch] = reads
    words = []
    with open(resource_path("text", "ocr_header_words.txt"), encoding="utf-8") as fh:
        words = [w.strip() for w in fh if w.strip() and not w.startswith("#")]
    at, dot, tld = [], [], []
    for kind, form in _rows("email_obfuscations.tsv", 2):
        {"at": at, "dot": dot, "tld": tld}[kind].append(form.lower())
    return _Tables(char_re, "".join(actions.values()), digit, letter, frozenset(unicodedata.normalize("NFC", w) for w in words),
                   tuple(sorted(at, key=len, reverse=True)), tuple(sorted(dot, key=len, reverse=True)),
                   frozenset(tld))


# --- steps ------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _char_trigger() -> re.Pattern:
    """One character class holding every character the character step acts on (a plain class scans fast)."""
    # the blocks that hold every other script's decimal digits (Arabic-Indic to Mongolian, Javanese to Meetei,
    # the supplementary planes): coarse, only a hint to look closer; the common symbols (2000-2BFF), Vietnamese
    # letters (1EA0-1EF9), CJK and Hangul are outside
    digits = "\\u0660-\\u1c59\\ua620-\\uabf9\\U000104a0-\\U0001fbf9"
    return re.compile(f"[{_tables().char_ranges}&{digits}]")


def _char_edits(text: str) -> list[Edit]:
    """Invisible, control, surrogate, full-width characters, other scripts' digits, HTML entities."""
    if not _char_trigger().search(text):
        return []
    edits: list[Edit] = []
    n = len(text)
    for m in _tables().char_re.finditer(text):
        kind, s, e = m.lastgroup, m.start(), m.end()
        g = m.group()
        if kind == "pair":
            edits.append((s, e, g.encode("utf-16", "surrogatepass").decode("utf-16")))
        elif kind == "replace":  # lone surrogates: no encoder (the tagger's included) accepts them
            edits.extend((i, i + 1, "\ufffd") for i in range(s, e))
        elif kind == "drop":
            edits.append((s, e, ""))
        elif kind == "gap":
            # inside a token ('091\x002') it goes; between words it keeps them apart
            inside = s > 0 and e < n and text[s - 1].isalnum() and text[e].isalnum()
            edits.append((s, e, "" if inside else " "))
        elif kind == "fullwidth":  # one edit per character, so every boundary stays exact
            edits.extend((s + i, s + i + 1, chr(ord(c) - 0xFEE0)) for i, c in enumerate(g))
        elif kind == "digit":
            edits.extend((s + i, s + i + 1, str(unicodedata.decimal(c, 0))) for i, c in enumerate(g))
        else:  # entity
            import html

            dec = html.unescape(g)
            if dec == g or any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\t\n" for c in dec):
                continue
            if dec.isspace():
                dec = " "  # &nbsp;
            edits.append((s, e, dec))
    return edits


def _nfc_edits(text: str) -> list[Edit]:
    """NFC one base character (and its combining marks) at a time."""
    if unicodedata.is_normalized("NFC", text):
        return []
    edits: list[Edit] = []
    i, n = 0, len(text)
    combining = unicodedata.combining
    while i < n:
        j = i + 1
        while j < n and combining(text[j]):
            j += 1
        if j - i > 1:
            piece = unicodedata.normalize("NFC", text[i:j])
            if piece != text[i:j]:
                edits.append((i, j, piece))
        elif not unicodedata.is_normalized("NFC", text[i]):
            edits.append((i, j, unicodedata.normalize("NFC", text[i])))
        i = j
    return edits


_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")


def _hyphen_edits(text: str) -> list[Edit]:
    """A word hyphenated across a line break ('Nguy-\\nễn') is read whole; a capital after the break
    starts a new word (a list), so only a lower-case letter joins."""
    if "-" not in text:
        return []
    return [(m.start(), m.end(), "") for m in _HYPHEN_BREAK.finditer(text) if text[m.end()].islower()]


@lru_cache(maxsize=1)
def _ocr_trigger() -> re.Pattern:
    conf = _char_class(_tables().digit_confusable)
    # a confusable next to a digit (the class first: it scans fast)
    return re.compile(f"[{conf}](?:(?<=[0-9][{conf}])|[0-9])")


_OCR_SEPS = "./-: ()"
# a vehicle plate's province and series ('85B1-402.17', '29A-123.45'): its letter is a letter (plates use no I, O,
# Q, W, so an OCR'd '66O1' stays a number)
_PLATE_SERIES = re.compile(r"[0-9]{2}[A-HJ-NPR-VX-Z][0-9]?")
_PLATE_BEFORE = re.compile(r"(?<![\w.,/\-])[0-9]{2}[A-HJ-NPR-VX-Z][0-9]?-$")  # (an area code in brackets: '(O28) 54l2 77OO')


def _ocr_digit_edits(text: str) -> list[Edit]:
    """A token that is mostly digits ('l0/O8/2O25', 'O9l2.7O4.336') reads its confusables as digits.
    Each group between separators must hold a real digit, digits must outnumber confusables, and the
    result must be long enough to be an identifier (6 digits or more): '10l', 'SpO2', 'I21.9' stay."""
    conf = _tables().digit_confusable
    edits: list[Edit] = []
    n = len(text)
    done = -1

    def run_char(i: int) -> bool:
        return 0 <= i < n and ("0" <= text[i] <= "9" or text[i] in conf)

    for m in _ocr_trigger().finditer(text):
        if m.start() < done:
            continue
        i = m.start()  # widen over run characters and single separators between them
        while run_char(i - 1) or (i >= 2 and text[i - 1] in _OCR_SEPS and run_char(i - 2)) \
                or (i >= 3 and text[i - 2:i] == ") " and text[i - 3].isdigit()):
            i -= 1
        ps = _PLATE_BEFORE.search(text, max(0, i - 6), i)
        if ps is not None:
            i = ps.start()  # a plate's province and series before the number ('36A-OO5.18')
        j = m.end()
        while run_char(j) or (text[j:j + 1] in tuple(_OCR_SEPS) and run_char(j + 1)) \
                or (text[j:j + 2] == ") " and text[j + 2:j + 3].isdigit()):
            j += 1
        # (a group glued to a word at either end is the word's, not the number's: 'ACB 8927 347l', 'B' no digit there)
        while i < m.start() and i > 0 and text[i - 1].isalpha():
            k = min((text.find(c, i) for c in _OCR_SEPS if 0 <= text.find(c, i) < m.start()), default=-1)
            if k < 0:
                break
            i = k + 1
        while j > m.end() and j < n and text[j].isalpha():
            k = max(text.rfind(c, m.end(), j) for c in _OCR_SEPS)
            if k < 0:
                break
            j = k
        if i > 0 and text[i - 1] == "(" and ")" in text[i:j]:
            i -= 1  # the bracket that opens an area code
        done = j
        if (i > 0 and text[i - 1].isalnum()) or (j < n and text[j].isalnum()):
            continue  # glued to a word ('SpO2', 'BN0l23')
        # groups between separators; a group without a real digit cuts the run, and so does a code's letter
        # prefix ('SS260620117', flight 'IO4405': two letters first)
        seq: list[tuple[int, int]] = []
        series = 0  # the digits of a plate's province and series right before the run ('88B-01l.52')
        for g in [*re.finditer(r"[^./\-: ()]+", text[i:j]), None]:
            if g is not None and any("0" <= c <= "9" for c in g.group()) \
                    and (not g.group()[:2].isalpha() or series and all(c.isdigit() or c in conf for c in g.group())) \
                    and not _PLATE_SERIES.fullmatch(g.group()):
                seq.append((i + g.start(), i + g.end()))
                continue
            if seq:
                chars = "".join(text[a:b] for a, b in seq)
                k = sum(c in conf for c in chars)
                d = len(chars) - k
                # after a plate's series, the plate's number ('01l.52', 'OO2.71', '4O217') counts the series too
                plate = series and [b - a for a, b in seq] in ([3, 2], [4], [5])
                if k and d > k and d + k + (series if plate else 0) >= 6:
                    for a, b in seq:
                        edits.extend((x, x + 1, conf[text[x]]) for x in range(a, b) if text[x] in conf)
            seq = []
            series = sum(c.isdigit() for c in g.group()) if g is not None and _PLATE_SERIES.fullmatch(g.group()) else 0
    return edits


@lru_cache(maxsize=1)
def _ocr_date_res() -> tuple[re.Pattern, re.Pattern, frozenset]:
    from .fold import fold_lower

    conf = _char_class(_tables().digit_confusable)
    num = f"[0-9{conf}]"
    # a day/month/year written with separators ('O2/ll/2O26'); a short number beside a date word ('lO', '2O')
    shape = re.compile(rf"(?<![\w/.\-]){num}{{1,2}}([/.\-]){num}{{1,2}}\1{num}{{2,4}}(?![\w/])")
    # (a short number reads only O, o, l, I, | as digits: 'BS', 'SB' beside a date word are a title and a code)
    few = f"[0-9{_char_class(c for c in _tables().digit_confusable if c in 'OolI|')}]"
    # (a year may hold any confusable: 'l9B3'; 19xx or 20xx with two real digits, checked below)
    short = re.compile(rf"(?<![\w/.\-])(?:{few}{{1,4}}(?:/{few}{{2,3}})?|[12lI|]{num}{{3}})(?![\w/])")
    with open(resource_path("text", "ocr_number_words.txt"), encoding="utf-8") as fh:
        words = frozenset(fold_lower(w.strip()) for w in fh if w.strip() and not w.startswith("#"))
    return shape, short, words


def _ocr_date_edits(text: str) -> list[Edit]:
    """OCR'd dates and times that hold too few real digits for the step above: a day/month/year shape with two
    real digits or more ('O2/ll/2O26'), a year ('l963', '2Ol6'), and a number of at most four characters right before
    or after a date word (a colon may follow the word: 'Sinh năm: l96O')
    ('ngày O6 tháng lO năm 2O26', 'l5 giờ 2O phút', 'HA l3O/8O'; ocr_number_words.txt)."""
    conf = _tables().digit_confusable
    if not any(c in text for c in conf):
        return []
    from .fold import fold_lower

    shape, short, words = _ocr_date_res()
    edits: list[Edit] = []
    for m in shape.finditer(text):
        g = m.group(0)
        if sum(c.isdigit() for c in g) >= 2 and any(c in conf for c in g) and "|" not in g:  # ('|' divides cells)
            edits.extend((m.start() + k, m.start() + k + 1, conf[c]) for k, c in enumerate(g) if c in conf)
    done = {e[0] for e in edits}
    for m in short.finditer(text):
        g = m.group(0)
        if not any(c in conf for c in g) or m.start() in done or g.isalpha() and len(g) == 1 or "|" in g:
            continue
        if g.isalpha() and not set(g) <= set("OolI"):
            continue  # (letters only: 'BS', 'SB' are a title and a code, only O's and l's read as a number: 'lO')
        if len(g) == 4 and sum(c.isdigit() for c in g) >= 2 and re.fullmatch(r"(?:19|20)\d\d", "".join(conf.get(c, c) for c in g)):
            edits.extend((m.start() + k, m.start() + k + 1, conf[c]) for k, c in enumerate(g) if c in conf)
            continue  # a year ('l963', '2Ol6', 'l99l'): four characters that read 19xx or 20xx with two real digits
        before = re.search(r"([^\W\d_]+):?[^\S\n]+$", text[max(0, m.start() - 12):m.start()])
        after = re.match(r"[^\S\n]+([^\W\d_]+)", text[m.end():m.end() + 12])
        if before and fold_lower(before.group(1)) in words or after and fold_lower(after.group(1)) in words:
            edits.extend((m.start() + k, m.start() + k + 1, conf[c]) for k, c in enumerate(g) if c in conf)
    return sorted(edits)


# a zero (or, in a word in capitals, a one) among letters: 'N0NG', 'Ph0ng', 'giá0 viên mầm n0n', 'DETA1LS'
_OCR_IN_WORD_TRIGGER = re.compile(r"[01](?<=[^\W\d_][01])")  # (the digit first: it scans fast)
_OCR_IN_WORD = re.compile(r"[^\W\d_]+[01](?:[^\W\d_]|[01](?=[^\W\d_]))*")


def _ocr_word_edits(text: str) -> list[Edit]:
    """A word of letters with a zero inside or at its end ('N0NG', 'Ph0ng', 'giá0', 'n0n', 'ANDERS0N') reads
    the zero as the letter O; a word in capitals reads a one between letters as I ('DETA1LS'). The word starts
    with a letter, holds no other digit and at least two letters, so a code ('T1N0M0', 'SpO2', 'IL10', 'HbA1c',
    '10mg', '0h30') stays as written."""
    edits: list[Edit] = []
    n = len(text)
    done = -1
    # (the hits of the trigger, each widened to its word: most notes have none, a few a handful)
    for hit in _OCR_IN_WORD_TRIGGER.finditer(text):
        if hit.start() < done:
            continue
        a, b = hit.start() - 1, hit.end()
        while a > 0 and text[a - 1].isalnum():
            a -= 1
        while b < n and text[b].isalnum():
            b += 1
        done = b
        if a > 0 and text[a - 1] in ".-/" or b < n and text[b] in "-/":
            continue  # a piece of a code or a path ('A1-B2', 'x.y0')
        m = _OCR_IN_WORD.fullmatch(text, a, b)
        if m is None:
            continue
        g = m.group()
        letters = [c for c in g if not c.isdigit()]
        if len(letters) < 2 or len(g) < 3 or 2 * (len(g) - len(letters)) > len(letters):
            continue
        # (a small l among capitals is a capital I too: 'N0l' is NỘI read as NOI)
        upper = all(c.isupper() for c in letters if c != "l") and any(c.isupper() for c in letters)
        for k, c in enumerate(g):
            if c == "l" and upper:
                edits.append((m.start() + k, m.start() + k + 1, "I"))
            elif c == "0":
                edits.append((m.start() + k, m.start() + k + 1, "O" if upper else "o"))
            elif c == "1":
                if not upper or k == 0 or k == len(g) - 1:
                    break  # (a one only inside a word in capitals: 'HbA1c', 'Vitamin B1' stay)
                edits.append((m.start() + k, m.start() + k + 1, "I"))
        else:
            continue
        edits = [e for e in edits if not m.start() <= e[0] < m.end()]
    return edits


# an OCR'd code: letter groups, then groups that are mostly digits ('CT-NH-26-O211', 'GJ-77l4-2O9'); an OCR'd
# time or day/month ('2O:OO', 'l0:l5', '2l/1O'); a document number before its issuer ('9l/QĐ-UBND')
@lru_cache(maxsize=1)
def _ocr_code_res() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    conf = _char_class(_tables().digit_confusable)
    num = f"[0-9{conf}]"
    # (a confusable next to a digit, or a separator away from one: a note with clean digits pays one scan)
    # ('SpO2', 'FiO2': a letter before the confusable, no OCR)
    # (the class first: it scans fast)
    trigger = re.compile(rf"[{conf}](?:(?<=[0-9][{conf}])|(?<=[0-9][:/\-][{conf}])|(?<![^\W\d_][{conf}])(?=[0-9]|[:/\-][0-9]))")
    code = re.compile(rf"(?<![\w\-])[A-Z]{{1,4}}(?:-[A-Z]{{1,4}})*((?:-{num}{{2,8}})+)(?![\w\-])")
    clock = re.compile(rf"(?<![\w:/.\-])({num}{{1,2}})([:/]|[hg](?={num}{{2}}(?![\w:/])))({num}{{1,2}})(?![\w:/]|[.,][0-9])")
    docno = re.compile(rf"(?<![\w/.\-])({num}{{1,4}})/(?=[A-ZĐ]{{2,}}-)")
    return trigger, code, clock, docno


def _ocr_code_edits(text: str) -> list[Edit]:
    """Confusables inside the digit groups of a code ('CT-NH-26-O211'), in a time ('2O:OO' is 20:00, 'l9h2O' is
    19h20: two minute characters after 'h' or 'g') or a day/month ('2l/1O') whose digits make a valid one, and in a document number ('9l/QĐ-UBND'). Each group needs a
    real digit (a time or a date: one in all), and digits must not be outnumbered within a code's group."""
    trigger, code, clock, docno = _ocr_code_res()
    if not trigger.search(text):
        return []
    conf = _tables().digit_confusable
    edits: list[Edit] = []

    def mapped(g: str) -> str:
        return "".join(conf.get(c, c) for c in g)

    for m in code.finditer(text):
        s = m.start(1)
        for part in m.group(1).split("-")[1:]:
            s += 1
            k = sum(c in conf for c in part)
            if k and len(part) - k >= k and len(part) - k >= 1:
                edits.extend((s + i, s + i + 1, conf[c]) for i, c in enumerate(part) if c in conf)
            s += len(part)
    for m in clock.finditer(text):
        a, sep, b = m.group(1), m.group(2), m.group(3)
        g = a + b
        if not any(c in conf for c in g) or not any(c.isdigit() for c in g) or not mapped(g).isdigit():
            continue
        x, y = int(mapped(a)), int(mapped(b))
        ok = (x < 24 and y < 60 and len(b) == 2) if sep in ":hg" else (1 <= x <= 31 and 1 <= y <= 12 and sum(
            c.isdigit() for c in g) >= 2)
        if ok:
            edits.extend((m.start() + i, m.start() + i + 1, conf[c]) for i, c in enumerate(m.group()) if c in conf)
    for m in docno.finditer(text):
        g = m.group(1)
        if any(c in conf for c in g) and any(c.isdigit() for c in g) and mapped(g).isdigit():
            edits.extend((m.start(1) + i, m.start(1) + i + 1, conf[c]) for i, c in enumerate(g) if c in conf)
    return sorted(set(edits))


# a number whose zeros were read as capital O's ('2O%', '4O mg', '14O l/p', '9O' in a table): a real digit, then
# only O's, two to four characters, a whole token, before a unit (ocr_number_units.txt) or alone in a table cell
_OCR_ROUND = re.compile(r"(?<![\w.,/\-])[1-9][0-9]?O{1,3}(?![\w\-+]|[.,][0-9A-Za-z])")
_OCR_ROUND_TRIGGER = re.compile(r"O(?<=[0-9]O)|[lO]/")
# a blood pressure in a table cell ('llO/7O', 'l2O/8O'): 2-3 characters each side, systolic 70-250 over diastolic 30-150
_OCR_PRESSURE = re.compile(r"(?<![\w.,/\-])([0-9lO]{2,3})/([0-9lO]{2,3})(?![\w/\-]|[.,][0-9])")
_CELL_BEFORE = re.compile(r"(?:^|\t|\||  )[ \t]*$")
_CELL_AFTER = re.compile(r"[ \t]*(?:$|\t|\||  )", re.M)


@lru_cache(maxsize=1)
def _round_units() -> frozenset[str]:
    with open(resource_path("text", "ocr_number_units.txt"), encoding="utf-8") as fh:
        return frozenset(w.strip().lower() for w in fh if w.strip() and not w.startswith("#"))


def _in_cell(text: str, s: int, e: int) -> bool:
    """Text[s:e] fills a table cell: a tab, a pipe, two spaces or the line's edge on both sides."""
    return bool(_CELL_BEFORE.search(text, max(0, text.rfind("\n", 0, s) + 1), s)) and bool(_CELL_AFTER.match(text, e))


def _ocr_round_edits(text: str) -> list[Edit]:
    """Zeros read as capital O's at the end of a short number: read as zeros before a unit ('2O%', '4O mg', '14O l/p')
    or in a table cell ('  9O  '); a number beside no unit ('tầng 2O', 'phòng 12O') stays. A blood pressure in a table
    cell ('llO/7O') reads its l's and O's as 1 and 0 when the numbers make one."""
    if not _OCR_ROUND_TRIGGER.search(text):
        return []
    units = _round_units()
    edits: list[Edit] = []
    for m in _OCR_ROUND.finditer(text):
        g = m.group()
        if len(g) > 4:
            continue
        after = re.match(r" ?([^\s,;()]+)", text[m.end():m.end() + 12])
        u = after.group(1).lower().rstrip(".") if after else ""
        unit = u in units or u.split("/")[0] in units  # ('mg/O,4 ml': a dose per volume)
        if unit or _in_cell(text, m.start(), m.end()):
            edits.extend((m.start() + k, m.start() + k + 1, "0") for k, c in enumerate(g) if c == "O")
    for m in _OCR_PRESSURE.finditer(text):
        g = m.group()
        if not any(c in "lO" for c in g) or not any(c.isdigit() for c in g) or not _in_cell(text, m.start(), m.end()):
            continue
        hi, lo = (int(x.replace("l", "1").replace("O", "0")) for x in m.groups())
        if 70 <= hi <= 250 and 30 <= lo <= 150 and hi > lo:
            edits.extend((m.start() + k, m.start() + k + 1, "1" if c == "l" else "0") for k, c in enumerate(g) if c in "lO")
    return sorted(set(edits))


@lru_cache(maxsize=1)
def _header_res() -> tuple[re.Pattern, re.Pattern]:
    t = _tables()
    upper = "".join(sorted({c for w in t.header_words for c in w if c.isupper()}))
    conf = _char_class(t.letter_confusable)
    # a confusable between two capitals ('KH0A', 'VlỆN'; the class first: it scans fast)
    # (or ending a word after two capitals: 'HỘl', 'BSCKl')
    trigger = re.compile(f"[{conf}](?:(?<=[{upper}][{conf}])[{upper}]|(?<=[{upper}][{upper}][{conf}])(?![\\w]))")
    word = re.compile(rf"(?:[^\W_]|[{conf}])+")
    return trigger, word


def _header_edits(text: str) -> list[Edit]:
    """An upper-case header word with an OCR confusable ('VlỆN', 'KH0A') reads as the word it spells."""
    t = _tables()
    trigger, word = _header_res()
    edits: list[Edit] = []
    last = -1
    for m in trigger.finditer(text):
        if m.start() < last:
            continue
        s = m.start()
        while s > 0 and (text[s - 1].isalnum() or text[s - 1] in t.letter_confusable):
            s -= 1
        w = word.match(text, s)
        if not w:
            continue
        last = w.end()
        tok = w.group()
        letters = [c for c in tok if c not in t.letter_confusable]
        if len(letters) < 2 or not all(c.isupper() for c in letters):
            continue
        mapped = "".join(t.letter_confusable.get(c, c) for c in tok)
        if mapped in t.header_words:
            edits.extend((s + i, s + i + 1, mapped[i]) for i, c in enumerate(tok) if c != mapped[i])
    return edits


_SPACED_DIGITS = re.compile(r"[0-9Oo](?<![\w.,/][0-9Oo])(?:(?: ?[.\-] ?| )[0-9]){8,14}(?![\w/]|[.,][0-9])")
# a confusable letter read by OCR as the last digit of a run spelled one by one ('... 0 4 5 5 l'): eight spaced digits
# before it, nothing glued after it
_SPACED_LAST_CONFUSABLE = re.compile(r"(?<=[0-9] [0-9] [0-9] [0-9] [0-9] [0-9] [0-9] [0-9] )[lIO](?![\w/]|[.,][0-9])")
_SPACED_TRIGGER = re.compile(r"[ .\-][0-9](?: ?[.\-] ?| )[0-9](?: ?[.\-] ?| )[0-9]")


def _spaced_digit_edits(text: str) -> list[Edit]:
    """Digits spelled one by one ('0 9 7 2 . 1 1 8 . 3 4 5', a chat; the first zero may be typed 'O') are read as one
    number: 9 to 15 digits (a bank account runs to 13 or 14: '0 0 7 1 0 0 ...')
    opening with 0 (a phone number, a CCCD; a table row of scores opens with anything), not a run counting up
    or down (a 0-10 pain scale) nor one digit repeated."""
    edits: list[Edit] = []
    if not _SPACED_TRIGGER.search(text):
        return edits
    for m in _SPACED_DIGITS.finditer(text):
        g = m.group()
        digits = [0 if c in "Oo" else int(c) for c in g if c.isdigit() or c in "Oo"]
        steps = {b - a for a, b in pairwise(digits)}
        if digits[0] != 0 or len(steps) == 1 and steps <= {-1, 0, 1}:
            continue
        # (a first zero typed as the letter O, 'O 9 7 9 . 3 3 4', reads as 0)
        edits.extend((m.start() + i, m.start() + i + 1, "0" if c in "Oo" else "") for i, c in enumerate(g) if not c.isdigit())
    last = [(m.start(), m.end(), "0" if m.group() == "O" else "1") for m in _SPACED_LAST_CONFUSABLE.finditer(text)]
    return sorted(edits + last) if last else edits


# a clock time typed digit by digit in a chat ('chup luc 1 8 g 3 0', 'luc 7 g'): hour digits, 'g' or 'h', minute digits
_SPACED_CLOCK = re.compile(r"(?<![\w.,/:])(?P<h>[0-2] [0-9]|[0-9])(?P<s1> ?)[gh](?:(?P<s2> ?)(?P<m>[0-5] [0-9]))?(?![\w/])")
_SPACED_CLOCK_TRIGGER = re.compile(r"[0-9](?: [gh](?![^\W\d_])|[gh] [0-5] [0-9])")  # (the digit first: it scans fast)
_CLOCK_CUE = re.compile(r"(?:\bl[uú]c|\bluk)[ \t]+$", re.I)  # ('từ 2 g', 'khoảng 2 g' may be grams)


def _spaced_clock_edits(text: str) -> list[Edit]:
    """A clock time typed with spaces between its digits ('1 8 g 3 0' is 18g30, 'lúc 7 g' is 7g): read without them.
    Hour and minutes both spaced need no cue; a bare hour ('7 g', '1 2 g') needs 'lúc' right before it; the hour
    must be 0-24 and the minutes 00-59."""
    if not _SPACED_CLOCK_TRIGGER.search(text):
        return []
    edits: list[Edit] = []
    for m in _SPACED_CLOCK.finditer(text):
        h = int(m.group("h").replace(" ", ""))
        if h > 24:
            continue
        spaced_h = " " in m.group("h")
        if not (spaced_h and m.group("m")) and not _CLOCK_CUE.search(text[max(0, m.start() - 10):m.start()]):
            continue
        if not (spaced_h or m.group("s1") or m.group("m")):
            continue  # ('7g': nothing to join)
        for name in ("h", "m"):
            g = m.group(name)
            if g and " " in g:
                edits.append((m.start(name) + 1, m.start(name) + 2, ""))
        for name in ("s1", "s2"):
            if m.group(name):
                edits.append((m.start(name), m.end(name), ""))
    return edits


_SPACED_DATE = re.compile(r"(?<![\w.,/:])(?:0?[1-9]|[12][0-9]|3[01])( )(?:0?[1-9]|1[0-2])( )(?:19|20)[0-9][0-9]"
                          r"(?![\w/]|[.,][0-9])")
_SPACED_DATE_TRIGGER = re.compile(r" [0-9]{1,2} (?:19|20)[0-9][0-9]")


def _spaced_date_edits(text: str) -> list[Edit]:
    """'12 03 2024' is a date: the spaces read as slashes."""
    edits: list[Edit] = []
    if not _SPACED_DATE_TRIGGER.search(text):
        return edits
    for m in _SPACED_DATE.finditer(text):
        edits += [(m.start(1), m.end(1), "/"), (m.start(2), m.end(2), "/")]
    return edits


def _letters(cond: Callable[[str], bool]) -> str:
    return "".join(c for c in map(chr, [*range(0x41, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)])
                   if cond(c))


_INITIALS_TRIGGER = re.compile(r"\.[A-ZĐ]\.")


@lru_cache(maxsize=1)
def _glued_initials() -> re.Pattern:
    up, low = _letters(str.isupper), _letters(str.islower)
    return re.compile(rf"(?<![\w.])(?:[A-ZĐ]\.){{2,3}}(?=[{up}][{low}]+(?![\w.]))")


def _initials_edits(text: str) -> list[Edit]:
    """Initials glued to a given name ('N.V.An') read as 'N.V. An', the way the name rules know them."""
    if not _INITIALS_TRIGGER.search(text):
        return []
    return [(m.end(), m.end(), " ") for m in _glued_initials().finditer(text)]


@lru_cache(maxsize=1)
def _email_res() -> tuple[re.Pattern, re.Pattern]:
    t = _tables()

    # (the spaces around a separator never hold a line break: 'lượt xem\n@thuytien.2k3' is a line, then a handle)
    def form(f: str) -> str:
        if f.isalpha() or " " in f:  # a bare word: spaces on both sides
            return r"[^\S\n]+" + re.escape(f).replace(r"\ ", r"[^\S\n]+") + r"[^\S\n]+"
        return r"[^\S\n]*" + re.escape(f) + r"[^\S\n]*"

    at = "|".join(form(f) for f in t.at_forms)
    dot = "|".join(form(f) for f in t.dot_forms) + r"|\."
    email = re.compile(rf"(?i)(?<![\w.@])[a-z0-9][a-z0-9._%+\-]*(?P<at>{at})"
                       rf"(?P<dom>[a-z0-9\-]+(?:(?:{dot})[a-z0-9\-]+)+)(?![\w@])")
    return email, re.compile(f"(?i){dot}")


# every hidden address holds one of its 'at' forms (substring tests scan fastest)
_EMAIL_HINTS = ("@", " at ", " AT ", " At ", "[at", "[AT", "(at", "(AT", "{at", "<at", "[a]", " a c", " a m", " A C",
                " A M")


def _email_edits(text: str) -> list[Edit]:
    """E-mails hidden from robots ('an [at] gmail [dot] com', 'an a còng gmail chấm com') read with '@' and
    '.'; an address spelled with bare words must end in a known top-level domain."""
    if not any(h in text for h in _EMAIL_HINTS):
        return []
    t = _tables()
    email, dot = _email_res()
    edits: list[Edit] = []
    for m in email.finditer(text):
        seps = [(*m.span("at"), "@")]
        d0, d1 = m.span("dom")
        seps += [(x.start(), x.end(), ".") for x in dot.finditer(text, d0, d1)]
        last_label = text[seps[-1][1]:d1].lower()
        bare = any(not re.fullmatch(r"\s*\W+\s*|\s*[\[({<]\s*\w+\s*[\])}>]\s*", text[a:b]) for a, b, _ in seps)
        # a separator spaced out ('an @ gmail . com') is an address only when it ends in a known top-level domain:
        # 'xem @thuytien.2k3' is a word, then a handle
        spaced = any(text[a:b] != text[a:b].strip() for a, b, _ in seps)
        if (bare or spaced) and last_label not in t.tlds:
            continue
        edits.extend((a, b, r) for a, b, r in seps if text[a:b] != r)
    return edits


# a word cut in two by OCR or a line break ('Hồ Văn P ả', 'Hồ Xuân Tá m', 'Cao Văn Th\nịnh', 'Ng ày'): a capital
# and at most one more consonant before a gap, or one or two lower-case consonants after one
# (each branch opens on its character class: it scans fast)
_BROKEN_TRIGGER = re.compile(r"[BCDĐGHKLMNPQRSTVX](?<![^\W\d_][BCDĐGHKLMNPQRSTVX])[ghr]?(?=[ ][^\W\d_]|[ \t]*\n[ \t]*[^\W\d_])"
                             r"|[cmnpt](?<=[^\W\d_] [cmnpt])[gh]?(?![^\W\d_])")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]*\n?[ \t]*$")
_WORD_AT = re.compile(r"[^\W\d_]+")


def _broken_word_edits(text: str) -> list[Edit]:
    """Two pieces of one syllable kept apart by a space or a line break ('P ả', 'Tá m', 'Th\nịnh') are read as one
    word ('Pả', 'Tám', 'Thịnh') when one piece is no syllable on its own (a consonant alone), the two make one, the
    second is in lower case, and a capitalised word stands before the first (a name going on) or, the first piece
    being a capital, after the second (a name's first syllable cut: 'Đ àng Văn Lập'), or the word is a date word, in
    any case ('Ng ày', 'thá ng'; ocr_number_words.txt)."""
    from .fold import fold_lower
    from .syllable import is_syllable

    edits: list[Edit] = []
    words = _ocr_date_res()[2]
    done = -1
    for m in _BROKEN_TRIGGER.finditer(text):
        if m.start() < done:
            continue
        if m.group()[0].isupper():  # the first piece: a capital consonant
            a, b = m.start(), m.end()
            g = re.match(r"[ ]|[ \t]*\n[ \t]*", text[b:])
            c = b + g.end()
            r = _WORD_AT.match(text, c)
            if r is None:
                continue
            d = r.end()
        else:  # the second piece: lower-case consonants after a word and one space
            c, d = m.start(), m.end()
            b = c - 1
            left = re.search(r"[^\W\d_]+$", text[max(0, b - 8):b])
            if left is None:
                continue
            a = b - len(left.group())
        first, second = text[a:b], text[c:d]
        if not second.islower() or len(first) + len(second) > 7 \
                or not first[0].isupper() and fold_lower(first + second) not in words:
            continue  # (a date word cut in lower case, 'thá ng 12', is read whole too)
        if is_syllable(first) == is_syllable(second) or not is_syllable(first + second):
            continue  # (both pieces words of their own, or neither: no cut word)
        if re.match(r"[ \t]+[a-zà-ỹđ]", text[d:d + 3]):
            continue  # (a sentence goes on in lower case: 'Lê Văn T\nảnh hưởng', an initial, then words)
        before = _WORD_BEFORE.search(text[max(0, a - 12):a])
        # (or, for a capital first piece, a capitalised word after it: the name's first syllable cut, 'BS Đ àng Văn Lập')
        after = re.match(r"[ ]([^\W\d_])[^\W\d_]*", text[d:d + 12])
        if not (before and before.group(1)[0].isupper() and before.group(1)[1:].islower() and before.group(1) != first) \
                and not (first[0].isupper() and after is not None and after.group(1).isupper()
                         and after.group()[2:].islower() and len(after.group()) >= 3) \
                and fold_lower(first + second) not in words:
            continue
        edits.append((b, c, ""))
        done = d
    return edits


# a licence plate every group of which may be misread ('llC-O46.2l' is 11C-046.21) after its cue ('biển', 'BKS', 'xe':
# the plate cues of resources/deid/cues.json, and 'xe', 'biển'): two characters, the series letter, then three and two
# characters; three real digits at least
_OCR_PLATE = re.compile(r"(?<![\w.\-])([0-9lIO]{2})([A-HJ-NPR-VX-Z][0-9]?)-([0-9lIO]{3})\.([0-9lIO]{2})(?![\w]|\.[0-9])")


@lru_cache(maxsize=1)
def _plate_cue() -> re.Pattern:
    import json

    with open(resource_path("deid", "cues.json"), encoding="utf-8") as fh:
        words = {w.lower() for w in json.load(fh)["id_cues"]["plate"]} | {"xe", "biển"}
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alt})(?![^\W\d_])[ \t:]*(?:số[ \t:]*)?$", re.IGNORECASE)


def _ocr_plate_edits(text: str) -> list[Edit]:
    """A plate after its cue whose digits OCR read as letters ('Xe biển llC-O46.2l'): its confusables read as digits."""
    if "-" not in text or "." not in text:
        return []
    conf = _tables().digit_confusable
    edits: list[Edit] = []
    for m in _OCR_PLATE.finditer(text):
        g = m.group(1) + m.group(3) + m.group(4)
        if not any(c in conf for c in g) or sum(c.isdigit() for c in g) < 3:
            continue
        if not _plate_cue().search(text, max(0, m.start() - 20), m.start()):
            continue
        for k in (1, 3, 4):
            edits.extend((m.start(k) + x, m.start(k) + x + 1, conf[c]) for x, c in enumerate(m.group(k)) if c in conf)
    return edits


# the token steps, in order; each reads the previous one's output
_STEPS = (_hyphen_edits, _ocr_plate_edits, _ocr_digit_edits, _ocr_date_edits, _ocr_code_edits, _ocr_round_edits, _header_edits, _ocr_word_edits,
          _spaced_digit_edits, _spaced_clock_edits, _spaced_date_edits, _initials_edits, _email_edits,
          _broken_word_edits)


def canonical_view(text: str) -> CanonicalView:
    """The canonical view of `text` (see the module docstring); the input is never changed."""
    if not isinstance(text, str):
        raise TypeError(f"canonical_view expects str, got {type(text).__name__}")
    work = text
    alignment: Alignment | None = None
    for step in (_char_edits, _nfc_edits, *_STEPS):
        edits = step(work)
        if edits:
            work, al = apply_edits(work, edits)
            alignment = al if alignment is None else alignment.then(al)
    return CanonicalView(work, text, alignment)


__all__ = ["CanonicalView", "canonical_view"]
