"""Hugging Face `datasets` <-> records, in two shapes.

- `kind="tokens"`: token classification. Columns `id`, `tokens`, `ner_tags` (a `ClassLabel` of BIO
  tags), plus `text`, `token_start`, `token_end`, `meta` and `span_extras` (JSON strings) so the
  record comes back unchanged. Tokens come from `tokens.document_tokens` (syllables, or `_`-joined
  words at word level).
- `kind="spans"`: raw spans. Columns `id`, `text`, `spans` (list of {start, end, label, text, source,
  score, attrs as JSON}), `meta` (JSON), `schema_version`.

The BIO label map is fixed, never taken from the labels a file happens to hold (B-NAME must have one id
in train, dev and gold): our schema's labels (`schema.ALL_LABELS` order) for `label_source="label"`, the
public corpus's own inventory (`schema.LABEL_MAPS`) for `label_source="orig"` on a loaded corpus, or the
`labels` given. `to_hf_dataset_dict` builds a `DatasetDict` by `meta["split"]` with that one map.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from ..schema import SCHEMA_VERSION, Document, Span
from .iob import iob_to_token_spans, spans_to_iob
from .tokens import document_tokens


def bio_names(labels: Iterable[str]) -> list[str]:
    """["O", "B-X", "I-X", ...]: a list keeps its order (a fixed map), a set is sorted."""
    seq = sorted(labels) if isinstance(labels, (set, frozenset)) else list(dict.fromkeys(labels))
    names = ["O"]
    for lab in seq:
        names += [f"B-{lab}", f"I-{lab}"]
    return names


def default_labels(docs: Sequence[Document], label_source: str = "label") -> list[str]:
    """The fixed label list for `docs`: our schema's, or with `label_source="orig"` on records from one
    public corpus loader (meta["source"]), that corpus's own labels."""
    from ..schema import ALL_LABELS
    from .loaders import CORPORA, published_labels

    if label_source == "orig":
        sources = {d.meta.get("source") for d in docs}
        if len(sources) == 1 and (src := next(iter(sources))) in CORPORA:
            # the published inventory, then any other label the records carry (never an unlisted tag lost)
            found = {str(s.attrs.get("orig_label") or s.label) for d in docs for s in d.spans}
            known = published_labels(src)
            return known + sorted(found - set(known))
    return list(ALL_LABELS)


def _label_of(label_source: str):
    if label_source == "orig":
        return lambda s: str(s.attrs.get("orig_label") or s.label)
    return lambda s: s.label


def token_features(names: Sequence[str]):
    from datasets import ClassLabel, Features, Value
    from datasets import Sequence as Seq

    return Features({
        "id": Value("string"),
        "tokens": Seq(Value("string")),
        "ner_tags": Seq(ClassLabel(names=list(names))),
        "text": Value("string"),
        "token_start": Seq(Value("int32")),
        "token_end": Seq(Value("int32")),
        "meta": Value("string"),
        "span_extras": Value("string"),
        "schema_version": Value("string"),
    })


def span_features():
    from datasets import Features, List, Value

    return Features({
        "id": Value("string"),
        "text": Value("string"),
        "spans": List({
            "start": Value("int32"), "end": Value("int32"), "label": Value("string"), "text": Value("string"),
            "source": Value("string"), "score": Value("float64"), "attrs": Value("string"),
        }),
        "meta": Value("string"),
        "schema_version": Value("string"),
    })


def document_to_token_row(doc: Document, level: str = "syllable", label_source: str = "label") -> dict:
    offsets, strings = document_tokens(doc, level)
    label_of = _label_of(label_source)
    tags = spans_to_iob(offsets, doc.spans, "BIO", label_of=label_of)
    # spans in BIO order; keep what BIO cannot say (our label vs the written one, source, score, attrs)
    order = sorted(range(len(doc.spans)), key=lambda i: doc.spans[i].start)
    extras = []
    for i in order:
        s = doc.spans[i]
        ex: dict = {"i": i}
        if label_of(s) != s.label:
            ex["label"] = s.label
        if s.source:
            ex["source"] = s.source
        if s.score != 1.0:
            ex["score"] = s.score
        if s.attrs:
            ex["attrs"] = s.attrs
        if s.text != doc.text[s.start:s.end]:
            ex["text"] = s.text
        extras.append(ex)
    return {
        "id": doc.id, "tokens": strings, "ner_tags": tags, "text": doc.text,
        "token_start": [a for a, _ in offsets], "token_end": [b for _, b in offsets],
        "meta": json.dumps(doc.meta, ensure_ascii=False), "span_extras": json.dumps(extras, ensure_ascii=False),
        "schema_version": doc.schema_version,
    }


