"""The standard record as JSON lines: one `schema.Document` a line, read as a stream."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..schema import Document
from .errors import ErrorLog, RecordError, handle, numbered_lines


def parse_line(line: str, path: str | None, n: int) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise RecordError(f"broken JSON ({e.msg} at column {e.colno})", path, n) from None
    try:
        doc = Document.from_dict(obj)
    except (ValueError, TypeError, AttributeError) as e:
        raise RecordError(f"not a corpus record: {e}", path, n) from None
    return doc


def iter_jsonl(path: str | Path, on_error: str = "fail", errors: ErrorLog | None = None,
               with_lines: bool = False) -> Iterator:
    """Stream Documents (or (line number, Document)); blank lines are allowed and skipped."""
    p = str(path)
    with open(path, "rb") as f:
        for n, line in numbered_lines(f, p, strip_bom=True):  # a BOM some editors add is not an error
            if not line.strip():
                continue
            try:
                doc = parse_line(line, p, n)
            except RecordError as e:
                handle(e, on_error, errors)
                continue
            yield (n, doc) if with_lines else doc


def write_jsonl(docs: Iterable[Document], path: str | Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for doc in docs:
            f.write(doc.to_json())
            f.write("\n")
            n += 1
    return n
