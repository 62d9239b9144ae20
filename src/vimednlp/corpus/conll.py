"""CoNLL / BIO files (one token a line, a blank line after each sentence), syllable or word level.

PhoNER_COVID19 style: `token TAG` separated by one space, word level joins syllables with `_`.
Reading builds the text `" ".join(tokens)` (`_` joiners become spaces, their offsets kept in
`meta["word_joins"]`), so writing the records back reproduces the file byte for byte.
Middle columns (e.g. POS) are kept in `meta["conll_columns"]`; a tab separator in `meta["conll_sep"]`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from ..schema import Document, Span
from .errors import ErrorLog, RecordError, handle, numbered_lines
from .iob import iob_to_token_spans, spans_to_iob
from .tokens import JOINS_KEY, check_level, document_tokens, tokens_to_text


def iter_sentences(lines: Iterable[bytes], path: str | None = None) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """Yield (first line number, [(line number, line)]) for each blank-line separated block of a binary file."""
    block: list[tuple[int, str]] = []
    for n, raw in numbered_lines(lines, path):
        line = raw.rstrip("\n")
        line = line.removesuffix("\r")
        if line.strip() == "":
            if block:
                yield block[0][0], block
                block = []
            continue
        block.append((n, line))
    if block:
        yield block[0][0], block


def sentence_to_document(block: list[tuple[int, str]], doc_id: str, level: str = "syllable",
                         scheme: str = "BIO", path: str | None = None) -> Document:
    """One CoNLL block -> Document (labels as in the file)."""
    tokens: list[str] = []
    tags: list[str] = []
    middles: list[list[str]] = []
    sep = "\t" if "\t" in block[0][1] else " "
    for n, line in block:
        cols = line.split(sep)
        if len(cols) < 2 or not cols[0] or not cols[-1]:
            raise RecordError("expected a token and a tag separated by " + ("a tab" if sep == "\t" else "a space"),
                              path, n)
        tokens.append(cols[0])
        tags.append(cols[-1])
        middles.append(cols[1:-1])
    try:
        text, offsets, joins = tokens_to_text(tokens, level)
        tok_spans = iob_to_token_spans(tags, scheme)
    except ValueError as e:
        raise RecordError(str(e), path, block[0][0]) from None
    spans = [Span(offsets[a][0], offsets[b - 1][1], label, text[offsets[a][0]:offsets[b - 1][1]])
             for a, b, label in tok_spans]
    meta: dict = {}
    if joins:
        meta[JOINS_KEY] = joins
    if any(middles):
        meta["conll_columns"] = middles
    if sep != " ":
        meta["conll_sep"] = sep
    return Document(id=doc_id, text=text, spans=spans, meta=meta)


def iter_conll(path: str | Path, level: str = "syllable", scheme: str = "BIO", id_prefix: str | None = None,
               on_error: str = "fail", errors: ErrorLog | None = None,
               with_lines: bool = False) -> Iterator:
    """Stream Documents (or (line, Document) pairs) from a CoNLL file. Ids: `<stem>-00001`, ..."""
    check_level(level)
    path = Path(path)
    prefix = f"{path.stem}-" if id_prefix is None else id_prefix
    with open(path, "rb") as f:
        for i, (first, block) in enumerate(iter_sentences(f, str(path)), 1):
            try:
                doc = sentence_to_document(block, f"{prefix}{i:05d}", level, scheme, str(path))
            except RecordError as e:
                handle(e, on_error, errors)
                continue
            yield (first, doc) if with_lines else doc


def document_to_lines(doc: Document, level: str = "syllable", scheme: str = "BIO",
                      label_source: str = "orig") -> list[str]:
    """Document -> CoNLL lines (no newline). `label_source="orig"` writes `attrs["orig_label"]` when present."""
    check_level(level)
    offsets, strings = document_tokens(doc, level)
    if any(not t.strip() for t in strings):
        raise RecordError("a span starts or ends on whitespace, which CoNLL cannot hold", record_id=doc.id)
    if label_source == "orig":
        def label_of(s: Span) -> str:
            return str(s.attrs.get("orig_label") or s.label)
    else:
        def label_of(s: Span) -> str:
            return s.label
    try:
        tags = spans_to_iob(offsets, doc.spans, scheme, label_of=label_of)
    except ValueError as e:
        raise RecordError(str(e), record_id=doc.id) from None
    sep = doc.meta.get("conll_sep", " ")
    middles = doc.meta.get("conll_columns")
    if middles is not None and len(middles) == len(strings):
        return [sep.join([t, *m, g]) for t, m, g in zip(strings, middles, tags)]
    return [f"{t}{sep}{g}" for t, g in zip(strings, tags)]


def write_conll(docs: Iterable[Document], out: str | Path | TextIO, level: str = "syllable",
                scheme: str = "BIO", label_source: str = "orig", on_error: str = "fail",
                errors: ErrorLog | None = None) -> int:
    """Write documents as CoNLL; each sentence ends with a blank line. Returns the number written."""
    def _write(f: TextIO) -> int:
        n = 0
        for doc in docs:
            try:
                lines = document_to_lines(doc, level, scheme, label_source)
            except RecordError as e:
                handle(e, on_error, errors)
                continue
            if not lines:  # an empty document has no CoNLL form; report it instead of dropping it
                handle(RecordError("empty document cannot be written as CoNLL", record_id=doc.id), on_error, errors)
                continue
            f.write("\n".join(lines))
            f.write("\n\n")
            n += 1
        return n

    if hasattr(out, "write"):
        return _write(out)  # type: ignore[arg-type]
    with open(out, "w", encoding="utf-8", newline="") as f:
        return _write(f)


# --- the JSON-lines token form ({"words": [...], "tags": [...]}) that PhoNER also ships --------------
def iter_token_json(path: str | Path, level: str = "syllable", scheme: str = "BIO", id_prefix: str | None = None,
                    on_error: str = "fail", errors: ErrorLog | None = None, with_lines: bool = False) -> Iterator:
    import json

    path = Path(path)
    prefix = f"{path.stem}-" if id_prefix is None else id_prefix
    i = 0
    with open(path, "rb") as f:
        for n, line in numbered_lines(f, str(path)):
            if not line.strip():
                continue
            i += 1
            try:
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    raise RecordError(f"broken JSON ({e.msg} at column {e.colno})", path, n) from None
                words = obj.get("words", obj.get("tokens")) if isinstance(obj, dict) else None
                tags = obj.get("tags", obj.get("ner_tags")) if isinstance(obj, dict) else None
                if not isinstance(words, list) or not isinstance(tags, list) or len(words) != len(tags):
                    raise RecordError("expected {\"words\": [...], \"tags\": [...]} of equal length", path, n)
                block = [(n, f"{w} {t}") for w, t in zip(words, tags)]
                if not block:
                    raise RecordError("empty sentence", path, n)
                try:
                    doc = _tokens_tags_to_document(words, tags, f"{prefix}{i:05d}", level, scheme)
                except ValueError as e:
                    raise RecordError(str(e), path, n) from None
            except RecordError as e:
                handle(e, on_error, errors)
                continue
            yield (n, doc) if with_lines else doc


def _tokens_tags_to_document(words, tags, doc_id, level, scheme) -> Document:
    text, offsets, joins = tokens_to_text([str(w) for w in words], level)
    spans = [Span(offsets[a][0], offsets[b - 1][1], label, text[offsets[a][0]:offsets[b - 1][1]])
             for a, b, label in iob_to_token_spans([str(t) for t in tags], scheme)]
    return Document(id=doc_id, text=text, spans=spans, meta={JOINS_KEY: joins} if joins else {})


def write_token_json(docs: Iterable[Document], out: str | Path, level: str = "syllable", scheme: str = "BIO",
                     label_source: str = "orig", on_error: str = "fail", errors: ErrorLog | None = None) -> int:
    import json

    n = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        for doc in docs:
            try:
                lines = document_to_lines(doc, level, scheme, label_source)
            except RecordError as e:
                handle(e, on_error, errors)
                continue
            words, tags = zip(*(ln.rsplit(doc.meta.get("conll_sep", " "), 1) for ln in lines)) if lines else ((), ())
            f.write(json.dumps({"words": list(words), "tags": list(tags)}, ensure_ascii=False) + "\n")
            n += 1
    return n
