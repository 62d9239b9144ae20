"""The spaCy resolver: `doc.ents` as a non-overlapping choice over `doc.spans["phi"]` and `doc.spans["clinical"]`.

Its own module, so the factories (which spaCy imports whenever a `Language` is made) and `pipeline.py` (which
imports the factories) both use it without importing each other.
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span as SpacySpan
from spacy.util import filter_spans

from .overlap import resolve as resolve_overlaps
from .schema import PHI_LABELS

PHI_KEY = "phi"
CLINICAL_KEY = "clinical"


def _priority(span: SpacySpan, prefer: str) -> tuple:
    is_phi = span.label_ in PHI_LABELS
    first = is_phi if prefer == PHI_KEY else not is_phi
    score = span._.score if span._.score is not None else 1.0
    return (first, len(span), score)


def resolve(doc: Doc, prefer: str = PHI_KEY, keep: Iterable[SpacySpan] = ()) -> list[SpacySpan]:
    """Pick non-overlapping spans from all span groups: the preferred group first, then longer, then surer.

    keep: spans chosen before any other (the entities an earlier component set); candidates that overlap one
    of them are left out, and the result holds them too.
    """
    keep = list(keep)
    taken = bytearray(len(doc))
    for sp in keep:
        taken[sp.start:sp.end] = b"\x01" * len(sp)
    cands: list[SpacySpan] = []
    for key in (PHI_KEY, CLINICAL_KEY):
        if key in doc.spans:
            cands.extend(sp for sp in doc.spans[key] if taken.find(1, sp.start, sp.end) < 0)
    chosen = resolve_overlaps(cands, policy="preferred", preferred=lambda s: _priority(s, prefer)[0],
                              score=lambda s: _priority(s, prefer)[2])
    return sorted(keep + chosen, key=lambda s: (s.start, s.end)) if keep else chosen


class Resolver:
    """Sets `doc.ents` to a non-overlapping choice over `doc.spans["phi"]` and `doc.spans["clinical"]`.

    As spaCy's EntityRuler: entities an earlier component set (an EntityRuler, a trained NER) stay, and spans
    overlapping them are left out, unless `overwrite_ents=True`, which replaces `doc.ents`.
    """

    def __init__(self, prefer: str = PHI_KEY, overwrite_ents: bool = False):
        if prefer not in (PHI_KEY, CLINICAL_KEY):
            raise ValueError(f"prefer must be 'phi' or 'clinical', got {prefer!r}")
        self.prefer = prefer
        self.overwrite_ents = bool(overwrite_ents)

    def __call__(self, doc: Doc) -> Doc:
        keep = () if self.overwrite_ents else doc.ents
        doc.ents = filter_spans(resolve(doc, self.prefer, keep))
        return doc
