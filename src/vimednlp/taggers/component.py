"""spaCy component `vimednlp_tagger`: runs any tagger saved by `vimednlp train` (CRF, spaCy, transformers).

    nlp = vimednlp.pipeline.blank()
    nlp.add_pipe("vimednlp_tagger", config={"model": "models/phi-crf"})

Spans go to `doc.spans["phi"]` when their label is a PHI label and to `doc.spans["clinical"]` otherwise
(`spans_key` sets one key for all), after the spans already there; each has `_.source == "tagger"`,
`_.score` and `_.attrs["tagger"]` (the tagger's kind). Placed before `vimednlp_clinical`, the matcher merges
these spans with the lexicon's; `vimednlp_resolver` turns every group into `doc.ents`.
`nlp.to_disk(d)` copies the model's files into `d/<component>/model/`, and `spacy.load(d)` runs that copy.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from ..schema import PHI_LABELS, register_extensions
from .base import cached_tagger

PHI_KEY = "phi"
CLINICAL_KEY = "clinical"
MODEL_DIR = "model"
_CFG = "cfg.json"


class TaggerComponent:
    """Writes a saved tagger's spans to `doc.spans` (by label set, or to `spans_key`)."""

    def __init__(self, nlp, name: str = "vimednlp_tagger", model: str | None = None, spans_key: str | None = None):
        register_extensions()
        if not model:
            raise ValueError(f"{name}: config 'model' must name a tagger folder saved by `vimednlp train`")
        self.name = name
        self.model = str(model)
        self.spans_key = spans_key
        self.tagger = None
        self._path: Path | None = None
        # `spacy.load` of a saved pipeline builds the component from its config before `from_disk`, where the
        # original folder may not exist (another machine): the copy saved with the pipeline is loaded then
        if Path(self.model).exists():
            self._load(Path(self.model))

    def _load(self, path: Path) -> None:
        self.tagger = cached_tagger(path)
        self._path = path

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.tagger.labels) if self.tagger is not None else ()

    def key_for(self, label: str) -> str:
        if self.spans_key:
            return self.spans_key
        return PHI_KEY if label in PHI_LABELS else CLINICAL_KEY

    def __call__(self, doc):
        if self.tagger is None:
            raise FileNotFoundError(f"{self.name}: no tagger at {self.model} (and no copy saved with the pipeline)")
        return self._write(doc, self.tagger.predict([doc.text])[0])

    def pipe(self, docs, batch_size: int = 64):
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            if self.tagger is None:
                raise FileNotFoundError(f"{self.name}: no tagger at {self.model}")
            found = self.tagger.predict([d.text for d in batch])
            for doc, spans in zip(batch, found):
                yield self._write(doc, spans)

    def _write(self, doc, found):
        from ..text.tokenizer import char_spans

        groups: dict[str, list] = {}
        for s, span in zip(found, char_spans(doc, [(s.start, s.end, s.label) for s in found])):
            if span is None:
                continue
            span._.source = "tagger"
            span._.score = s.score
            span._.attrs = {"tagger": self.tagger.kind}
            groups.setdefault(self.key_for(s.label), []).append(span)
        for key, spans in groups.items():
            # after what earlier components put there; overlaps are the resolver's business
            doc.spans[key] = list(doc.spans[key]) + spans if key in doc.spans else spans
        return doc

    # --- serialization: the model's files travel with the pipeline ---------------------------------
    def to_disk(self, path, exclude=()):
        import srsly

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        dst = path / MODEL_DIR
        if self.tagger is not None and self._path.resolve() != dst.resolve():
            if dst.exists():
                shutil.rmtree(dst)
            shutil.copytree(self._path, dst)
        srsly.write_json(path / _CFG, {"model": self.model, "spans_key": self.spans_key})

    def from_disk(self, path, exclude=()):
        dst = Path(path) / MODEL_DIR
        if not dst.is_dir():
            raise FileNotFoundError(f"{path}: the saved tagger folder {MODEL_DIR}/ is missing")
        self._load(dst)
        return self
