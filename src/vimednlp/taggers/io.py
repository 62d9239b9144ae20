"""Reading training files for `vimednlp train`: JSONL `Document` records or CoNLL (`token TAG`).

The corpus room (`vimednlp.corpus`) owns corpus loading; this minimal reader is used only when that
room does not provide `vimednlp.corpus.read`. TODO(corpus): replace with `vimednlp.corpus.read`.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..schema import Document, Span


def conll_sentences(path: str | Path) -> Iterator[tuple[int, list[str], list[str]]]:
    """(first line number, tokens, tags) per sentence; columns split on whitespace, token first, tag last."""
    toks: list[str] = []
    tags: list[str] = []
    first = 0
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("-DOCSTART-"):
                if toks:
                    yield first, toks, tags
                toks, tags = [], []
                continue
            parts = line.split()
            if len(parts) < 2:
                raise ValueError(f"{path}:{lineno}: expected 'token TAG', found {len(parts)} column")
            tag = parts[-1]
            if tag != "O" and (len(tag) < 3 or tag[1] != "-" or tag[0] not in "BIES"):
                raise ValueError(f"{path}:{lineno}: the tag column holds no BIO tag")
            if not toks:
                first = lineno
            toks.append(parts[0])
            tags.append(tag)
    if toks:
        yield first, toks, tags


def tokens_to_document(doc_id: str, toks: list[str], tags: list[str]) -> Document:
    """Join tokens with single spaces; spans from the BIO tags (an I- after O starts an entity)."""
    text_parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for t in toks:
        offsets.append((pos, pos + len(t)))
        text_parts.append(t)
        pos += len(t) + 1
    text = " ".join(text_parts)
    spans: list[Span] = []
    cur: list = []  # [label, start, end]

    def close():
        if cur:
            spans.append(Span(cur[1], cur[2], cur[0], text[cur[1]:cur[2]]))

    for (s, e), tag in zip(offsets, tags):
        if tag == "O":
            close()
            cur = []
            continue
        p, label = tag[0], tag[2:]
        if p in "BS" or not cur or cur[0] != label:
            close()
            cur = [label, s, e]
        else:
            cur[2] = e
        if p in "ES":
            close()
            cur = []
    close()
    return Document(id=doc_id, text=text, spans=spans, meta={"tokenized": True})


def read_conll(path: str | Path) -> list[Document]:
    stem = Path(path).stem
    return [tokens_to_document(f"{stem}-{i}", toks, tags)
            for i, (_, toks, tags) in enumerate(conll_sentences(path))]


def read_jsonl(path: str | Path) -> list[Document]:
    docs: list[Document] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if isinstance(rec, dict) and "words" in rec and "tags" in rec and "text" not in rec:
                    # {"words": [...], "tags": [...]} lines (PhoNER_COVID19 .json)
                    if len(rec["words"]) != len(rec["tags"]):
                        raise ValueError("'words' and 'tags' differ in length")
                    doc = tokens_to_document(f"{Path(path).stem}-{lineno}", rec["words"], rec["tags"])
                else:
                    doc = Document.from_dict(rec)
                doc.check()
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{lineno}: broken JSON ({e.msg})") from None
            except (ValueError, TypeError) as e:
                raise ValueError(f"{path}:{lineno}: {e}") from None
            docs.append(doc)
    return docs


def read_docs(path: str | Path) -> list[Document]:
    """Documents from a `.jsonl` file of records (or `{"words", "tags"}` lines) or a CoNLL file (`.conll`, `.txt`, `.bio`, `.iob`)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    if path.suffix.lower() in (".jsonl", ".json"):
        return read_jsonl(path)
    return read_conll(path)
