"""Table cells under a person's column, for the strict profile (run by strict_finder.py).

The default detector's table recognizer tags a cell under a header that names a person (`Họ tên`, `Ho ten`,
`Patient name`; resources/deid/vocab/table_headers.yaml) only when the cell looks like a name: capitalised, or each
word a known name syllable. A register typed in lower case without marks (`4|lau a ky|1987|Nam|…`) or holding an
ethnic-minority name of syllables in no list leaves such cells behind. The strict profile reads the same header and
removes every cell of that column that has letters and no digit, whatever its case, unless it is a filler (`-`,
`không`, `như trên`) or a header again. Rows keep the column only while they are split like the header (same
separator, same number of cells). A bracketed note after the name (`Lý A Sán (người Dao)`) and a title before it
(`sư Lâm Chanh Thi`) stay. Under an age header (`Tuổi`, `Age`) a cell that reads as a number of one to three digits
once OCR's l, I and O beside a digit are read as 1 and 0 (`7l`, `6O`) goes as an age, even where the allow patterns
read `7l` as seven litres.
"""
from __future__ import annotations

import re

from .recognizers.tables import _DIGIT, _LETTER, _header_row, _is_value, _row_sep, _split
from .strict_codes import ocr_digits

# the labels of the columns whose letter cells go whole (a date, an age, a number has its own shape rules)
_LETTER_COLUMNS = ("NAME",)


def name_columns(finder, L) -> None:
    """Cells with letters and no digit under a header naming a person."""
    text = finder.text
    header: dict[int, tuple[str, str]] | None = None
    width, sep_of = 0, None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        sep = _row_sep(line)
        if sep is None:
            header = None
            continue
        cells = _split(line, start, sep)
        heads = _header_row(text, cells)
        if heads is not None:
            header, width, sep_of = heads, len(cells), sep
            continue
        if header is None or sep != sep_of or len(cells) != width:
            header = None  # (a row of another shape ends the table)
            continue
        for col, (label, _key) in header.items():
            if col >= len(cells):
                continue
            s, e = cells[col]
            if label == "AGE":
                _age_cell(finder, s, e)
                continue
            if label not in _LETTER_COLUMNS:
                continue
            # (a bracketed note after the name is no name, 'Lý A Sán (người Dao)'; a title before it stays, 'sư …')
            bracket = text.find("(", s, e)
            e = bracket if bracket > s else e
            while e > s and text[e - 1] == " ":
                e -= 1
            first = text[s:e].split(" ", 1)[0]
            if " " in text[s:e] and (first.lower() in L["person_marked"] or first.lower() in L["person_words"]):
                s += len(first) + 1
            cell = text[s:e]
            if e <= s or _DIGIT.search(cell) or not _LETTER.search(cell) or not _is_value(cell) \
                    or len(cell.split()) > 6:
                continue
            finder.take_free(s, e, label, "strict: a cell under a person's column")


def _age_cell(finder, s: int, e: int) -> None:
    """An age cell, OCR'd with letters for digits or not ('7l', '6O', '58'): a number of at most three digits."""
    cell = finder.text[s:e].strip()
    if not any(c.isdigit() for c in cell):
        return  # (a cell without a digit is no number: a filler, a note)
    read = ocr_digits(cell)
    if re.fullmatch(r"\d{1,3}", read) and int(read) <= 120:
        a = finder.text.find(cell, s, e)
        # (taken even where the allow patterns read a volume, '7l' as 7 litres: under an age header it is an age;
        # a default span over it wins when the spans are merged)
        finder.take(a, a + len(cell), "AGE", "strict: an OCR'd number under an age header")
