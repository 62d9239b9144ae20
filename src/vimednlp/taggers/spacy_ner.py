"""spaCy NER trained from `Document`s (CPU): a blank multilingual pipeline with vimednlp's tokenizer.

The saved directory is an ordinary spaCy pipeline (`model/`, written with `nlp.to_disk`), loadable with
`spacy.load` too; its config names `vimednlp.Tokenizer.v1`, so the tokens match training.
"""
from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..schema import Document, Span
from .base import Tagger, as_texts, check_training_docs
from .bio import collect_labels

MODEL_DIR = "model"
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "vimednlp.Tokenizer.v1"}}}


def _blank():
    import spacy

    try:
        return spacy.blank("xx", config=TOKENIZER_CONFIG)
    except Exception:  # noqa: BLE001 - the entry point is missing (package not installed): set the tokenizer by hand
        from ..text.tokenizer import ClinicalTokenizer

        nlp = spacy.blank("xx")
        nlp.tokenizer = ClinicalTokenizer(nlp.vocab)
        return nlp


class SpacyNERTagger(Tagger):
    """spaCy's transition-based NER (CNN tok2vec) trained from scratch.

    n_iter: epochs; dropout; batch sizes grow from `batch_start` to `batch_stop` (compounding);
    with a dev set the epoch with the best dev micro-F1 is kept (`patience` epochs without gain stop).
    """

    kind = "spacy"

    def __init__(self, n_iter: int = 15, dropout: float = 0.2, batch_start: int = 8, batch_stop: int = 64,
                 learn_rate: float = 0.001, patience: int = 4, labels: Sequence[str] | None = None,
                 seed: int = 0, verbose: bool = False) -> None:
        super().__init__()
        self.n_iter = n_iter
        self.dropout = dropout
        self.batch_start = batch_start
        self.batch_stop = batch_stop
        self.learn_rate = learn_rate
        self.patience = patience
        self.keep_labels = list(labels) if labels else None
        self.seed = seed
        self.verbose = verbose
        self.nlp = None
        self.history: list[dict[str, float]] = []

    def _examples(self, nlp, docs: Sequence[Document], keep: set[str]):
        from spacy.training import Example
        from spacy.util import filter_spans

        examples = []
        for d in docs:
            pred = nlp.make_doc(d.text)
            ref = nlp.make_doc(d.text)
            ents = []
            for s in d.spans:
                if s.label not in keep:
                    continue
                sp = ref.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
                if sp is not None:
                    ents.append(sp)
            ref.ents = filter_spans(ents)
            examples.append(Example(pred, ref))
        return examples

    def fit(self, docs: Sequence[Document], dev: Sequence[Document] | None = None) -> SpacyNERTagger:
        from spacy.util import compounding, fix_random_seed, minibatch
        from tqdm.auto import tqdm

        from .evaluate import entity_scores

        check_training_docs(docs)
        keep = set(self.keep_labels) if self.keep_labels else None
        labels = collect_labels(docs, keep)
        if not labels:
            raise ValueError("the training documents have no spans to learn from")
        fix_random_seed(self.seed)
        nlp = _blank()
        ner = nlp.add_pipe("ner")
        for label in labels:
            ner.add_label(label)
        examples = self._examples(nlp, docs, set(labels))
        optimizer = nlp.initialize(lambda: examples)
        optimizer.learn_rate = self.learn_rate
        rng = random.Random(self.seed)
        self.nlp = nlp
        self.labels = labels
        best, best_bytes, stale = -1.0, None, 0
        for epoch in range(self.n_iter):
            rng.shuffle(examples)
            losses: dict[str, float] = {}
            batches = minibatch(examples, size=compounding(self.batch_start, self.batch_stop, 1.001))
            for batch in tqdm(batches, desc=f"spaCy epoch {epoch + 1}/{self.n_iter}", leave=False,
                              disable=not self.verbose, mininterval=1.0):
                nlp.update(batch, drop=self.dropout, sgd=optimizer, losses=losses)
            entry = {"epoch": epoch + 1, "loss": round(float(losses.get("ner", 0.0)), 2)}
            if dev:
                f1 = entity_scores(dev, self.predict(dev), labels).micro.f1
                entry["dev_f1"] = round(f1, 4)
                if f1 > best:
                    best, best_bytes, stale = f1, nlp.to_bytes(), 0
                else:
                    stale += 1
            self.history.append(entry)
            if self.verbose:
                print(entry, flush=True)
            if dev and stale >= self.patience:
                break
        if best_bytes is not None:
            nlp.from_bytes(best_bytes)
        return self

    def predict(self, texts: Iterable[str | Document], batch_size: int = 64) -> list[list[Span]]:
        self._check_fitted()
        out: list[list[Span]] = []
        for doc in self.nlp.pipe(as_texts(texts), batch_size=batch_size):
            out.append([Span(e.start_char, e.end_char, e.label_, e.text, source="spacy") for e in doc.ents])
        return out

    def _save(self, path: Path) -> dict[str, Any]:
        self.nlp.to_disk(path / MODEL_DIR)
        return {"params": {"n_iter": self.n_iter, "dropout": self.dropout, "batch_start": self.batch_start,
                           "batch_stop": self.batch_stop, "learn_rate": self.learn_rate,
                           "patience": self.patience, "labels": self.keep_labels, "seed": self.seed},
                "history": self.history}

    @classmethod
    def _load(cls, path: Path, meta: dict[str, Any]) -> SpacyNERTagger:
        import spacy

        model = path / MODEL_DIR
        if not model.is_dir():
            raise FileNotFoundError(f"{path} has no {MODEL_DIR}/ spaCy pipeline")
        tagger = cls(**dict(meta.get("params") or {}))
        tagger.nlp = spacy.load(model)
        tagger.history = list(meta.get("history") or [])
        return tagger
