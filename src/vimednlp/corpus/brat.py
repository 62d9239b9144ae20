"""BRAT standoff: a folder of `<id>.txt` + `<id>.ann` (+ `<id>.json` with the record's id and meta).

Offsets in `.ann` are code points (brat counts Python characters). A span crossing a line break is
written as fragments (`T1\tNAME 0 5;6 10`) because an `.ann` line cannot hold a newline; reading
joins fragments separated only by whitespace back into one span. Boolean attributes become brat
attributes (`A1\tnegated T1`); source, score and other attributes ride in an AnnotatorNotes line as JSON.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..schema import SCHEMA_VERSION, Document, Span
from .errors import ErrorLog, RecordError, handle

_SAFE = re.compile(r"^[\w.\-]+$")


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    frags = []
    a = start
    for i in range(start, end):
        if text[i] in "\n\r\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e":
            if i > a:
                frags.append((a, i))
            a = i + 1
    if end > a:
        frags.append((a, end))
    if not frags:
        return [(start, end)]
    # the offsets stay exact even when the span starts or ends on a line break
    frags[0] = (start, frags[0][1])
    frags[-1] = (frags[-1][0], end)
    return frags


def document_to_ann(doc: Document) -> str:
    lines = []
    a_n = 0
    for i, s in enumerate(doc.spans, 1):
        frags = _fragments(doc.text, s.start, s.end)
        loc = ";".join(f"{a} {b}" for a, b in frags)
        shown = " ".join(doc.text[a:b] for a, b in frags)
        shown = "".join(" " if c.isspace() else c for c in shown)
        lines.append(f"T{i}\t{s.label} {loc}\t{shown}")
        notes = {}
        for k, v in s.attrs.items():
            if v is True and _SAFE.match(k):
                a_n += 1
                lines.append(f"A{a_n}\t{k} T{i}")
            else:
                notes.setdefault("attrs", {})[k] = v
        if s.source:
            notes["source"] = s.source
        if s.score != 1.0:
            notes["score"] = s.score
        if s.text != doc.text[s.start:s.end]:
            notes["text"] = s.text
        if notes:
            lines.append(f"#{i}\tAnnotatorNotes T{i}\t{json.dumps(notes, ensure_ascii=False)}")
    return "".join(x + "\n" for x in lines)


def ann_to_spans(ann: str, text: str, path: str | None = None) -> list[Span]:
    spans: dict[str, Span] = {}
    order: list[str] = []
    for n, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        kind = line[0]
        parts = line.split("\t")
        try:
            if kind == "T":
                tid, mid = parts[0], parts[1]
                label, loc = mid.split(" ", 1)
                frags = [tuple(int(x) for x in f.split()) for f in loc.split(";")]
                start, end = frags[0][0], frags[-1][1]
                if start < 0 or end > len(text) or start > end:
                    raise RecordError(f"span {start}-{end} outside the text (length {len(text)})", path, n)
                spans[tid] = Span(start, end, label, text[start:end])
                order.append(tid)
            elif kind == "A" or kind == "M":
                fields = parts[1].split(" ")
                name, target = fields[0], fields[1]
                value = fields[2] if len(fields) > 2 else True
                spans[target].attrs[name] = value
            elif kind == "#":
                fields = parts[1].split(" ")
                if fields[0] == "AnnotatorNotes" and fields[1] in spans:
                    note = parts[2] if len(parts) > 2 else ""
                    try:
                        extra = json.loads(note)
                    except json.JSONDecodeError:
                        extra = {"attrs": {"note": note}}
                    sp = spans[fields[1]]
                    if not isinstance(extra, dict):
                        extra = {"attrs": {"note": note}}
                    sp.attrs.update(extra.get("attrs") or {})
                    sp.source = extra.get("source", sp.source)
                    sp.score = extra.get("score", sp.score)
                    if "text" in extra:
                        sp.text = extra["text"]
            # relations (R), events (E), normalizations (N) are not part of the record: ignored
        except RecordError:
            raise
        except (IndexError, ValueError, KeyError):
            raise RecordError("malformed brat annotation line", path, n) from None
    return [spans[t] for t in order]


def _safe_name(doc_id: str, i: int) -> str:
    return doc_id if _SAFE.match(doc_id) and doc_id not in (".", "..") else f"doc-{i:06d}"


def write_brat(docs: Iterable[Document], folder: str | Path) -> int:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for i, doc in enumerate(docs):
        name = _safe_name(doc.id, i)
        # newline="" keeps \r\n and lone \r as they are: offsets must not move
        with open(folder / f"{name}.txt", "w", encoding="utf-8", newline="") as f:
            f.write(doc.text)
        with open(folder / f"{name}.ann", "w", encoding="utf-8", newline="\n") as f:
            f.write(document_to_ann(doc))
        side = {"id": doc.id, "meta": doc.meta, "schema_version": doc.schema_version}
        (folder / f"{name}.json").write_text(json.dumps(side, ensure_ascii=False), encoding="utf-8")
        n += 1
    return n


def iter_brat(folder: str | Path, on_error: str = "fail", errors: ErrorLog | None = None,
              with_lines: bool = False) -> Iterator:
    folder = Path(folder)
    if folder.is_file():
        files = [folder.with_suffix(".txt")]
    else:
        files = sorted(folder.glob("*.txt"))
    for txt in files:
        ann = txt.with_suffix(".ann")
        try:
            with open(txt, encoding="utf-8", newline="") as f:
                text = f.read()
            ann_text = ann.read_text(encoding="utf-8") if ann.exists() else ""
            spans = ann_to_spans(ann_text, text, str(ann))
            side_p = txt.with_suffix(".json")
            side = json.loads(side_p.read_text(encoding="utf-8")) if side_p.exists() else {}
            doc = Document(id=str(side.get("id", txt.stem)), text=text, spans=spans,
                           meta=dict(side.get("meta") or {}),
                           schema_version=str(side.get("schema_version", SCHEMA_VERSION)))
        except RecordError as e:
            handle(e, on_error, errors)
            continue
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            handle(RecordError(f"cannot read ({type(e).__name__})", txt), on_error, errors)
            continue
        yield (None, doc) if with_lines else doc
