"""Identifiers in tables: a cell has no cue of its own, its column header is the cue.

Registers, billing sheets, lab lists and insurer forms are written as tables: tab-separated columns, '|' pipes
(markdown or not), columns aligned with runs of spaces, and key/value rows (`Member name    | Thomas Becker`,
`Họ tên:      Y Sinh Mlô`). Three ways a cell gets a label:

1. under a header cell that names an identifier field (resources/deid/vocab/table_headers.yaml: `Họ tên`, `NS Nữ`,
   `Mã BN`, `Địa chỉ`, `MRN`, `Policy no.` ...);
2. in a column without such a header, when the other recognizers already found one label in most of its cells
   (>= 60 %): the column lends that label to its other cells;
3. as the value of a key/value row whose key is such a header (`DOB / Age | 19.04.1971 / 54`: each part).

A cell is tagged only when its text can be that label (a date has digits, a name none, a phone number enough digits)
and it is not a filler (`-`, `không`, `chưa làm`). Scores sit above the tagger's (0.6) and below the clinical
allow-list's reach (0.9): a cell that is a dose, a unit or a lab value is still dropped by the analyzer.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...text.fold import fold_lower
from .base import Candidate, Context, Recognizer
from .lexicons import vocab
from .patterns import same_shape_codes

_V = vocab("table_headers")  # resources/deid/vocab/table_headers.yaml

# scores: a header names the field (0.75); a key/value row likewise (0.75); a label lent by the rest of a column is
# weaker evidence (0.7). All above the tagger's 0.6, all below the allow-list's 0.9.
HEADER_SCORE = 0.75
KEY_SCORE = 0.75
COLUMN_SCORE = 0.7
# the share of a column's filled cells the other recognizers must have labelled alike to lend that label
COLUMN_SHARE = 0.6
# the least score of another recognizer's candidate that counts as having labelled a cell
PRIOR_FLOOR = 0.7


@lru_cache(maxsize=8192)  # (a note repeats its keys, and notes repeat each other's)
def header_key(cell: str) -> str:
    """A header or key cell as looked up: folded lower case, spaces collapsed, a bracketed note and a trailing
    ':', '.', '#' or '*' dropped (`Ngày sinh (dd/mm/yyyy):` -> `ngay sinh`)."""
    k = fold_lower(cell)
    k = re.sub(r"^\s*(?:\(?\d{1,2}[).]|[-•*+])\s*", "", k)  # '(1) Họ tên NB', '- Địa chỉ'
    k = re.sub(r"\([^)]*\)\s*$", "", k.strip().rstrip(":.#* "))
    k = k.strip().rstrip(":.#* ").strip()
    return " ".join(k.split())


_HEADERS: dict[str, str] = {}
for _label, _words in _V.items():
    for _w in _words if _label.isupper() else ():
        _HEADERS.setdefault(header_key(_w), _label)
_NOT_VALUES = frozenset(header_key(w) or w for w in _V["not_values"])
_KEY_SPLIT = _V["key_split"]
_TITLES = frozenset(w.lower() for w in _V["name_titles"])  # (as written: 'Chú' is a title, 'Chu' a surname)
_VALUE_END = re.compile(_V["value_end"])
_PARTICLES = frozenset(_V["name_particles"])
_ORG_SUFFIXES = frozenset(_V["org_suffixes"])
_COUNTRIES = frozenset(fold_lower(w) for w in _V["countries"])
_PROFESSION_END = re.compile(_V["profession_end"])
_CHOICE = re.compile(r"(?:" + "|".join(re.escape(fold_lower(w)) for w in _V["form_choices"]) + r")\s*[-–:]\s+")
_MAX_KEY_WORDS = max(len(k.split()) for k in _HEADERS)
_COLUMN_WORDS = frozenset(_HEADERS) | frozenset(header_key(w) for w in _V["other_columns"])
_MAX_COLUMN_WORDS = max(len(k.split()) for k in _COLUMN_WORDS)
_LINE_WORD = re.compile(r"[^\W_]+(?:/[^\W_]+)?")


def header_lines(ctx) -> list[tuple[int, int]]:
    """The lines of a note that are a table's header row written without separators ('Số ĐK Họ tên Tuổi Giới Địa chỉ
    Phân loại ...', 'TT Ho ten tre Ngay sinh Ten me Can(kg) Cao(cm)'): three column names or more (the identifier
    keys and the other column words of table_headers.yaml, longest first), covering at least 40% of the line's
    words, with no ':', comma or number (fields with their values, addresses). Their capitalised words name columns, not
    people. Cached on the context."""
    got = ctx._cache.get("header_lines")
    if got is not None:
        return got
    out: list[tuple[int, int]] = []
    pos = 0
    for line in ctx.text.split("\n"):
        words = [fold_lower(m.group()) for m in _LINE_WORD.finditer(line)]
        # (a key followed by ':' or a number is a field with its value: 'Họ tên: ... Tuổi: 61' is no header row; a
        # comma runs an address: 'huyện Hà Quảng, tỉnh Cao Bằng')
        if 4 <= len(words) <= 40 and ":" not in line and "," not in line and not any(w.isdigit() for w in words):
            keys = covered = j = 0
            while j < len(words):
                for k in range(min(_MAX_COLUMN_WORDS, len(words) - j), 0, -1):
                    if " ".join(words[j:j + k]) in _COLUMN_WORDS:
                        keys += 1
                        covered += k
                        j += k
                        break
                else:
                    j += 1
            if keys >= 3 and covered >= 0.4 * len(words):
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    ctx._cache["header_lines"] = out
    return out

# the shape a cell must have to carry a label (checked on the folded cell)
_MONTHS = "|".join(sorted((re.escape(w) for w in _V["date_words"]), key=len, reverse=True))
_DATE_SHAPE = re.compile(r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?|(?<!\d)(?:19|20)\d{2}(?!\d)|"
                         r"\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTHS + r")\b|\b(?:" + _MONTHS + r")\s+\d{1,2})")
_AGE_SHAPE = re.compile(r"\d{1,3}\s*(?:tuoi|t|y|yo|y/o|yrs?|years?|thang|th|m)?\.?")
_PHONE_SHAPE = re.compile(r"[+(]?\d[\d .\-()]{6,}\d")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


def _fits(label: str, cell: str) -> bool:
    """Whether a cell's text can be an identifier of `label`."""
    f = fold_lower(cell)
    words = f.split()
    if label == "NAME":
        if _DIGIT.search(f) or not 1 <= len(words) <= 6 or not _LETTER.search(f):
            return False
        # a name in lower case is one only when each word is a name syllable ('vu bao tram', not 'benh nhan nu')
        if not any(c.isupper() for c in cell):
            syl = _name_syllables()
            return all(w.strip(".,'") in syl for w in words)
        return True
    if label == "DATE":
        return len(f) <= 40 and _DATE_SHAPE.search(f) is not None
    if label == "AGE":
        return _AGE_SHAPE.fullmatch(f) is not None
    if label == "PHONE":
        return sum(map(str.isdigit, f)) >= 8 and _PHONE_SHAPE.fullmatch(f) is not None
    if label == "ID":
        return bool(_DIGIT.search(f)) and len(f) <= 40 and len(words) <= 6
    if label == "PROFESSION":
        return not _DIGIT.search(f) and 1 <= len(words) <= 5
    # LOCATION, ORGANIZATION
    return bool(_LETTER.search(f)) and len(words) <= 15


