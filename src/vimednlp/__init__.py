"""vimednlp: Vietnamese medical NLP — de-identification, clinical entities, terminology, corpora, annotation.

The short public face (DESIGN §5). Heavy modules load on first use so `import vimednlp` stays fast.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "load", "deidentify", "extract", "code", "Span", "Document"]

from .schema import Document, Span

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import load
    from .deid import deidentify
    from .clinical import extract
    from .terminology import code

_LAZY = {
    "load": ("vimednlp.pipeline", "load"),
    "deidentify": ("vimednlp.deid", "deidentify"),
    "extract": ("vimednlp.clinical", "extract"),
    "code": ("vimednlp.terminology", "code"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'vimednlp' has no attribute {name!r}")
