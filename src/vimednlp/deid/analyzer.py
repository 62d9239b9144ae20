"""The PHI analyzer: runs every recognizer (and the statistical tagger), drops clinical text on the
allow-list, resolves overlaps, and returns sorted non-overlapping `Span`s with offsets into the text given.

    >>> from vimednlp.deid.analyzer import Analyzer
    >>> [(s.label, s.text) for s in Analyzer(model=None).analyze("BN Nguyễn Văn An, 45 tuổi, SĐT 0912 345 678")]
    [('NAME', 'Nguyễn Văn An'), ('AGE', '45 tuổi'), ('PHONE', '0912 345 678')]
"""
from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable
from functools import lru_cache

from ..overlap import resolve as resolve_overlaps
from ..schema import DEFAULT_DEID_LABELS, PHI_LABELS, Span
from ..text.canonical import canonical_view
from .recognizers import Candidate, Context, Recognizer, default_recognizers
from .recognizers.allow import allow_spans

log = logging.getLogger(__name__)

# recognizers whose evidence is strong enough to win over an allow-list span
_STRONG = {"email", "url", "ip", "phone"}


@lru_cache(maxsize=1)
def _recognizers() -> tuple[Recognizer, ...]:
    return tuple(default_recognizers())


@lru_cache(maxsize=4)
def _load_model(model: str):
    from .tagger import load_phi_tagger

    return load_phi_tagger(model)


def _is_cue_word(piece: str) -> bool:
    """A leftover that is only a cue or unit word ('Số', 'phường') is not worth keeping on its own."""
    from .recognizers.base import phrase_key
    from .recognizers.lexicons import cues

    c = cues()
    k = phrase_key(piece)
    return any(k in c[x] for x in ("location_unit", "org_head", "name_before", "location_field", "profession_cue")) \
        or " " not in k and len(k) <= 3


def _keep_part(text: str, s: int, e: int, c: Candidate, o: Candidate) -> bool:
    """Whether the part of `c` outside the chosen `o` is worth a span of its own: not a lone cue word."""
    # (an organisation's head word left before a place that took its name stays: 'Trường Tiểu học'
    # + 'Kim Đồng, phường Ngọc Hà' still removes the school)
    head_left = c.label == "ORGANIZATION" and e <= o.start and not text[e:o.start].strip() and " " in text[s:e].strip()
    return not _is_cue_word(text[s:e]) or head_left


def _part(c: Candidate, s: int, e: int) -> Candidate:
    return Candidate(s, e, c.label, c.score, c.source, c.explanation + " (part outside an overlap)", dict(c.attrs))


def resolve(cands: Iterable[Candidate], text: str | None = None) -> list[Candidate]:
    """The analyzer's overlap resolution: `vimednlp.overlap.resolve` with the "deid" policy (higher score
    first, a surer containing span takes over, a partly overlapping span keeps its part outside when `text`
    is given and that part is not a lone cue word)."""
    return resolve_overlaps(cands, policy="deid", text=text, keep_part=_keep_part, part=_part)


def _mean_prob(ctx: Context, c: Candidate, probs: list[float]) -> float:
    """Mean of the tagger's per-token PHI probability over the tokens a candidate covers."""
    if not probs:
        return 0.0
    i = ctx.token_index_at(c.start)
    if i is None:  # a span starting inside a token (rare): find it
        import bisect

        i = max(0, bisect.bisect_right([t.start for t in ctx.tokens], c.start) - 1)
    vals = []
    while i < len(ctx.tokens) and ctx.tokens[i].start < c.end:
        if ctx.tokens[i].end > c.start:
            vals.append(probs[i])
        i += 1
    return sum(vals) / len(vals) if vals else 0.0

# a span ending in an initial or a dotted abbreviation keeps the abbreviation's dot
_ENDS_WITH_INITIAL = re.compile(r"(?:^|[\s.])(?:[A-ZĐ]|Th|Ng|Nh|Ch|Tr|Ph|Kh|Gi|Qu)$|\.[A-ZĐ]{2,3}$")