def token_row_to_document(row: dict, names: Sequence[str] | None = None) -> Document:
    tags = row["ner_tags"]
    if tags and isinstance(tags[0], int):
        if names is None:
            raise ValueError("integer ner_tags need the ClassLabel names")
        tags = [names[t] for t in tags]
    tokens = row["tokens"]
    text = row.get("text")
    if text is None or row.get("token_start") is None:  # a plain token dataset: rebuild the canonical text
        from .tokens import tokens_to_text

        text, offsets, joins = tokens_to_text(tokens, "word" if any("_" in t for t in tokens) else "syllable")
        meta = {"word_joins": joins} if joins else {}
    else:
        offsets = list(zip(row["token_start"], row["token_end"]))
        meta = json.loads(row.get("meta") or "{}")
    extras = json.loads(row.get("span_extras") or "[]")
    found = iob_to_token_spans(tags, "BIO")
    spans: list[tuple[int, Span]] = []
    for k, (a, b, label) in enumerate(found):
        start, end = offsets[a][0], offsets[b - 1][1]
        ex = extras[k] if k < len(extras) else {}
        attrs = dict(ex.get("attrs") or {})
        spans.append((ex.get("i", k), Span(start, end, ex.get("label", label), ex.get("text", text[start:end]),
                                           ex.get("source", ""), ex.get("score", 1.0), attrs)))
    spans.sort(key=lambda x: x[0])
    return Document(id=str(row.get("id", "")), text=text, spans=[s for _, s in spans], meta=meta,
                    schema_version=row.get("schema_version") or SCHEMA_VERSION)


def document_to_span_row(doc: Document) -> dict:
    return {
        "id": doc.id, "text": doc.text,
        "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": s.text, "source": s.source,
                   "score": float(s.score), "attrs": json.dumps(s.attrs, ensure_ascii=False)} for s in doc.spans],
        "meta": json.dumps(doc.meta, ensure_ascii=False), "schema_version": doc.schema_version,
    }


def span_row_to_document(row: dict) -> Document:
    spans = [Span(s["start"], s["end"], s["label"], s["text"], s["source"], s["score"], json.loads(s["attrs"]))
             for s in row["spans"]]
    return Document(id=row["id"], text=row["text"], spans=spans, meta=json.loads(row["meta"]),
                    schema_version=row["schema_version"])


def to_hf_dataset(docs: Iterable[Document], kind: str = "tokens", level: str = "syllable",
                  labels: Iterable[str] | None = None, label_source: str = "label"):
    """Records -> `datasets.Dataset`. For tokens, `labels` fixes the ClassLabel (use the same for every split)."""
    from datasets import Dataset

    if kind == "spans":
        return Dataset.from_list([document_to_span_row(d) for d in docs], features=span_features())
    if kind != "tokens":
        raise ValueError(f"kind must be 'tokens' or 'spans', got {kind!r}")
    docs = list(docs)
    rows = [document_to_token_row(d, level, label_source) for d in docs]
    given = labels is not None
    names = bio_names(list(labels) if given else default_labels(docs, label_source))
    index = {n: i for i, n in enumerate(names)}
    for r in rows:
        try:
            r["ner_tags"] = [index[t] for t in r["ner_tags"]]
        except KeyError as e:
            hint = "" if given else " (a fixed label map: pass labels=[...] / --labels with every label of the corpus)"
            raise ValueError(f"record {r['id']}: tag {e.args[0]} is not in the label set{hint}") from None
    return Dataset.from_list(rows, features=token_features(names))


def to_hf_dataset_dict(docs: Iterable[Document], kind: str = "tokens", level: str = "syllable",
                       labels: Iterable[str] | None = None, label_source: str = "label",
                       split_key: str = "split", default_split: str = "train"):
    """Records -> `datasets.DatasetDict` keyed by `meta[split_key]` (records without one go to
    `default_split`); every split uses the same label map."""
    from datasets import DatasetDict

    docs = list(docs)
    if kind == "tokens" and labels is None:
        labels = default_labels(docs, label_source)
    parts: dict[str, list[Document]] = {}
    for d in docs:
        parts.setdefault(str(d.meta.get(split_key) or default_split), []).append(d)
    return DatasetDict({name: to_hf_dataset(ds, kind, level, labels, label_source) for name, ds in parts.items()})


def from_hf_dataset(ds) -> list[Document]:
    """`datasets.Dataset` (either shape, or any tokens/ner_tags dataset) -> records; a `DatasetDict` gives
    each split's records in turn, with meta["split"] set."""
    from datasets import DatasetDict

    if isinstance(ds, DatasetDict):
        out = []
        for name in ds:
            for d in from_hf_dataset(ds[name]):
                d.meta.setdefault("split", name)
                out.append(d)
        return out
    cols = set(ds.column_names)
    if "spans" in cols:
        return [span_row_to_document(r) for r in ds]
    feat = ds.features.get("ner_tags") or ds.features.get("tags")
    names = getattr(getattr(feat, "feature", None), "names", None)
    out = []
    for i, r in enumerate(ds):
        if "ner_tags" not in r and "tags" in r:
            r = {**r, "ner_tags": r["tags"]}
        if "tokens" not in r and "words" in r:
            r = {**r, "tokens": r["words"]}
        r.setdefault("id", str(i))
        out.append(token_row_to_document(r, names))
    return out
