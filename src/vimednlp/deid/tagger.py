"""The statistical PHI tagger of the de-identification analyzer: which saved tagger to load, and how.

The CRF itself is `vimednlp.taggers.crf.CRFTagger` (the project's one CRF, one folder format); its
`features="phi"` set (`vimednlp.taggers.phi_features`) reads what the rule recognizers found, so the CRF
learns where rules are right and adds what they miss. The default model shipped in `resources/deid/model/`
is such a CRF, trained only on data the project owns: its synthetic corpus plus the hand-written development
notes, never the hand-written test notes (`corpora/synthetic/train_default_model.py`).

`load_phi_tagger(model)` accepts "default" or any folder saved by `vimednlp train` / `Tagger.save` whose
labels include PHI labels: a CRF of any feature set, or a spaCy or transformers tagger.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from ..paths import resource_path
from ..schema import PHI_LABELS
from ..taggers.crf import CANDIDATE_SCORE, CRFTagger

DEFAULT_MODEL_DIR = resource_path("deid", "model")
_LEGACY_MODEL_FILE = "phi_crf.crfsuite"  # the PHI CRF's own folder format before the CRFs were unified


def phi_crf(**params) -> CRFTagger:
    """A CRF with the PHI feature set and the shipped model's training settings (overridable):
    `phi_crf(max_iterations=80).fit(docs)`."""
    opts = {"features": "phi", "c1": 0.05, "c2": 0.05, "max_iterations": 100, "all_possible_transitions": False,
            "labels": PHI_LABELS}
    opts.update(params)
    return CRFTagger(**opts)


class PredictedCandidates:
    """Any non-CRF tagger (spaCy, transformers) seen through the analyzer's `candidates()` hook."""

    def __init__(self, tagger) -> None:
        self.tagger = tagger
        self.labels = list(tagger.labels)
        self.score = CANDIDATE_SCORE

    def candidates(self, ctx, rule_cands: Sequence = (), probs: list | None = None) -> list:
        from .recognizers.base import Candidate

        if probs is not None:
            probs[:] = []  # no per-token probabilities: the analyzer's veto then keeps no weak rule span
        why = f"statistical tagger ({self.tagger.kind})"
        return [Candidate(s.start, s.end, s.label, self.score, self.tagger.kind, why)
                for s in self.tagger.predict([ctx.text])[0]]


def load_phi_tagger(model: str | os.PathLike):
    """The tagger in folder `model` ("default": the shipped one), ready for the analyzer."""
    from ..taggers.base import META_FILE, cached_tagger

    p = DEFAULT_MODEL_DIR if str(model) == "default" else Path(model)
    if not (p / META_FILE).is_file():
        raise FileNotFoundError(
            f"no PHI tagger model at {p} (no {META_FILE}); train one with `vimednlp train --kind crf` "
            "(or `python corpora/synthetic/train_default_model.py`) or pass model=None for rules only")
    meta = json.loads((p / META_FILE).read_text(encoding="utf-8"))
    if isinstance(meta, dict) and "kind" not in meta and (p / _LEGACY_MODEL_FILE).is_file():
        tagger = _load_legacy(p, meta)
    else:
        tagger = cached_tagger(p)
    phi = [x for x in tagger.labels if x in PHI_LABELS]
    if not phi:
        raise ValueError(f"the tagger in {p} predicts no PHI label (its labels: {', '.join(tagger.labels)}; "
                         f"PHI labels: {', '.join(PHI_LABELS)})")
    return tagger if hasattr(tagger, "candidates") else PredictedCandidates(tagger)


def _load_legacy(path: Path, meta: dict) -> CRFTagger:
    """A PHI CRF saved before the CRFs were unified (`phi_crf.crfsuite`, meta without `kind`)."""
    features = {"base": "phi", "ext": "phi-ext"}.get(meta.get("features", "base"))
    if features is None:
        raise ValueError(f"{path / 'meta.json'}: unknown PHI feature set {meta.get('features')!r}")
    labels = list(meta.get("labels") or PHI_LABELS)
    tagger = CRFTagger(features=features, labels=labels, all_possible_transitions=False,
                       **{k: meta[k] for k in ("c1", "c2", "max_iterations") if k in meta})
    tagger.labels = labels
    tagger._open(path / _LEGACY_MODEL_FILE)
    return tagger
