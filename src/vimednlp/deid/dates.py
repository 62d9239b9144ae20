"""Date shifting that keeps each date's written form: `12/03/2024`, `ngày 5 tháng 3 năm 2024`,
`tháng 3/2024`, `sinh năm 1978`, `14h30 ngày 12/3`, `2024-03-12`, `5/3/24` ...

Every date of one patient moves by the same number of days, so intervals between dates survive
(the clinical timeline stays true). Only the digits change: cue words, separators, zero padding,
two-digit years and the time of day are kept as written.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

from ..text.fold import fold_lower

# Days a patient's dates move by: |offset| is at least a year, so a bare year always changes
# (a year alone left as written would be an identifier string surviving the transformation).
MIN_SHIFT_DAYS = 366
MAX_SHIFT_DAYS = 1095

# Patterns run over the folded lower-case text (same offsets as the NFC input), so `ngày`,
# `NGÀY` and `ngay` all match. Alternatives are tried in this order at each position.
_PATTERNS = [
    ("iso", r"(?<!\d)(?P<iso_y>\d{4})(?P<iso_s>[-/.])(?P<iso_m>\d{1,2})(?P=iso_s)(?P<iso_d>\d{1,2})(?!\d)"),
    ("dmy", r"(?<![\d/.-])(?P<dmy_d>\d{1,2})(?P<dmy_s>\s*[/.-]\s*)(?P<dmy_m>\d{1,2})(?P=dmy_s)(?P<dmy_y>\d{4}|\d{2})(?![\d/.-]?\d)"),
    ("verbal", r"(?P<v_d>\d{1,2})\s+thang\s+(?P<v_m>\d{1,2})\s*,?\s+nam\s+(?P<v_y>\d{4})(?!\d)"),
    ("verbal_dm", r"(?P<vdm_d>\d{1,2})\s+thang\s+(?P<vdm_m>\d{1,2})(?![\d/])"),
    ("month_year", r"thang\s+(?P<my_m>\d{1,2})\s*(?:[/.-]\s*|,?\s*nam\s+|\s+)(?P<my_y>\d{4})(?!\d)"),
    ("num_month_year", r"(?<![\d/.-])(?P<nmy_m>\d{1,2})\s*[/.-]\s*(?P<nmy_y>(?:19|20)\d{2})(?![\d/.-]?\d)"),
    ("day_month", r"(?<![\d/.:-])(?P<dm_d>\d{1,2})(?P<dm_s>[/.-])(?P<dm_m>\d{1,2})(?![\d/.:-]?\d)"),
    ("month", r"thang\s+(?P<mo_m>\d{1,2})(?![\d/])"),
    ("year", r"(?<!\d)(?P<y_y>(?:19|20)\d{2})(?!\d)"),
]
_RX = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _PATTERNS))


class DateShiftError(ValueError):
    """A date-like span whose numbers do not form a real date (e.g. `31/02/2024`)."""


def _fmt(n: int, like: str, pad: bool) -> str:
    return f"{n:02d}" if pad or (len(like) == 2 and like.startswith("0")) else str(n)


def _full_year(y: str) -> int:
    v = int(y)
    if len(y) == 4:
        return v
    this = _dt.date.today().year % 100
    return 2000 + v if v <= this + 1 else 1900 + v


def _year_text(new_year: int, like: str) -> str:
    return f"{new_year % 100:02d}" if len(like) == 2 else str(new_year)


def shift_year(year: int, offset_days: int) -> int:
    """The year a bare `year` lands in: its mid-year day moved by the offset."""
    return (_dt.date(year, 7, 1) + _dt.timedelta(days=offset_days)).year


def _date(y: int, m: int, d: int) -> _dt.date:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        raise DateShiftError("a date-like span does not form a valid calendar date") from None


def shift_dates(text: str, offset_days: int, ref_year: int = 2024) -> str | None:
    """Move every date written in `text` by `offset_days`, keeping the form; None if none is found.

    `ref_year` stands in for dates written without a year (`12/3`); a leap year keeps `29/2` valid.
    Raises DateShiftError when a date-like group is not a real date (callers then fall back to a tag).
    """
    key = fold_lower(text)
    if len(key) != len(text):  # not NFC: match on the text itself (offsets must agree)
        key = text.lower()
    delta = _dt.timedelta(days=offset_days)
    edits: list[tuple[int, int, str]] = []

    def put(group: str, m: re.Match, value: str) -> None:
        s, e = m.span(group)
        edits.append((s, e, value))

    for m in _RX.finditer(key):
        kind = m.lastgroup
        g = m.group
        if kind in ("iso", "dmy", "verbal"):
            p = {"iso": "iso_", "dmy": "dmy_", "verbal": "v_"}[kind]
            d0 = _date(_full_year(g(p + "y")), int(g(p + "m")), int(g(p + "d")))
            d1 = d0 + delta
            pad = len(g(p + "d")) == 2 and len(g(p + "m")) == 2
            put(p + "d", m, _fmt(d1.day, g(p + "d"), pad))
            put(p + "m", m, _fmt(d1.month, g(p + "m"), pad))
            put(p + "y", m, _year_text(d1.year, g(p + "y")))
        elif kind in ("verbal_dm", "day_month"):
            p = {"verbal_dm": "vdm_", "day_month": "dm_"}[kind]
            d0 = _date(ref_year, int(g(p + "m")), int(g(p + "d")))
            d1 = d0 + delta
            pad = len(g(p + "d")) == 2 and len(g(p + "m")) == 2
            put(p + "d", m, _fmt(d1.day, g(p + "d"), pad))
            put(p + "m", m, _fmt(d1.month, g(p + "m"), pad))
        elif kind in ("month_year", "num_month_year"):
            p = {"month_year": "my_", "num_month_year": "nmy_"}[kind]
            d1 = _date(int(g(p + "y")), int(g(p + "m")), 15) + delta
            put(p + "m", m, _fmt(d1.month, g(p + "m"), False))
            put(p + "y", m, str(d1.year))
        elif kind == "month":
            d1 = _date(ref_year, int(g("mo_m")), 15) + delta
            put("mo_m", m, _fmt(d1.month, g("mo_m"), False))
        elif kind == "year":
            put("y_y", m, str(shift_year(int(g("y_y")), offset_days)))
    if not edits:
        return None
    out, last = [], 0
    for s, e, v in sorted(edits):
        out.append(text[last:s])
        out.append(v)
        last = e
    out.append(text[last:])
    return "".join(out)


def offset_from_bytes(seed: bytes) -> int:
    """A per-patient offset of -[MIN_SHIFT_DAYS, MAX_SHIFT_DAYS] days from a keyed digest.

    Always into the past: a shifted admission never lands in the future and a shifted birth date
    never comes after today (CCCD birth years stay valid)."""
    n = int.from_bytes(seed[:8], "big")
    span = MAX_SHIFT_DAYS - MIN_SHIFT_DAYS + 1
    return -(MIN_SHIFT_DAYS + n % span)


ShiftFn = Callable[[str], "str | None"]
