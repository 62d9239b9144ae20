"""The tagger interface shared by every model (scikit-learn style) and `load_tagger()`.

A tagger learns labelled character spans from `Document`s and predicts spans for new texts:

    tagger = CRFTagger().fit(train_docs, dev=dev_docs)
    spans = tagger.predict(["Bệnh nhân sốt cao 39 độ, ho khan."])[0]
    tagger.save("models/crf"); tagger = load_tagger("models/crf")

Each saved directory holds a `meta.json` naming the kind, so `load_tagger()` can pick the class.
"""
from __future__ import annotations

import json
import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..schema import Document, Span

log = logging.getLogger(__name__)

META_FILE = "meta.json"
FORMAT_VERSION = 1

# kind -> "module:Class" (imported lazily: spaCy and torch stay out of `import vimednlp.taggers`)
KINDS: dict[str, str] = {
    "crf": "vimednlp.taggers.crf:CRFTagger",
    "spacy": "vimednlp.taggers.spacy_ner:SpacyNERTagger",
    "transformers": "vimednlp.taggers.transformer:TransformerTagger",
}


def as_texts(items: Iterable[str | Document]) -> list[str]:
    """Texts of `items` (strings or Documents), with a clear error for anything else."""
    out: list[str] = []
    for i, x in enumerate(items):
        if isinstance(x, Document):
            out.append(x.text)
        elif isinstance(x, str):
            out.append(x)
        else:
            raise TypeError(f"predict() takes texts or Documents; item {i} is a {type(x).__name__}")
    return out


def check_training_docs(docs: Sequence[Document], what: str = "training") -> None:
    if isinstance(docs, (str, Document)):
        raise TypeError(f"the {what} set must be a list of Documents")
    if not docs:
        raise ValueError(f"the {what} set is empty")
    for i, d in enumerate(docs):
        if not isinstance(d, Document):
            raise TypeError(f"{what} item {i} is a {type(d).__name__}, not a Document")
        try:
            d.check()
        except ValueError as e:
            raise ValueError(f"{what} document {d.id!r}: {e}") from None


def warn_label_mismatch(train_labels: Iterable[str], dev_labels: Iterable[str]) -> bool:
    """Log a warning (labels only, never text) when the dev set's labels differ from the training set's:
    a dev label the model never learns scores 0, a training label absent from dev goes unmeasured."""
    train, dev = set(train_labels), set(dev_labels)
    if train == dev:
        return False
    parts = []
    if dev - train:
        parts.append(f"only in dev: {', '.join(sorted(dev - train))}")
    if train - dev:
        parts.append(f"only in train: {', '.join(sorted(train - dev))}")
    log.warning("dev labels differ from train labels (%s)", "; ".join(parts))
    return True


class Tagger(ABC):
    """Base class: `fit(docs, dev=None) -> self`, `predict(texts) -> list[list[Span]]`, `save`, `load`."""

    kind: str = ""

    def __init__(self) -> None:
        self.labels: list[str] = []

    @abstractmethod
    def fit(self, docs: Sequence[Document], dev: Sequence[Document] | None = None) -> Tagger:
        ...

    @abstractmethod
    def predict(self, texts: Iterable[str | Document]) -> list[list[Span]]:
        ...

    def predict_docs(self, docs: Sequence[Document]) -> list[Document]:
        """Copies of `docs` whose spans are the predicted ones (for evaluation and export)."""
        preds = self.predict(docs)
        return [Document(id=d.id, text=d.text, spans=p, meta=dict(d.meta)) for d, p in zip(docs, preds)]

    @abstractmethod
    def _save(self, path: Path) -> dict[str, Any]:
        """Write model files into `path`; return extra fields for meta.json."""

    @classmethod
    @abstractmethod
    def _load(cls, path: Path, meta: dict[str, Any]) -> Tagger:
        ...

    def _check_fitted(self) -> None:
        if not self.labels:
            raise RuntimeError(f"this {type(self).__name__} is not trained yet: call fit() or load_tagger()")

    def save(self, path: str | Path) -> Path:
        self._check_fitted()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        extra = self._save(path)
        meta = {"kind": self.kind, "format_version": FORMAT_VERSION, "labels": list(self.labels), **extra}
        (path / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> Tagger:
        tagger = load_tagger(path)
        if not isinstance(tagger, cls):
            raise TypeError(f"{path} holds a {type(tagger).__name__}, not a {cls.__name__}")
        return tagger


def read_meta(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    meta_file = path / META_FILE
    if not meta_file.is_file():
        raise FileNotFoundError(f"{path} is not a saved tagger: it has no {META_FILE} (train one with `vimednlp train`)")
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{meta_file} is not valid JSON (line {e.lineno})") from None
    if not isinstance(meta, dict) or meta.get("kind") not in KINDS:
        raise ValueError(f"{meta_file} names no known tagger kind (known: {', '.join(KINDS)})")
    return meta


def tagger_class(kind: str) -> type[Tagger]:
    import importlib

    if kind not in KINDS:
        raise ValueError(f"unknown tagger kind {kind!r}; known: {', '.join(KINDS)}")
    module, attr = KINDS[kind].split(":")
    return getattr(importlib.import_module(module), attr)


def cached_tagger(path: str | os.PathLike) -> Tagger:
    """`load_tagger(path)`, loaded once per folder and version of its files (`extract(tagger=path)`,
    `deidentify(model=path)`): a model saved again into the same folder is loaded again."""
    p = Path(path).expanduser().resolve()
    try:
        stamp = tuple(sorted((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in p.iterdir() if f.is_file()))
    except OSError:
        stamp = ()
    return _cached(str(p), stamp)


@lru_cache(maxsize=8)
def _cached(path: str, stamp: tuple) -> Tagger:
    return load_tagger(path)


def load_tagger(path: str | Path) -> Tagger:
    """Load any saved tagger; `meta.json` in the directory names its kind."""
    meta = read_meta(path)
    cls = tagger_class(meta["kind"])
    tagger = cls._load(Path(path), meta)
    tagger.labels = list(meta.get("labels") or tagger.labels)
    return tagger