def _name_syllables() -> frozenset[str]:
    """Folded syllables of Vietnamese names (surname, middle, given; the name lexicons)."""
    from .lexicons import names

    got = getattr(_name_syllables, "_got", None)
    if got is None:
        n = names()
        got = _name_syllables._got = frozenset(fold_lower(x) for k in ("surname", "middle", "given") for x in n[k])
    return got


def _is_value(cell: str) -> bool:
    k = header_key(cell)
    return bool(k) and k not in _NOT_VALUES and k not in _HEADERS


# --- rows and cells -------------------------------------------------------------------------------------------
_WIDE = re.compile(r"\t| {2,}")  # a column gap in an aligned table
_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")  # markdown's |---|---|


def _split(line: str, start: int, sep: str) -> list[tuple[int, int]]:
    """Cells (start, end of their text, spaces trimmed) of one line split on `sep` ('\\t', '|' or 'wide')."""
    parts = re.split(r"\t" if sep == "\t" else (r"\|" if sep == "|" else r"(?:\t| {2,})"), line)
    seps = [m.end() for m in re.finditer(r"\t" if sep == "\t" else (r"\|" if sep == "|" else r"(?:\t| {2,})"), line)]
    cells, pos = [], 0
    for k, part in enumerate(parts):
        a = pos + len(part) - len(part.lstrip())
        b = pos + len(part.rstrip())
        cells.append((start + a, start + max(a, b)))
        if k < len(seps):
            pos = seps[k]
    if sep == "|":  # '| a | b |': the empty ends outside the outer pipes are not cells
        if cells and cells[0][0] == cells[0][1] and line.lstrip().startswith("|"):
            cells = cells[1:]
        if cells and cells[-1][0] == cells[-1][1] and line.rstrip().endswith("|"):
            cells = cells[:-1]
    return cells


