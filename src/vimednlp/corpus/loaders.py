"""Loaders for public Vietnamese medical corpora, from a path the user gives (never bundled).

Each returns standard records with labels mapped to our schema (`schema.LABEL_MAPS`) and the
corpus's own label kept in `span.attrs["orig_label"]`, so writing back with `label_source="orig"`
restores the original tags. `meta` holds `source`, `split` and `level`.

| name | layout read |
|---|---|
| phoner_covid19 | `<path>/{syllable,word}/{train,dev,test}_{level}.conll` (or `.json` with `fmt="json"`) |
| vimq | `<path>/{train,dev,test}.json`: a JSON array of {"sentence", "seq_label": [[first_word, last_word, label]], "sent_label"} |
| vimedner | JSON lines {"id", "text", "label": [[start, end, label]]} (doccano export): one file, or `<path>/{split}.jsonl` |
| vietmed_ner | `<path>/[data/]{train,validation,test}*.parquet` (Hugging Face export, words + tags), or `.jsonl` |
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..schema import LABEL_MAPS, Document, Span
from .errors import ErrorLog, RecordError, handle
from .tokens import JOINS_KEY, check_level, tokens_to_text

CORPORA = ("phoner_covid19", "vimq", "vimedner", "vietmed_ner")


def map_spans(doc: Document, source: str) -> Document:
    """Map span labels to ours in place; keep the original in attrs. Labels with no counterpart stay as they are."""
    table = LABEL_MAPS[source]
    for s in doc.spans:
        orig = s.label
        ours = table.get(orig, table.get(orig.upper()))
        if isinstance(ours, tuple):
            ours = ours[0]
        s.attrs.setdefault("orig_label", orig)
        if ours:
            s.label = ours
    return doc


def _splits(splits: Iterable[str] | str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    if splits is None:
        return default
    return (splits,) if isinstance(splits, str) else tuple(splits)


def _need(path: Path) -> Path:
    if not path.exists():
        raise FileNotFoundError(f"corpus file not found: {path}")
    return path


def load_phoner_covid19(path, level="syllable", splits=None, fmt="conll", on_error="fail", errors=None):
    from .conll import iter_conll, iter_token_json

    check_level(level)
    out = []
    for split in _splits(splits, ("train", "dev", "test")):
        f = _need(Path(path) / level / f"{split}_{level}.{fmt}")
        it = iter_conll if fmt == "conll" else iter_token_json
        for doc in it(f, level=level, on_error=on_error, errors=errors):
            doc.meta.update({"source": "phoner_covid19", "split": split, "level": level})
            out.append(map_spans(doc, "phoner_covid19"))
    return out


def load_vimq(path, level="word", splits=None, on_error="fail", errors=None):
    check_level(level)
    out = []
    for split in _splits(splits, ("train", "dev", "test")):
        f = _need(Path(path) / f"{split}.json")
        try:
            rows = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise RecordError(f"broken JSON ({e.msg})", f, e.lineno) from None
        for i, row in enumerate(rows):
            try:
                words = row["sentence"].split(" ")
                text, offs, joins = tokens_to_text(words, "word")
                spans = []
                for a, b, lab in row.get("seq_label") or []:
                    if not 0 <= a <= b < len(offs):
                        raise ValueError(f"entity words {a}-{b} outside the sentence ({len(offs)} words)")
                    spans.append(Span(offs[a][0], offs[b][1], str(lab), text[offs[a][0]:offs[b][1]]))
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                handle(RecordError(f"bad ViMQ record: {e}", f, record_id=str(i)), on_error, errors)
                continue
            meta = {"source": "vimq", "split": split, "level": level}
            if row.get("sent_label") is not None:
                meta["intent"] = row["sent_label"]
            if joins and level == "word":
                meta[JOINS_KEY] = joins
            out.append(map_spans(Document(f"vimq-{split}-{i:05d}", text, spans, meta), "vimq"))
    return out


def load_vimedner(path, level="syllable", splits=None, on_error="fail", errors=None):
    p = Path(path)
    files = [(None, _need(p))] if p.is_file() else [
        (s, _need(p / f"{s}.jsonl")) for s in _splits(splits, ("train", "dev", "test"))]
    out = []
    for split, f in files:
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise RecordError(f"broken JSON ({e.msg} at column {e.colno})", f, n) from None
                    text = row["text"]
                    spans = []
                    for a, b, lab in row.get("label") or row.get("entities") or []:
                        if not 0 <= a <= b <= len(text):
                            raise RecordError(f"span {a}-{b} outside the text (length {len(text)})", f, n)
                        spans.append(Span(a, b, str(lab), text[a:b]))
                except RecordError as e:
                    handle(e, on_error, errors)
                    continue
                except (KeyError, TypeError, ValueError) as e:
                    handle(RecordError(f"bad ViMedNER record: {e}", f, n), on_error, errors)
                    continue
                meta = {"source": "vimedner", "level": level}
                if split:
                    meta["split"] = split
                out.append(map_spans(Document(f"vimedner-{row.get('id', n)}", text, spans, meta), "vimedner"))
    return out


def load_vietmed_ner(path, level="syllable", splits=None, on_error="fail", errors=None):
    from .conll import _tokens_tags_to_document

    p = Path(path)
    if (p / "data").is_dir():
        p = p / "data"
    out = []
    for split in _splits(splits, ("train", "validation", "test")):
        files = sorted(p.glob(f"{split}*.parquet")) or sorted(p.glob(f"{split}*.jsonl"))
        if not files:
            raise FileNotFoundError(f"no {split}*.parquet or {split}*.jsonl under {p}")
        for f in files:
            rows, names = _vietmed_rows(f)
            for i, row in enumerate(rows):
                try:
                    words = row.get("words", row.get("tokens"))
                    tags = row.get("tags", row.get("ner_tags"))
                    if tags and isinstance(tags[0], int):
                        if not names:
                            raise ValueError("integer tags but the file carries no tag names")
                        tags = [names[t] for t in tags]
                    doc = _tokens_tags_to_document(words, tags, f"vietmed_ner-{split}-{i:05d}", level, "BIO")
                except (KeyError, TypeError, ValueError, IndexError) as e:
                    handle(RecordError(f"bad VietMed-NER record: {e}", f, record_id=str(i)), on_error, errors)
                    continue
                doc.meta.update({"source": "vietmed_ner", "split": split, "level": level})
                out.append(map_spans(doc, "vietmed_ner"))
    return out


def _vietmed_rows(f: Path) -> tuple[list[dict], list[str] | None]:
    if f.suffix == ".jsonl":
        rows = [json.loads(x) for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
        return rows, None
    from datasets import Dataset

    ds = Dataset.from_parquet(str(f))
    names = None
    for col in ("tags", "ner_tags"):
        feat = ds.features.get(col)
        names = names or getattr(getattr(feat, "feature", None), "names", None)
    return list(ds), names


_LOADERS = {
    "phoner_covid19": load_phoner_covid19,
    "vimq": load_vimq,
    "vimedner": load_vimedner,
    "vietmed_ner": load_vietmed_ner,
}


def load_corpus(name: str, path: str | Path, level: str = "syllable", splits=None, on_error: str = "fail",
                errors: ErrorLog | None = None, **kw) -> list[Document]:
    """Load a public corpus by name from `path` as standard records (labels mapped, originals in attrs).

    >>> docs = load_corpus("phoner_covid19", "/data/PhoNER_COVID19/data", level="word")  # doctest: +SKIP
    """
    key = name.lower().replace("-", "_")
    if key not in _LOADERS:
        raise ValueError(f"unknown corpus {name!r}; known: {', '.join(CORPORA)}")
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"corpus path not found: {p} (corpora are never bundled: pass where yours is)")
    return _LOADERS[key](p, level=level, splits=splits, on_error=on_error, errors=errors, **kw)
