"""spaCy component `vimednlp_phi`: runs the PHI `Analyzer` and writes `doc.spans["phi"]`.

    nlp = vimednlp.pipeline.blank(); nlp.add_pipe("vimednlp_phi", config={"labels": ["NAME", "DATE"]})

`nlp.to_disk(d)` keeps a user-trained model with the pipeline: its files are copied into
`d/vimednlp_phi/model/` and `spacy.load(d)` runs that copy, so the saved folder works where the original model path does not exist.
"""
from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable
from pathlib import Path

from ..schema import DEFAULT_DEID_LABELS, register_extensions
from ..text.tokenizer import char_spans
from .analyzer import Analyzer

PHI_KEY = "phi"
MODEL_DIR = "model"          # the copy of a user model inside the component's folder
_CFG = "cfg.json"


class PhiRecognizer:
    """Writes PHI spans (with `_.source`, `_.score`, `_.attrs`) to `doc.spans["phi"]`."""

    def __init__(self, nlp, name: str = "vimednlp_phi", labels: Iterable[str] | None = None,
                 model: str | None = "default", threshold: float = 0.5):
        register_extensions()
        self.name = name
        self._labels = None if labels is None else list(labels)
        self.threshold = threshold
        self.model = model
        self._missing: str | None = None
        self.analyzer: Analyzer | None = None
        if _is_user_model(model) and not Path(str(model)).exists():
            # `spacy.load` of a saved pipeline builds the component from its config first, where the model
            # path may not exist (another machine); `from_disk` then loads the copy saved with the pipeline
            self._missing = str(model)
        else:
            self.analyzer = Analyzer(labels=labels, model=model, threshold=threshold)

    @property
    def labels(self) -> tuple[str, ...]:
        """The PHI labels this component reports (spaCy lists them in `nlp.pipe_labels` and the meta)."""
        if self.analyzer is not None:
            return tuple(sorted(self.analyzer.labels))
        return tuple(self._labels or DEFAULT_DEID_LABELS)

    def __call__(self, doc):
        if self.analyzer is None:
            raise FileNotFoundError(f"{self.name}: no PHI tagger model at {self._missing} (and no copy saved "
                                    "with the pipeline)")
        found = self.analyzer.analyze(doc.text)
        spans = []
        for s, span in zip(found, char_spans(doc, [(s.start, s.end, s.label) for s in found])):
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

    # --- serialization: the config holds labels and threshold; a user model's files travel here -----
    def _model_path(self) -> Path | None:
        if self.analyzer is not None and _is_user_model(self.analyzer.model_name):
            return Path(str(self.analyzer.model_name))
        return None

    def to_disk(self, path, exclude=()):
        import srsly

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        src = self._model_path()
        dst = path / MODEL_DIR
        if src is not None and src.resolve() != dst.resolve():
            if dst.exists():
                shutil.rmtree(dst)
            if src.is_dir():
                shutil.copytree(src, dst)
            else:
                dst.mkdir()
                shutil.copy2(src, dst / src.name)
        srsly.write_json(path / _CFG, {"model": "saved" if src is not None else self.model,
                                       "model_file": None if src is None or src.is_dir() else src.name})

    def from_disk(self, path, exclude=()):
        import srsly

        path = Path(path)
        cfg = srsly.read_json(path / _CFG) if (path / _CFG).exists() else {}
        if cfg.get("model") == "saved":
            model = path / MODEL_DIR
            if cfg.get("model_file"):
                model = model / cfg["model_file"]
            if not model.exists():
                raise FileNotFoundError(f"{path}: the saved PHI model folder {MODEL_DIR}/ is missing")
            self._load(str(model))
        return self

    def to_bytes(self, exclude=()):
        import srsly

        src = self._model_path()
        files = {}
        if src is not None:
            root = src if src.is_dir() else src.parent
            for f in sorted(src.rglob("*") if src.is_dir() else [src]):
                if f.is_file():
                    files[f.relative_to(root).as_posix()] = f.read_bytes()
        return srsly.msgpack_dumps({"model": "saved" if src is not None else self.model, "files": files,
                                    "dir": src is None or src.is_dir()})

    def from_bytes(self, data, exclude=()):
        import srsly

        if not data:
            return self
        cfg = srsly.msgpack_loads(data)
        if cfg.get("model") == "saved" and cfg.get("files"):
            from ..paths import cache_dir

            # the model loads from a folder: unpack into the cache, named by content so reloading reuses it
            digest = hashlib.sha256()
            for name in sorted(cfg["files"]):
                digest.update(name.encode() + b"\0" + cfg["files"][name])
            dst = cache_dir() / "spacy_models" / digest.hexdigest()[:16]
            for name, content in cfg["files"].items():
                f = dst / name
                if ".." in Path(name).parts:
                    raise ValueError(f"{self.name}: bad file name in the serialized model: {name!r}")
                f.parent.mkdir(parents=True, exist_ok=True)
                f.write_bytes(content)
            self._load(str(dst) if cfg.get("dir", True) else str(dst / next(iter(cfg["files"]))))
        return self

    # pickling (spaCy's n_process under spawn / forkserver sends components to the workers): the config and
    # the bytes above, not the loaded model (crfsuite objects and rule lambdas do not pickle)
    def __getstate__(self) -> dict:
        return {"name": self.name, "labels": self._labels, "threshold": self.threshold, "model": self.model,
                "data": self.to_bytes()}

    def __setstate__(self, state: dict) -> None:
        model = state["model"]
        user = _is_user_model(model)
        self.__init__(None, name=state["name"], labels=state["labels"], threshold=state["threshold"],
                      model=None if user else model)
        self.model = model
        if user:     # the model's files come with the bytes; without them the component says so when used
            self.analyzer, self._missing = None, str(model)
        self.from_bytes(state["data"])

    def _load(self, model: str) -> None:
        self.analyzer = Analyzer(labels=self._labels, model=model, threshold=self.threshold)
        self._missing = None


def _is_user_model(model) -> bool:
    """A path to a trained model (not the shipped "default" nor None = rules only)."""
    return bool(model) and str(model) != "default"
