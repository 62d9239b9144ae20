"""spaCy component `vimednlp_phi`: runs the PHI `Analyzer` and writes `doc.spans["phi"]`.

    nlp = vimednlp.pipeline.blank(); nlp.add_pipe("vimednlp_phi", config={"labels": ["NAME", "DATE"]})
"""
from __future__ import annotations

from collections.abc import Iterable

from ..schema import register_extensions
from .analyzer import Analyzer

PHI_KEY = "phi"


class PhiRecognizer:
    """Writes PHI spans (with `_.source`, `_.score`, `_.attrs`) to `doc.spans["phi"]`."""

    def __init__(self, nlp, name: str = "vimednlp_phi", labels: Iterable[str] | None = None,
                 model: str | None = "default", threshold: float = 0.5):
        register_extensions()
        self.name = name
        self.analyzer = Analyzer(labels=labels, model=model, threshold=threshold)

    def __call__(self, doc):
        spans = []
        for s in self.analyzer.analyze(doc.text):
            span = doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
            if span is None:
                continue
            span._.source = s.source
            span._.score = s.score
            span._.attrs = dict(s.attrs)
            spans.append(span)
        doc.spans[PHI_KEY] = spans
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # nothing to serialize beyond the config: the model is a package resource or a path
    def to_disk(self, path, exclude=()):
        pass

    def from_disk(self, path, exclude=()):
        return self

    def to_bytes(self, exclude=()):
        return b""

    def from_bytes(self, data, exclude=()):
        return self