def _row_sep(line: str) -> str | None:
    """How a line is split into cells, or None when it is not a table row."""
    if "\t" in line.strip("\t ") or line.count("\t") >= 2:
        return "\t"
    if line.count("|") >= 2 or (line.count("|") == 1 and not line.strip().startswith("|") and not line.strip().endswith("|")):
        return "|"
    if len(_WIDE.findall(line.strip())) >= 1:
        return "wide"
    return None


class TableRecognizer(Recognizer):
    name = "table"
    labels = ("NAME", "DATE", "AGE", "ID", "PHONE", "LOCATION", "ORGANIZATION", "PROFESSION")

    def analyze(self, ctx: Context) -> list[Candidate]:
        text = ctx.text
        # the other recognizers' candidates so far (the analyzer shares them; none when run alone)
        prior: list[Candidate] = ctx._cache.get("candidates") or []
        if "\t" not in text and "|" not in text and "  " not in text and ":" not in text:
            return same_shape_codes(ctx, prior)
        rows: list[tuple[str | None, list[tuple[int, int]], int, str]] = []  # (sep, cells, line start, line)
        pos = 0
        for line in text.split("\n"):
            sep = None if _SEPARATOR_ROW.match(line) and "-" in line else _row_sep(line)
            rows.append((sep, _split(line, pos, sep) if sep else [], pos, line))
            pos += len(line) + 1
        out: list[Candidate] = []
        self._key_values(ctx, rows, out)
        self._blocks(ctx, rows, prior, out)
        # (last, as the run's last recognizer: a code found by a cue or in a column recurs in rows and lists)
        out += same_shape_codes(ctx, prior + out)
        return out

    # --- 3. key/value rows ------------------------------------------------------------------------------------
    def _key_values(self, ctx: Context, rows, out: list[Candidate]) -> None:
        text = ctx.text
        for sep, cells, start, line in rows:
            # 'Key | value' / 'Key<TAB>value' / 'Key      value' rows: the value cell after a key cell
            # (a row of two filled cells, or of pairs whose every first cell is a key: 'Tuổi | 54 | SĐT | 09...')
            if sep is not None:
                filled = [c for c in cells if c[1] > c[0]]
                keys = filled[0::2]
                if len(filled) > 2 and _header_row(text, cells) is not None:
                    filled = []  # a header row of a table: its cells are column names, not keys and values
                if len(filled) >= 2 and len(filled) % 2 == 0 and \
                        (len(filled) == 2 or all(_is_key(text[s:e]) for s, e in keys)):
                    for (ks, ke), (vs, ve) in zip(keys, filled[1::2]):
                        key = text[ks:ke]
                        if ":" not in key.rstrip(":") and _is_key(key.rstrip(":")):
                            self._value(ctx, key, vs, _cut(text, vs, ve), out, KEY_SCORE)
            # 'Key: value' segments (a line may hold several, separated by a wide gap)
            for m in re.finditer(r"[^\t|]+", line):
                seg_s = start + m.start()
                for piece in re.finditer(r"\S(?:.*?\S)?(?=\s{3,}|\t|$)", m.group()):
                    ps, pe = seg_s + piece.start(), seg_s + piece.end()
                    c = text.find(":", ps, pe)
                    if c < 0:
                        continue
                    key = text[ps:c]
                    vs = c + 1
                    while vs < pe and text[vs] in " \t":
                        vs += 1
                    if vs < pe and ("/" in key and _split_key(key) or header_key(key) in _HEADERS):
                        # ('Họ tên mẹ: ZƠRÂM THỊ LOAN  Năm sinh: 2001': two spaces, then the next field's key)
                        nk = _NEXT_KEY.search(text, vs, pe)
                        self._value(ctx, key, vs, nk.start() if nk else pe, out, KEY_SCORE)

    def _value(self, ctx: Context, key: str, vs: int, ve: int, out: list[Candidate], score: float) -> None:
        """The value of one key: one label, or one per part when the key names several ('DOB / Age')."""
        text = ctx.text
        parts = _split_key(key)
        if parts and len(parts) > 1:
            # 'DOB / Age | 19/04/1971 / 54': the parts split on a spaced slash first, on any slash otherwise
            values = _pieces(text, vs, ve, r"\s+/\s+")
            if len(values) != len(parts):
                values = _pieces(text, vs, ve, r"/")
            values = [(a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip())) for a, b in values]
            if len(values) == len(parts):
                for label, (a, b) in zip(parts, values):
                    if label is not None:
                        self._cell(ctx, label, a, b, out, score, f"value of a key/value row (key: {header_key(key)})")
                return
            labels = {x for x in parts if x is not None}
            if len(labels) != 1:
                return
            label = labels.pop()
        else:
            label = _HEADERS.get(header_key(key))
            if label is None:
                return
        self._cell(ctx, label, vs, ve, out, score, f"value of a key/value row (key: {header_key(key)})")

    @staticmethod
    def _cell(ctx: Context, label: str, s: int, e: int, out: list[Candidate], score: float, why: str) -> bool:
        if not _is_value(ctx.text[s:e]):
            return False
        s, e = _trim(ctx.text, label, s, e)
        cell = ctx.text[s:e]
        if not cell.strip() or not _is_value(cell) or _KEYED.search(cell) or not _fits(label, cell):
            return False
        if label == "ORGANIZATION":  # 'Hanse Global Care AG, Hamburg': the organisation, then its place
            cut = _org_end(ctx.text, s, e)
            if cut < e:
                p = cut + 1
                while p < e and ctx.text[p].isspace():
                    p += 1
                out.append(Candidate(s, cut, label, score, "table", why))
                out.append(Candidate(p, e, "LOCATION", score, "table", why + ", the place after the organisation"))
                return True
        out.append(Candidate(s, e, label, score, "table", why))
        return True

    # --- 1 and 2. columns -------------------------------------------------------------------------------------
    def _blocks(self, ctx: Context, rows, prior: list[Candidate], out: list[Candidate]) -> None:
        """Runs of consecutive rows split the same way; in each, the header row's columns (1), then the columns
        the other recognizers mostly labelled (2)."""
        k = 0
        while k < len(rows):
            sep = rows[k][0]
            j = k
            while j < len(rows) and (rows[j][0] == sep or (sep is not None and rows[j][0] is None and _is_rule(rows[j][3]))):
                j += 1
            if sep is not None and j - k >= 2:
                self._block(ctx, [r for r in rows[k:j] if r[0] is not None], sep, prior, out)
            k = max(j, k + 1)

    @staticmethod
    def _joined_rows(text: str, block, sep: str):
        """The block's rows with a row broken across lines joined again: in a tab table, a row shorter than the
        header whose next line completes it (the break inside a cell: 'Vi Thị⏎Nhất⇥1988⇥...', one cell across the
        line break; or at a cell's edge) is one row, so the columns after the break keep their header."""
        if sep != "\t":
            yield from block
            return
        width = 0
        k = 0
        while k < len(block):
            row = block[k]
            cells = row[1]
            if _header_row(text, cells) is not None:
                width = len(cells)
            elif width and len(cells) < width and k + 1 < len(block):
                nxt = block[k + 1][1]
                if len(cells) + len(nxt) - 1 == width and cells and nxt and cells[-1][1] > cells[-1][0] \
                        and nxt[0][1] > nxt[0][0] and "\t" not in text[cells[-1][1]:nxt[0][0]]:
                    yield (row[0], [*cells[:-1], (cells[-1][0], nxt[0][1]), *nxt[1:]], row[2], row[3])
                    k += 2
                    continue
                if len(cells) + len(nxt) == width:
                    yield (row[0], [*cells, *nxt], row[2], row[3])
                    k += 2
                    continue
            yield row
            k += 1

    def _block(self, ctx: Context, block, sep: str, prior: list[Candidate], out: list[Candidate]) -> None:
        text = ctx.text
        header: dict[int, tuple[str, str]] | None = None  # column -> (label, header key)
        width = 0
        data: list[list[tuple[int, int]]] = []
        for _sep, cells, _start, _line in self._joined_rows(text, block, sep):
            heads = _header_row(text, cells)
            if heads is not None:
                header, width = heads, len(cells)
                continue
            if sep != "\t" and header is not None and len(cells) != width:
                header = None  # a pipe or space-aligned row of another shape: the header no longer holds
            data.append(cells)
            if header:
                for col, (label, key) in header.items():
                    if col < len(cells):
                        s, e = cells[col]
                        self._cell(ctx, label, s, e, out, HEADER_SCORE, f"cell of a table column headed '{key}'")
        # 2. columns the other recognizers mostly labelled lend their label to the rest
        if len(data) < 2 or not prior:
            return
        n_cols = max(len(c) for c in data)
        if sep != "\t" and any(len(c) != n_cols for c in data):
            return  # without tabs, columns are known only when every row has the same number of cells
        first = [text[s:e] for s, e in data[0] if e > s]
        if sum(1 for c in first if _DIGIT.search(c)) <= len(first) / 4:
            data = data[1:]  # a first row (almost) without numbers is a header the vocabulary does not know ('ĐD', 'SpO2')
        for col in range(n_cols):
            if header and col in header:
                continue
            cells = [c[col] for c in data if col < len(c) and c[col][1] > c[col][0] and _is_value(text[c[col][0]:c[col][1]])]
            if len(cells) < 2:
                continue
            found: dict[str, int] = {}
            bare = []
            for s, e in cells:
                # (weak guesses, below the tagger's score, neither count nor keep a cell from its column's label)
                labels = {p.label for p in prior if p.score >= PRIOR_FLOOR and p.start < e and s < p.end and
                          min(e, p.end) - max(s, p.start) >= (e - s) / 2}
                for lab in labels:
                    found[lab] = found.get(lab, 0) + 1
                if not labels:
                    bare.append((s, e))
            if not found or not bare:
                continue
            label, n = max(sorted(found.items()), key=lambda x: x[1])  # (a tie goes to the first label by name, every run)
            if n >= 2 and n / len(cells) >= COLUMN_SHARE and label in self.labels:
                for s, e in bare:
                    if label == "NAME" and not ctx.upper_doc and not text[s:e][:1].isupper():
                        continue  # a lent name is written as names are: 'như trên' or 'chưa ký' is not one
                    self._cell(ctx, label, s, e, out, COLUMN_SCORE,
                               f"cell of a table column whose other cells are {label} ({n} of {len(cells)})")


