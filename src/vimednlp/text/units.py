"""The one units table (`resources/units.tsv`) that de-identification and clinical extraction share: each row
is a unit as written (with its marks; the folded form is made by whoever needs it), each column a yes/no flag
naming a use (`dose`, `result`, `value`, `strength`, ...; see `resources/units.md`)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..paths import resource_path


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, ...], tuple[tuple[str, frozenset[str]], ...]]:
    return read_units_table(resource_path("units.tsv"))


def read_units_table(path) -> tuple[tuple[str, ...], tuple[tuple[str, frozenset[str]], ...]]:
    """(the use columns, rows of (unit, the uses flagged yes)); a malformed row raises ValueError naming the file,
    the line and the column."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    head = lines[0].split("\t")
    if head[0] != "unit":
        raise ValueError(f"{path}:1: the first column must be 'unit'")
    rows = []
    for no, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(head) or not cells[0]:
            raise ValueError(f"{path}:{no}: expected {len(head)} columns with a unit first")
        bad = [h for h, c in zip(head[1:], cells[1:]) if c not in ("yes", "no")]
        if bad:
            raise ValueError(f"{path}:{no}: column {bad[0]!r} must be yes or no")
        rows.append((cells[0], frozenset(h for h, c in zip(head[1:], cells[1:]) if c == "yes")))
    return tuple(head[1:]), tuple(rows)


@lru_cache(maxsize=32)
def units(use: str) -> tuple[str, ...]:
    """The units flagged for `use`, in the table's order (longer units before their prefixes where a regex
    alternation needs it: 'mg/dl' before 'mg')."""
    flags, rows = _table()
    if use not in flags:
        raise KeyError(f"resources/units.tsv has no column {use!r} (columns: {', '.join(flags)})")
    return tuple(u for u, f in rows if use in f)
