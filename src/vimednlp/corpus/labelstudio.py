"""Label Studio JSON tasks <-> records. The only place where offsets are UTF-16 code units.

Label Studio (a browser app) counts offsets in JavaScript string units: UTF-16 code units, so a
character outside the BMP (emoji, CJK Extension B) counts 2. Our records count code points.
`to_utf16` / `from_utf16` (and `Utf16Index` for many lookups on one text) convert between the two;
the annotation room imports them from here.

A task: {"data": {"text": ..., "vimednlp": {id, meta, schema_version, extras}},
         "annotations": [{"result": [{"id", "from_name", "to_name", "type": "labels",
                                      "value": {"start", "end", "text", "labels": [label]}}]}]}
Span source/score/attrs ride in `data.vimednlp.extras`, keyed by region id, so Label Studio keeps them.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..schema import SCHEMA_VERSION, Document, Span
from .errors import ErrorLog, RecordError, handle


class Utf16Index:
    """Code-point <-> UTF-16 offset conversion for one text (O(log n) per lookup, O(1) for BMP-only text)."""

    def __init__(self, text: str):
        self.text = text
        # code-point indexes of characters that take two UTF-16 units
        self.astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
        self.astral16 = [i + k for k, i in enumerate(self.astral)]  # their UTF-16 positions
        self.len16 = len(text) + len(self.astral)

    def to_utf16(self, offset: int) -> int:
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the text (length {len(self.text)})")
        return offset + bisect_left(self.astral, offset)

    def from_utf16(self, offset: int) -> int:
        if not 0 <= offset <= self.len16:
            raise ValueError(f"UTF-16 offset {offset} outside the text (UTF-16 length {self.len16})")
        k = bisect_left(self.astral16, offset)
        # offset falls inside a surrogate pair when it is one past the start of an astral char
        if k > 0 and self.astral16[k - 1] + 1 == offset:
            raise ValueError(f"UTF-16 offset {offset} splits a surrogate pair")
        return offset - k


def to_utf16(text: str, offset: int) -> int:
    """Code-point offset -> UTF-16 code-unit offset (what Label Studio and JavaScript use)."""
    return Utf16Index(text).to_utf16(offset)


def from_utf16(text: str, offset: int) -> int:
    """UTF-16 code-unit offset -> code-point offset; raises ValueError inside a surrogate pair."""
    return Utf16Index(text).from_utf16(offset)


def document_to_task(doc: Document, from_name: str = "label", to_name: str = "text",
                     as_predictions: bool = False) -> dict[str, Any]:
    idx = Utf16Index(doc.text)
    results = []
    extras: dict[str, Any] = {}
    for i, s in enumerate(doc.spans):
        rid = f"s{i}"
        results.append({
            "id": rid, "from_name": from_name, "to_name": to_name, "type": "labels",
            "value": {"start": idx.to_utf16(s.start), "end": idx.to_utf16(s.end),
                      "text": doc.text[s.start:s.end], "labels": [s.label]},
        })
        extra = {}
        if s.source:
            extra["source"] = s.source
        if s.score != 1.0:
            extra["score"] = s.score
        if s.attrs:
            extra["attrs"] = s.attrs
        if s.text != doc.text[s.start:s.end]:
            extra["text"] = s.text
        if extra:
            extras[rid] = extra
    data = {"text": doc.text, "vimednlp": {"id": doc.id, "meta": doc.meta, "schema_version": doc.schema_version}}
    if extras:
        data["vimednlp"]["extras"] = extras
    key = "predictions" if as_predictions else "annotations"
    return {"data": data, key: [{"result": results}]}


def annotator_name(ann: dict[str, Any]) -> str | None:
    """Who made a Label Studio annotation, as its export names them: `completed_by` as a user object
    (e-mail, else username), `created_username` ("email, id"), JSON_MIN's `annotator`, else `user<id>`."""
    who = ann.get("completed_by")
    if isinstance(who, dict):
        name = who.get("email") or who.get("username")
        if name:
            return str(name)
        who = who.get("id")
    created = ann.get("created_username")
    if isinstance(created, str) and created.strip(" ,"):
        return created.split(",")[0].strip()
    if ann.get("annotator") not in (None, ""):
        return str(ann["annotator"])
    return None if who in (None, "") else f"user{who}"


