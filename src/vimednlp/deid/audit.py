"""The audit record of one de-identified document: what was found and done, never what it said.

An audit holds labels, counts, recognizer names, ID kinds and offsets; it never holds an identifier,
a recognizer's explanation (which may quote the text) or a patient id. `check_audit` enforces it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..schema import Span

AUDIT_VERSION = "1"


def build_audit(spans: Iterable[Span], *, chars: int, operators: dict[str, str], doc_id: str | None = None,
                normalized: bool = False, empty: bool = False, fallbacks: int = 0, chunks: int = 1,
                elapsed_ms: float | None = None, ephemeral_key: bool = False) -> dict[str, Any]:
    spans = list(spans)
    rec: dict[str, Any] = {"audit_version": AUDIT_VERSION}
    if doc_id is not None:
        rec["id"] = doc_id
    rec.update({
        "chars": chars,
        "empty": empty,
        "n_spans": len(spans),
        "counts": dict(sorted(Counter(s.label for s in spans).items())),
        "recognizers": dict(sorted(Counter(s.source or "unknown" for s in spans).items())),
        "operators": operators,
        "spans": [_span_entry(s) for s in spans],
    })
    if normalized:
        rec["input_normalized"] = True
    if fallbacks:
        rec["surrogate_fallbacks"] = fallbacks  # spans tagged because no safe surrogate could be made
    if chunks > 1:
        rec["chunks"] = chunks
    if ephemeral_key:
        rec["ephemeral_key"] = True
    if elapsed_ms is not None:
        rec["ms"] = round(elapsed_ms, 2)
    return rec


def _span_entry(s: Span) -> dict[str, Any]:
    e: dict[str, Any] = {"start": s.start, "end": s.end, "label": s.label}
    if s.source:
        e["source"] = s.source
    if s.score != 1.0:
        e["score"] = round(float(s.score), 4)
    kind = (s.attrs or {}).get("kind")
    if kind:
        e["kind"] = str(kind)
    return e


_ALLOWED_KEYS = {"audit_version", "id", "chars", "empty", "n_spans", "counts", "recognizers", "operators",
                 "spans", "input_normalized", "surrogate_fallbacks", "chunks", "ephemeral_key", "ms",
                 "error", "line", "status", "source_file"}


def check_audit(rec: dict[str, Any], identifiers: Iterable[str] = ()) -> None:
    """Raise ValueError if an audit record has unexpected fields or contains any given identifier."""
    extra = set(rec) - _ALLOWED_KEYS
    if extra:
        raise ValueError(f"audit record has unexpected fields: {sorted(extra)}")
    import json

    blob = json.dumps(rec, ensure_ascii=False)
    for ident in identifiers:
        if len(ident) >= 3 and ident in blob:
            raise ValueError("audit record contains identifier text")
