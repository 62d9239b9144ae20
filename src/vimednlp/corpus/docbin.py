"""spaCy DocBin (`.spacy`) <-> records.

Each record becomes a `Doc` whose text equals the record text exactly (whitespace other than a single
space after a token becomes its own token), tokenized with `vimednlp.text.tokenize` and cut at every
span boundary so every span is a token span. Spans go to `doc.spans["vimednlp"]` (overlaps allowed)
and, when they do not overlap, to `doc.ents` for training NER. The record id, meta and the spans'
source/score/attrs ride in `doc.user_data["vimednlp"]` (a JSON string).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
import json
from pathlib import Path

from ..schema import SCHEMA_VERSION, Document, Span
from .errors import ErrorLog, RecordError, handle
from .tokens import refine_tokens

SPANS_KEY = "vimednlp"


def _words_spaces(text: str, spans: list[Span]) -> tuple[list[str], list[bool]]:
    cuts = [(s.start, s.end) for s in spans]
    toks = refine_tokens(text, cuts)
    span_starts = {s.start for s in spans}
    span_ends = {s.end for s in spans}
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0

    def gap(a: int, b: int) -> None:
        # whitespace between tokens, cut at span boundaries; a lone " " after a token is its trailing space
        points = sorted({a, b} | {p for p in span_starts | span_ends if a < p < b})
        for x, y in zip(points, points[1:]):
            seg = text[x:y]
            if (seg == " " and words and not spaces[-1] and x not in span_starts and y not in span_ends
                    and x == a):
                spaces[-1] = True
            else:
                words.append(seg)
                spaces.append(False)

    for a, b in toks:
        if a > pos:
            gap(pos, a)
        words.append(text[a:b])
        spaces.append(False)
        pos = b
    if pos < len(text):
        gap(pos, len(text))
    return words, spaces


def document_to_doc(doc: Document, vocab):
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import SpanGroup

    words, spaces = _words_spaces(doc.text, doc.spans)
    sdoc = SpacyDoc(vocab, words=words, spaces=spaces)
    if sdoc.text != doc.text:  # pragma: no cover - guarded by the construction above
        raise RecordError("spaCy Doc text differs from the record text", record_id=doc.id)
    group = []
    for s in doc.spans:
        cs = sdoc.char_span(s.start, s.end, label=s.label, alignment_mode="strict")
        if cs is None:
            raise RecordError(f"span {s.start}-{s.end} ({s.label}) does not align with tokens", record_id=doc.id)
        group.append(cs)
    sdoc.spans[SPANS_KEY] = SpanGroup(sdoc, name=SPANS_KEY, spans=group)
    ordered = sorted(group, key=lambda x: (x.start, x.end))
    if all(a.end <= b.start for a, b in zip(ordered, ordered[1:])) and all(len(x) for x in ordered):
        sdoc.ents = ordered
    # a JSON string: DocBin's msgpack would turn lists inside meta/attrs into tuples
    sdoc.user_data[SPANS_KEY] = json.dumps({
        "id": doc.id, "meta": doc.meta, "schema_version": doc.schema_version,
        "spans": [{"source": s.source, "score": s.score, "attrs": s.attrs, "text": s.text} for s in doc.spans],
    }, ensure_ascii=False)
    return sdoc


def doc_to_document(sdoc, doc_id: str | None = None) -> Document:
    ours = sdoc.user_data.get(SPANS_KEY) or {}
    if isinstance(ours, str):
        ours = json.loads(ours)
    group = sdoc.spans[SPANS_KEY] if SPANS_KEY in sdoc.spans else list(sdoc.ents)
    extras = ours.get("spans") or [{}] * len(group)
    spans = []
    for sp, ex in zip(group, extras):
        spans.append(Span(sp.start_char, sp.end_char, sp.label_, ex.get("text", sp.text), ex.get("source", ""),
                          ex.get("score", 1.0), dict(ex.get("attrs") or {})))
    return Document(id=str(ours.get("id", doc_id or "")), text=sdoc.text, spans=spans,
                    meta=dict(ours.get("meta") or {}), schema_version=str(ours.get("schema_version", SCHEMA_VERSION)))


def write_docbin(docs: Iterable[Document], path: str | Path, on_error: str = "fail",
                 errors: ErrorLog | None = None) -> int:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    db = DocBin(store_user_data=True)
    n = 0
    for doc in docs:
        try:
            db.add(document_to_doc(doc, vocab))
            n += 1
        except RecordError as e:
            handle(e, on_error, errors)
    db.to_disk(path)
    return n


def iter_docbin(path: str | Path, on_error: str = "fail", errors: ErrorLog | None = None,
                with_lines: bool = False) -> Iterator:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    db = DocBin(store_user_data=True).from_disk(path)
    for i, sdoc in enumerate(db.get_docs(Vocab())):
        doc = doc_to_document(sdoc, doc_id=f"{Path(path).stem}-{i + 1:05d}")
        yield (None, doc) if with_lines else doc