def _result_spans(text: str, idx: Utf16Index, result: list, extras: dict, annotator: str | None) -> list[Span]:
    """Label Studio result items -> Spans; a `choices` item with a region's id gives it assertion
    attributes (negated ...) or its ID kind, as the annotation room's pull does."""
    from ..schema import ASSERTIONS, ID_KINDS

    spans: list[Span] = []
    by_region: dict[str, list[Span]] = {}
    for r in result:
        if r.get("type") not in (None, "labels") or "value" not in r:
            continue
        v = r["value"]
        if "start" not in v or "end" not in v or not v.get("labels"):
            continue
        start, end = idx.from_utf16(int(v["start"])), idx.from_utf16(int(v["end"]))
        extra = extras.get(r.get("id"), {})
        for lab in v["labels"]:
            attrs = dict(extra.get("attrs") or {})
            if annotator is not None:
                attrs.setdefault("annotator", annotator)
            sp = Span(start, end, lab, extra.get("text", text[start:end]), extra.get("source", ""),
                      extra.get("score", 1.0), attrs)
            spans.append(sp)
            by_region.setdefault(str(r.get("id")), []).append(sp)
    for r in result:
        if r.get("type") != "choices" or str(r.get("id")) not in by_region:
            continue
        for value in (r.get("value") or {}).get("choices") or []:
            for sp in by_region[str(r["id"])]:
                if value in ASSERTIONS:
                    sp.attrs[value] = True
                elif value in ID_KINDS:
                    sp.attrs["kind"] = value
    return spans


def task_to_document(task: dict[str, Any], text_key: str = "text", annotation: int | None = None) -> Document:
    """A Label Studio task (export or import form) -> Document.

    Every annotation that was not cancelled is kept: its spans carry attrs["annotator"] (when the export
    says who made it) and its assertion/ID-kind choices, and meta["annotators"] / meta["annotations"]
    list who annotated, as `vimednlp ls pull` writes them. `annotation=i` keeps only the i-th annotation.
    A task without annotations gives its (last) predictions' spans.
    """
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise ValueError("a Label Studio task must be an object with a 'data' object")
    data = task["data"]
    text = data.get(text_key)
    if not isinstance(text, str):
        raise ValueError(f"task data lacks the text field {text_key!r}")
    ours = data.get("vimednlp") or {}
    idx = Utf16Index(text)
    extras = ours.get("extras") or {}
    meta = dict(ours.get("meta") or {})
    anns = [a for a in (task.get("annotations") or []) if isinstance(a, dict) and not a.get("was_cancelled")]
    if annotation is not None and anns:
        anns = [anns[annotation]]
    spans: list[Span] = []
    if anns:
        names = [annotator_name(a) for a in anns]
        for a, name in zip(anns, names):
            spans += _result_spans(text, idx, a.get("result") or [], extras, name)
        if any(n is not None for n in names):
            meta["annotators"] = sorted({n for n in names if n is not None})
            meta["annotations"] = [{"annotator": n, "annotation_id": a.get("id"), "updated_at": a.get("updated_at")}
                                   for a, n in zip(anns, names)]
            if task.get("id") is not None:
                meta.setdefault("ls_task_id", task["id"])
    elif task.get("predictions"):
        spans = _result_spans(text, idx, task["predictions"][-1].get("result") or [], extras, None)
    doc_id = ours.get("id", task.get("id", ""))
    return Document(id=str(doc_id), text=text, spans=spans, meta=meta,
                    schema_version=str(ours.get("schema_version", SCHEMA_VERSION)))


def iter_tasks(path: str | Path, on_error: str = "fail", errors: ErrorLog | None = None,
               with_lines: bool = False) -> Iterator:
    """Read a Label Studio JSON export (an array of tasks) or JSON lines of tasks."""
    p = Path(path)
    raw = p.read_text(encoding="utf-8")
    if raw.lstrip().startswith("["):
        try:
            tasks = [(None, t) for t in json.loads(raw)]
        except json.JSONDecodeError as e:
            raise RecordError(f"broken JSON ({e.msg})", p, e.lineno) from None
    else:
        tasks = []
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                tasks.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                handle(RecordError(f"broken JSON ({e.msg} at column {e.colno})", p, n), on_error, errors)
    for i, (n, t) in enumerate(tasks):
        try:
            doc = task_to_document(t)
        except ValueError as e:
            handle(RecordError(str(e), p, n, record_id=None if n else str(i)), on_error, errors)
            continue
        yield (n, doc) if with_lines else doc


def write_tasks(docs: Iterable[Document], path: str | Path, **kw) -> int:
    tasks = [document_to_task(d, **kw) for d in docs]
    Path(path).write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(tasks)