class Analyzer:
    """Find PHI in Vietnamese clinical text.

    labels: PHI labels to report (default: schema.DEFAULT_DEID_LABELS; GENDER and TRANSPORT only when asked).
    model: "default" (the tagger shipped in the package), a path to a saved tagger, or None (rules only).
    threshold: spans scoring below it are dropped.
    combine: "union" (rules and tagger spans, rules win overlaps) or "tagger" (the tagger's spans win; rules
        add only spans scoring >= `rule_floor` (0.9) elsewhere; for a tagger trained on the target scheme).
    """

    def __init__(self, labels: Iterable[str] | None = None, model: str | None = "default", threshold: float = 0.5,
                 *, combine: str = "union"):
        labels = tuple(labels) if labels is not None else DEFAULT_DEID_LABELS
        unknown = [x for x in labels if x not in PHI_LABELS]
        if unknown:
            raise ValueError(f"unknown PHI label(s) {unknown}; known: {', '.join(PHI_LABELS)}")
        self.labels = frozenset(labels)
        self.threshold = float(threshold)
        if combine not in ("union", "tagger"):
            raise ValueError(f"combine must be 'union' or 'tagger', got {combine!r}")
        self.combine = combine
        self.rule_floor = 0.9
        # combine="tagger": a rule span below rule_floor is kept when the tagger's mean PHI probability over
        # its tokens reaches rule_veto (None: never)
        self.rule_veto: float | None = None
        self.recognizers = [r for r in _recognizers() if self.labels.intersection(r.labels)]
        self.model_name = model
        self.tagger = None
        if model:
            try:
                self.tagger = _load_model(str(model))
            except FileNotFoundError:
                if model != "default":
                    raise
                log.warning("the default PHI tagger is not installed; using rules only")

    def candidates(self, text: str) -> tuple[Context, list[Candidate]]:
        ctx = Context(text)
        cands: list[Candidate] = []
        for r in self.recognizers:
            cands.extend(c for c in r.analyze(ctx) if c.label in self.labels)
        if self.tagger is not None:
            # the per-token PHI probabilities cost a forward-backward pass: only combine="tagger" reads them
            probs: list[float] | None = [] if self.combine == "tagger" and self.rule_veto is not None else None
            tagged = [c for c in self.tagger.candidates(ctx, cands, probs) if c.label in self.labels]
            if self.combine == "tagger":
                # the tagger speaks for the annotation scheme it was trained on; rules add what they are
                # sure of (validated patterns, strong cues) where the tagger found nothing, and weaker spans
                # whose tokens the tagger itself gives at least `rule_veto` probability of being PHI
                floor, veto = self.rule_floor, self.rule_veto
                kept = [c for c in cands if c.score >= floor or
                        (veto is not None and c.score >= self.threshold and _mean_prob(ctx, c, probs) >= veto)]
                cands = [dataclasses.replace(c, score=max(c.score, 0.96)) for c in tagged] + kept
            else:
                cands = cands + tagged
        allow = allow_spans(ctx)
        if allow:
            # mark allow-listed characters once; a weak candidate touching one is dropped
            mask = bytearray(len(text) + 1)
            for s, e, _ in allow:
                mask[s:e] = b"\x01" * (e - s)
            cands = [c for c in cands if c.source in _STRONG or c.score >= 0.9 or 1 not in mask[c.start:c.end]]
        return ctx, cands

    def analyze(self, text: str) -> list[Span]:
        if not isinstance(text, str):
            raise TypeError(f"Analyzer.analyze expects str, got {type(text).__name__}")
        if not text.strip():
            return []
        # the detectors read the canonical view (NFC, invisible characters, entities, OCR confusables, ...)
        view = canonical_view(text)
        work = view.text
        _ctx, cands = self.candidates(work)
        out: list[Span] = []
        for c in resolve((x for x in cands if x.score >= self.threshold), work):
            if c.end < len(work) and work[c.end] == "." and _ENDS_WITH_INITIAL.search(work[c.start:c.end]):
                c = dataclasses.replace(c, end=c.end + 1)  # 'Lê Thị K.', 'N.V.Th.', 'TP.HCM.': the dot abbreviates
            s, e = view.to_original(c.start, c.end)
            attrs = dict(c.attrs)
            attrs["explanation"] = c.explanation
            if c.label == "ID":
                attrs.setdefault("kind", "other")
            out.append(Span(s, e, c.label, text[s:e], c.source, round(c.score, 3), attrs))
        return out

    def __call__(self, text: str) -> list[Span]:
        return self.analyze(text)
