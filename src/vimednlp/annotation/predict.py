"""Pre-annotation predictors: a callable `text -> list[Span]` with a `model_version`.

The default ones call vimednlp's own pipeline (`vimednlp.deidentify` for PHI, `vimednlp.extract` for
clinical entities); any `module:function` returning Spans (or span dicts) plugs in the same way.
"""
from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..schema import Span


class PredictorUnavailable(RuntimeError):
    """The requested predictor cannot run in this install (message says why and what to do)."""


@dataclass
class Predictor:
    fn: Callable[[str], list[Any]]
    model_version: str

    def __call__(self, text: str) -> list[Span]:
        out = []
        for s in self.fn(text):
            out.append(s if isinstance(s, Span) else Span.from_dict(s))
        return out


def _deid_spans(text: str) -> list[Span]:
    from ..deid.api import deidentify

    return list(deidentify(text, operator="tag").spans)


def _clinical_spans(text: str) -> list[Span]:
    from ..clinical import extract

    return list(extract(text))


# the rooms behind the public functions, imported here directly (annotation sits above them, below the package)
_PROVIDERS = {"deidentify": "vimednlp.deid.api", "extract": "vimednlp.clinical"}


def _check_importable(attr: str) -> None:
    try:
        getattr(importlib.import_module(_PROVIDERS[attr]), attr)
    except (ImportError, AttributeError) as e:
        raise PredictorUnavailable(
            f"vimednlp.{attr} is not available in this install ({type(e).__name__}: {e}); "
            "push without pre-annotations (--no-predict) or pass --predictor module:function") from None


def get_predictor(which: str = "all", spec: str | None = None, model_version: str | None = None) -> Predictor:
    """The pipeline predictor for a schema choice, or a user one named `module:function`."""
    if spec:
        mod, _, name = spec.partition(":")
        if not mod or not name:
            raise ValueError(f"--predictor must look like module:function, got {spec!r}")
        try:
            fn = getattr(importlib.import_module(mod), name)
        except (ImportError, AttributeError) as e:
            raise PredictorUnavailable(f"cannot load predictor {spec!r}: {e}") from None
        return Predictor(fn, model_version or spec)
    parts: list[Callable[[str], list[Span]]] = []
    if which in ("phi", "all"):
        _check_importable("deidentify")
        parts.append(_deid_spans)
    if which in ("clinical", "all"):
        _check_importable("extract")
        parts.append(_clinical_spans)
    if not parts:
        raise ValueError(f"unknown schema choice {which!r}")

    def both(text: str) -> list[Span]:
        return [s for p in parts for s in p(text)]

    return Predictor(both, model_version or f"vimednlp-{__version__}-{which}")


def restrict(pred: Predictor, labels: Collection[str], skipped: Counter) -> Predictor:
    """`pred` keeping only spans whose label is in `labels` (a project's label config); the others are
    counted in `skipped` by label, so the caller can say what the project could not show."""
    allowed = set(labels)

    def keep(text: str) -> list[Span]:
        out = []
        for s in pred(text):
            if s.label in allowed:
                out.append(s)
            else:
                skipped[s.label] += 1
        return out

    return Predictor(keep, pred.model_version)
