"""Build notes.jsonl (schema.Document records) from the hand-written notes in notes.src.txt.

    python corpora/handwritten/build.py        # rewrites notes.jsonl (test) and dev_notes.jsonl (development)
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from vimednlp.schema import ALL_LABELS, Document, Span

HERE = Path(__file__).parent
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)\]\]")


def parse(src: str) -> list[Document]:
    docs: list[Document] = []
    blocks = re.split(r"^=== ", src, flags=re.MULTILINE)
    for n, block in enumerate(blocks[1:], 1):
        head, _, body = block.partition("\n")
        parts = [p.strip() for p in head.split("|")]
        if len(parts) != 3:
            raise ValueError(f"note {n}: header must be 'id | genre | style', got {head!r}")
        text, spans, pos = [], [], 0
        length = 0
        body = body.rstrip("\n")
        for m in MARK.finditer(body):
            lit = body[pos:m.start()]
            text.append(lit)
            length += len(lit)
            value, label = m.group(1), m.group(2)
            if label not in ALL_LABELS:
                raise ValueError(f"note {parts[0]}: unknown label {label}")
            spans.append(Span(length, length + len(value), label, value))
            text.append(value)
            length += len(value)
            pos = m.end()
        text.append(body[pos:])
        doc = Document(parts[0], "".join(text), spans, {"genre": parts[1], "style": parts[2], "source": "vimednlp-handwritten"})
        if "[[" in doc.text or "]]" in doc.text:
            raise ValueError(f"note {parts[0]}: unbalanced markup")
        doc.check()
        docs.append(doc)
    return docs


# test set (never tuned on) and development set (for error analysis of the rules)
SOURCES = {"notes.src.txt": "notes.jsonl", "dev_notes.src.txt": "dev_notes.jsonl"}


# dev notes from this id on are a held-out batch: written to measure how the rules generalise, they go to
# their own file so that no development run (`--suite handwritten-dev`) sees them before they are scored
HELD_OUT_FROM = "dev-071"
HELD_OUT_FILE = "dev_heldout.jsonl"


# blind evaluation batches (blind/*.src.txt), each written by its own writer persona and committed before the
# detector saw it: one JSONL beside the others, read by nothing that trains (train_default_model.py reads DEV files)
BLIND_DIR = "blind"
BLIND_FILE = "blind_notes.jsonl"


def main() -> int:
    blind = sorted((HERE / BLIND_DIR).glob("*.src.txt"))
    if blind:
        docs = [d for f in blind for d in parse(f.read_text(encoding="utf-8"))]
        ids = [d.id for d in docs]
        if len(set(ids)) != len(ids):
            raise SystemExit("blind batches: duplicate note ids")
        (HERE / BLIND_FILE).write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
        print(f"{BLIND_FILE}: wrote {len(docs)} notes from {len(blind)} batch file(s)", file=sys.stderr)
    for src, out in SOURCES.items():
        docs = parse((HERE / src).read_text(encoding="utf-8"))
        outputs = {out: docs}
        if src == "dev_notes.src.txt":
            outputs = {out: [d for d in docs if d.id < HELD_OUT_FROM],
                       HELD_OUT_FILE: [d for d in docs if d.id >= HELD_OUT_FROM]}
        for name, part in outputs.items():
            if not part and name == HELD_OUT_FILE:
                continue
            (HERE / name).write_text("".join(d.to_json() + "\n" for d in part), encoding="utf-8")
            print(f"{name}: wrote {len(part)} notes, {sum(len(d.spans) for d in part)} spans", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