_LAST_DATE_PART = re.compile(r".*(?:\d|\b(?:" + _MONTHS + r")\b)", re.DOTALL)
_RANGE_END = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}|(?:19|20)\d{2}\b")  # the second date of a range
_FIRST_DATE_PART = re.compile(r"\d|\b(?:" + _MONTHS + r")\b")


def _trim(text: str, label: str, s: int, e: int) -> tuple[int, int]:
    """The part of a cell that is the value: without a remark after it (a bracketed note, a dash or ';' clause, a
    comma before another field's key), a title before a name, words after a date."""
    m = _CHOICE.match(fold_lower(text[s:e]))
    if m:
        s += m.end()
    m = _VALUE_END.search(text, s, e)
    if m:
        e = m.start()
    for c in re.finditer(r",\s*", text[s:e]):  # ', policy no. HGH-KR-...': another field starts
        words = text[s + c.end():e].split()
        # (not an address part after an address: 'phòng 12, thôn Núi Hiếu' is one address)
        if any(_HEADERS.get(header_key(" ".join(words[:n])), label) != label
               for n in range(1, min(len(words), _MAX_KEY_WORDS) + 1)):
            e = s + c.start()
            break
    b = text.find(" (", s, e)  # 'Lâm Gia Huy (Cardiology)', '07/22/1979 (46 y/o)'
    if b > s and text[s:e].rstrip().endswith(")"):
        e = b
    if label == "NAME":
        # 'con sản phụ Chu Thị Sa': a capitalised name after lower-case words starts at its first capital
        words = list(re.finditer(r"\S+", text[s:e]))
        if words and not words[0].group()[:1].isupper():
            first = next((w for w in words if w.group()[:1].isupper()), None)
            if first is not None:
                s += first.start()
        while True:
            m = re.match(r"([^\W\d_]+)\.?\s+", text[s:e])
            if not m or m.group(1).lower() not in _TITLES or not text[s + m.end():e].strip():
                break
            s += m.end()
        words = list(re.finditer(r"\S+", text[s:e]))
        if words and words[0].group()[:1].isupper():
            for w in words[1:]:
                if w.group()[:1].islower() and w.group() not in _PARTICLES:
                    e = s + w.start()
                    break
    # (no comma inside these: 'Lê Văn Phát, thợ hàn', 'HT34..., giá trị đến', 'kỹ sư xây dựng, sống ở Hà Nội')
    if label in ("NAME", "ID", "PHONE", "PROFESSION"):
        c = text.find(",", s, e)
        if c > s:
            e = c
    if label == "PROFESSION":
        m = _PROFESSION_END.search(fold_lower(text[s:e]))
        if m:
            e = s + m.start()
    if label == "NAME":  # (nor a bracket: 'Ka Thị Thơm (dân tộc Chơ Ro)')
        c = text.find(" (", s, e)
        if c > s:
            e = c
    if label == "DATE":
        f = fold_lower(text[s:e])
        m = _LAST_DATE_PART.match(f)
        if m:
            e = s + m.end()
            m = _FIRST_DATE_PART.search(f)
            s += m.start()
        for d in re.finditer(r",\s*", text[s:e]):  # 'thứ Ba, 14/10/25, lúc 7h45': the date ends before 'lúc'
            if not _FIRST_DATE_PART.match(fold_lower(text[s + d.end():e])):
                e = s + d.start()
                break
        for d in re.finditer(r"\s[-–]\s", text[s:e]):  # '05/10/2024 - 18 tháng': an age after the date, not a range
            if not _RANGE_END.match(text, s + d.end(), e):
                e = s + d.start()
                break
    # a sentence's full stop after the value ('bố là Hồ Văn Khải.'), not an abbreviation's ('Co., Ltd.', 'Lê Thị K.')
    v = text[s:e].rstrip()
    if v.endswith(".") and not v.endswith(".."):
        last = fold_lower(v[:-1].split()[-1]) if v[:-1].split() else ""
        if len(last) > 1 and last.strip(".") not in _ORG_SUFFIXES:
            e = s + len(v) - 1
    if label == "LOCATION":  # '67000 Strasbourg, France': the country is not part of the address
        c = text.rfind(",", s, e)
        if c > s and fold_lower(text[c + 1:e]).strip(" .") in _COUNTRIES:
            e = c
    # (a dash right after a letter at the line end is a name hyphenated across the break: 'KSOR H'NGU-')
    while e > s and (text[e - 1] in " \t,;:(" or text[e - 1] in "-–—" and e - 1 > s and text[e - 2].isspace()):
        e -= 1
    return s, e


