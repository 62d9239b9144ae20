"""The statistical PHI tagger of the de-identification analyzer: which saved tagger to load, and how.

The CRF itself is `vimednlp.taggers.crf.CRFTagger` (the project's one CRF, one folder format); its
`features="phi"` set (`vimednlp.deid.phi_features`) reads what the rule recognizers found, so the CRF
learns where rules are right and adds what they miss. The default model shipped in `resources/deid/model/`
is such a CRF, trained only on data the project owns: its synthetic corpus plus the hand-written development
notes, never the hand-written test notes (`corpora/synthetic/train_default_model.py`).

`load_phi_tagger(model)` accepts "default" or any folder saved by `vimednlp train` / `Tagger.save` whose
labels include PHI labels: a CRF of any feature set, or a spaCy or transformers tagger. The analyzer sees it
through `TaggerCandidates`, which turns its tags into scored candidates on the analyzer's tokens.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from ..paths import resource_path
from ..schema import PHI_LABELS
from ..taggers.bio import doc_tokens
from ..taggers.crf import CRFTagger
from .phi_features import KnownFeatures, featurize
from .recognizers.base import Candidate, Context

DEFAULT_MODEL_DIR = resource_path("deid", "model")
# the score of the tagger's spans: below the rules' (0.75-0.95), so rules win overlaps by default
CANDIDATE_SCORE = 0.6
_WHY = {"general": "statistical tagger (CRF over syllable features)",
        "phi": "statistical tagger (CRF over syllable, lexicon and rule features)"}
_LEGACY_MODEL_FILE = "phi_crf.crfsuite"  # the PHI CRF's own folder format before the CRFs were unified


def phi_crf(**params) -> CRFTagger:
    """A CRF with the PHI feature set and the shipped model's training settings (overridable):
    `phi_crf(max_iterations=80).fit(docs)`."""
    opts = {"features": "phi", "c1": 0.05, "c2": 0.05, "max_iterations": 100, "all_possible_transitions": False,
            "labels": PHI_LABELS}
    opts.update(params)
    return CRFTagger(**opts)


class TaggerCandidates:
    """The analyzer's view of a trained tagger: `candidates(ctx, rule_cands, probs)` -> scored `Candidate`s.

    A CRF tags the analyzer's own tokens (a `phi` CRF reads the rule candidates as features) and can give
    each token's probability of being PHI; any other tagger is run on the text through `predict`."""

    def __init__(self, tagger) -> None:
        self.tagger = tagger
        self.score = CANDIDATE_SCORE
        self._known: KnownFeatures | None = None  # the phi featurizer for this model (made on first use)

    @property
    def labels(self) -> list[str]:
        return list(self.tagger.labels)

    def candidates(self, ctx: Context, rule_cands: Sequence[Candidate] = (), probs: list | None = None) -> list[Candidate]:
        """Spans from the tagger's tags. With `probs` (a list), it is filled with the CRF's marginal probability,
        per token, that the token is PHI (1 - P(O); empty for other taggers): lets the analyzer weigh rule
        spans by the tagger's view."""
        t = self.tagger
        if not isinstance(t, CRFTagger):
            if probs is not None:
                probs[:] = []
            why = f"statistical tagger ({t.kind})"
            return [Candidate(s.start, s.end, s.label, self.score, t.kind, why) for s in t.predict([ctx.text])[0]]
        if t.features == "general":
            toks = ctx.tokens if t.tokenization == "vimednlp" else doc_tokens(ctx.text, t.tokenization)
            tags = t.decode(t.features_of(ctx.text, toks))
            why = _WHY["general"]
        else:
            toks = ctx.tokens
            if not toks:
                feats = []
            elif t.features == "phi":
                # (only the attributes the model knows: the same tags, fewer strings made and passed to crfsuite)
                if self._known is None or self._known.known is not t.known_attributes():
                    self._known = KnownFeatures(t.known_attributes())
                feats = self._known.featurize(ctx, rule_cands)
            else:
                feats = featurize(ctx, rule_cands, True)
            tags = t.decode(feats)
            why = _WHY["phi"]
        if probs is not None:
            probs[:] = t.entity_probs(len(tags))
        out: list[Candidate] = []
        i, n = 0, len(tags)
        while i < n:
            tag = tags[i]
            if tag == "O":
                i += 1
                continue
            label = tag[2:]
            j = i + 1
            while j < n and tags[j] == "I-" + label:
                j += 1
            out.append(Candidate(toks[i].start, toks[j - 1].end, label, self.score, "crf", why))
            i = j
        return out


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
    return TaggerCandidates(tagger)


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
