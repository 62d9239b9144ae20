"""Corpora: the standard record, converters, public-corpus loaders, validate, stats, split."""
from __future__ import annotations

from .errors import ErrorLog, RecordError
from .io import FORMATS, guess_format, iter_read, read, write
from .iob import iob_to_spans, spans_to_iob
from .labelstudio import Utf16Index, from_utf16, to_utf16
from .loaders import CORPORA, load_corpus

__all__ = [
    "CORPORA",
    "FORMATS",
    "ErrorLog",
    "RecordError",
    "Utf16Index",
    "compute_stats",
    "from_hf_dataset",
    "from_utf16",
    "guess_format",
    "iob_to_spans",
    "iter_read",
    "load_corpus",
    "read",
    "spans_to_iob",
    "split_documents",
    "to_hf_dataset",
    "to_hf_dataset_dict",
    "to_utf16",
    "validate",
    "write",
]


def __getattr__(name: str):
    # heavier helpers load on first use (datasets, datasketch, matplotlib stay out of `import vimednlp.corpus`)
    if name == "validate":
        from .validate import validate

        return validate
    if name == "compute_stats":
        from .stats import compute_stats

        return compute_stats
    if name == "split_documents":
        from .split import split_documents

        return split_documents
    if name in ("to_hf_dataset", "to_hf_dataset_dict", "from_hf_dataset"):
        from . import hf

        return getattr(hf, name)
    raise AttributeError(name)
