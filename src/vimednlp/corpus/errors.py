"""Errors that name where a bad record is (file and line), never what it says (no PHI in messages)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


class RecordError(ValueError):
    """A record that cannot be read or converted: carries the file, line (1-based) and reason."""

    def __init__(self, reason: str, path: str | Path | None = None, line: int | None = None,
                 record_id: str | None = None):
        self.reason = reason
        self.path = str(path) if path is not None else None
        self.line = line
        self.record_id = record_id
        super().__init__(self.where() + reason)

    def where(self) -> str:
        parts = []
        if self.path:
            parts.append(self.path)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.record_id is not None and self.line is None:
            parts.append(f"record {self.record_id}")
        return (":".join(parts[:1]) + (":" + ", ".join(parts[1:]) if len(parts) > 1 else "") + ": ") if parts else ""


ON_ERROR = ("fail", "skip")


@dataclass
class ErrorLog:
    """Collects the records skipped with `on_error="skip"` so they can be reported, never lost silently."""

    errors: list[RecordError]

    def __init__(self) -> None:
        self.errors = []

    def add(self, err: RecordError) -> None:
        self.errors.append(err)

    def __len__(self) -> int:
        return len(self.errors)

    def __bool__(self) -> bool:  # an empty log is still a log
        return True


def handle(err: RecordError, on_error: str, log: ErrorLog | None) -> None:
    """Raise (fail) or record (skip) a bad record."""
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {ON_ERROR}, got {on_error!r}")
    if on_error == "fail":
        raise err
    if log is not None:
        log.add(err)


def numbered_lines(f, path, strip_bom: bool = False) -> "Iterator[tuple[int, str]]":
    """(line number, line) from a file opened in binary mode, decoded line by line as UTF-8, so a
    decoding error names its exact line (a text-mode file decodes whole blocks ahead)."""
    for n, raw in enumerate(f, 1):
        if n == 1 and strip_bom and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield n, raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise RecordError(f"not UTF-8 text ({e.reason} at column {e.start + 1}); convert the file to "
                              "UTF-8 first", path, n) from None