def _org_end(text: str, s: int, e: int) -> int:
    """Where an organisation's name ends in its cell: at the first comma not followed by a company form."""
    for c in re.finditer(r",\s*", text[s:e]):
        tail = text[s + c.end():e]
        piece = fold_lower(re.split(r",", tail, maxsplit=1)[0]).strip().rstrip(".")
        if piece and piece not in _ORG_SUFFIXES:
            return s + c.start()
    return e


def _pieces(text: str, s: int, e: int, sep: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of text[s:e] between matches of `sep`."""
    out, a = [], s
    for m in re.compile(sep).finditer(text, s, e):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, e))
    return out


def _is_key(cell: str) -> bool:
    return header_key(cell) in _HEADERS or _split_key(cell) is not None


def _cut(text: str, s: int, e: int) -> int:
    """The end of a value cell: before a wide gap that starts another field ('HGC-7730158     Member ID: ...')."""
    m = re.compile(r"\s{3,}|\t").search(text, s, e)
    return m.start() if m else e


# two spaces or more, then one to four words and a colon: the next field's key on a form's line
_NEXT_KEY = re.compile(r" {2,}(?=[^\W\d_]+(?: [^\W\d_]+){0,3}:)")
_KEYED = re.compile(r"[^\W\d_]\s*:(?:\s|$)")  # 'Họ tên: ...' inside a cell: a key/value piece, not a column value


def _is_rule(line: str) -> bool:
    return bool(_SEPARATOR_ROW.match(line)) and "-" in line


def _split_key(key: str) -> list[str | None] | None:
    """A key naming several fields ('DOB / Age'): each part's label (None for a part that is no identifier), or
    None when the key is not split or no part is an identifier field."""
    if _KEY_SPLIT not in key:
        return None
    parts = [header_key(p) for p in key.split(_KEY_SPLIT)]
    if not all(parts):
        return None
    labels = [_HEADERS.get(p) for p in parts]
    return labels if any(labels) else None


def _header_row(text: str, cells: list[tuple[int, int]]) -> dict[int, tuple[str, str]] | None:
    """The identifier columns of a header row, or None when the row is not a header: at least one cell names an
    identifier field, and no cell holds a digit (a data row has numbers; `(1)` style column numbers aside)."""
    heads: dict[int, tuple[str, str]] = {}
    filled = 0
    for col, (s, e) in enumerate(cells):
        cell = text[s:e]
        if not cell:
            continue
        filled += 1
        if _DIGIT.search(re.sub(r"\(\d+\)", "", cell)) or ":" in cell or len(cell.split()) > 6:
            return None
        k = header_key(cell)
        if k in _HEADERS:
            heads[col] = (_HEADERS[k], k)
    # a row of two cells is a key/value row unless both are headers ('Họ tên | Năm sinh')
    if not heads or filled < 2 or filled == 2 and len(heads) < 2:
        return None
    return heads
