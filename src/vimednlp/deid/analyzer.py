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
from pathlib import Path

from ..overlap import resolve as resolve_overlaps
from ..schema import DEFAULT_DEID_LABELS, PHI_LABELS, Span
from ..text.canonical import canonical_view
from .recognizers import Candidate, Context, Recognizer
from .recognizers.allow import allow_spans
from .recognizers.lexicons import vocab
from .recognizers.registry import RecognizerRegistry

log = logging.getLogger(__name__)

@lru_cache(maxsize=1)
def _recognizers() -> tuple[Recognizer, ...]:
    return tuple(RecognizerRegistry.default())


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


def _from_tagger(c: Candidate) -> bool:
    return c.explanation.startswith("statistical tagger")


def resolve(cands: Iterable[Candidate], text: str | None = None, patterns: frozenset = frozenset()) -> list[Candidate]:
    """The analyzer's overlap resolution: `vimednlp.overlap.resolve` with the "deid" policy (higher score
    first, a surer containing span takes over, a partly overlapping span keeps its part outside when `text`
    is given and that part is not a lone cue word). A tagger span never takes over a span of another label
    from a recognizer in `patterns` (validated patterns: e-mail, URL, IP, phone); inside a place or a person
    it may ('Hội Liên hiệp Phụ nữ xã Phan Thanh' over the rules' place)."""
    def may_take_over(c: Candidate, o: Candidate) -> bool:
        return not (o.source in patterns and o.label != c.label and _from_tagger(c))

    return resolve_overlaps(cands, policy="deid", text=text, keep_part=_keep_part, part=_part,
                            may_take_over=may_take_over if patterns else None)


def _tagger_lines(text: str, tagged: list[Candidate], rules: list[Candidate]) -> list[Candidate]:
    """Tagger spans cut at line breaks, unless a rule span of the same label runs across that break too
    (an address or a name the rules also read over two lines): the pieces keep two letters or digits."""
    out = []
    for c in tagged:
        nl = text.find("\n", c.start, c.end)
        if nl < 0:
            out.append(c)
            continue
        cuts = []
        while nl >= 0:
            # (a line ending in a comma or a dash goes on below: 'xã Phước Thuận,' then 'huyện Ninh Phước')
            k = nl - 1
            while k > c.start and text[k] in " \t\r":
                k -= 1
            if text[k] not in ",-–/;&" \
                    and not any(r.label == c.label and r.start <= nl < r.end for r in rules):
                cuts.append(nl)
            nl = text.find("\n", nl + 1, c.end)
        if not cuts:
            out.append(c)
            continue
        s = c.start
        for e in cuts + [c.end]:
            a, b = s, e
            while a < b and not text[a].isalnum() and text[a] not in "@#+":
                a += 1
            while b > a and not text[b - 1].isalnum():
                b -= 1
            if b - a >= 2:
                out.append(dataclasses.replace(c, start=a, end=b, explanation=c.explanation + " (cut at a line break)"))
            s = e + 1
    return out


def _tagger_names_again(ctx: Context, tagged: list[Candidate], rules: list[Candidate]) -> list[Candidate]:
    """Full names only the tagger found ('Vàng Th1 Dợ') name the same person elsewhere in the note, as the
    name rules' own full names do (`names.names_found_again`: the same guards on the given name alone)."""
    if "NAME" not in {c.label for c in tagged}:
        return []
    from ..text.fold import fold_lower
    from .recognizers.lexicons import names
    from .recognizers.names import ctx_key, names_found_again

    given = names()["given"]

    def given_last(c: Candidate) -> bool:
        # the tagger's last word must read as a given name: in the lexicon, or marked and no capitals' acronym
        # ('Bích Liên TYT': the health station after the name)
        last = ctx.text[c.start:c.end].split()[-1]
        return ctx_key(last) in given or fold_lower(last) != last.lower() and not (last.isupper() and len(last) <= 4)

    rule_names = [r for r in rules if r.label == "NAME"]
    full = [dataclasses.replace(c, score=0.75) for c in tagged if c.label == "NAME" and " " in ctx.text[c.start:c.end]
            and not any(r.start <= c.start and c.end <= r.end for r in rule_names) and given_last(c)]
    if not full:
        return []
    return [dataclasses.replace(c, explanation=c.explanation + " (from a name the tagger found)")
            for c in names_found_again(ctx, full, [x for x in rules + tagged if x.score >= 0.5])]


class _Phrases:
    """Occurrences of user phrases (deny / allow lists) as whole words: matched on folded text, so case and
    missing marks do not hide them; in text written with marks, a phrase written with marks must match them."""

    def __init__(self, items: Iterable[tuple[str, str]]):
        from ..text.fold import fold_lower

        self.items = []
        for phrase, label in items:
            words = phrase.split()
            if not words:
                continue
            folded = fold_lower(" ".join(words))
            rx = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in folded.split()) + r"(?!\w)")
            marked = " ".join(words).lower() if folded != " ".join(words).lower() else None
            self.items.append((rx, marked, label))

    def find(self, ctx: Context) -> list[tuple[int, int, str]]:
        out = []
        for rx, marked, label in self.items:
            for m in rx.finditer(ctx.folded):
                s, e = m.span()
                if marked is not None and ctx.diacritics and " ".join(ctx.text[s:e].lower().split()) != marked:
                    continue
                out.append((s, e, label))
        return out


def _outside(cands: list[Candidate], allowed: list[tuple[int, int]], text: str) -> list[Candidate]:
    """Candidates with the allowed stretches cut out: a part left outside keeps its label when it still holds
    two letters or digits."""
    if not allowed:
        return cands
    mask = bytearray(len(text) + 1)
    for s, e in allowed:
        mask[s:e] = b"\x01" * (e - s)
    out = []
    for c in cands:
        if mask.find(1, c.start, c.end) < 0:
            out.append(c)
            continue
        s = c.start
        while s < c.end:
            while s < c.end and mask[s]:
                s += 1
            e = s
            while e < c.end and not mask[e]:
                e += 1
            a, b = s, e
            while a < b and not text[a].isalnum():
                a += 1
            while b > a and not text[b - 1].isalnum():
                b -= 1
            if b - a >= 2:
                out.append(dataclasses.replace(c, start=a, end=b, explanation=c.explanation + " (outside an allowed phrase)"))
            s = e
    return out


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

# a span ending in an initial or a dotted abbreviation keeps the abbreviation's dot (vocab/names.yaml)
_ENDS_WITH_INITIAL = re.compile(vocab("names")["ends_with_initial"])


class Analyzer:
    """Find PHI in Vietnamese clinical text.

    labels: PHI labels to report (default: schema.DEFAULT_DEID_LABELS; GENDER and TRANSPORT only when asked).
    model: "default" (the tagger shipped in the package), a path to a saved tagger, or None (rules only).
    threshold: spans scoring below it are dropped.
    combine: "union" (rules and tagger spans, rules win overlaps) or "tagger" (the tagger's spans win; rules
        add only spans scoring >= `rule_floor` (0.9) elsewhere; for a tagger trained on the target scheme).
    registry: the recognizers to run (`RecognizerRegistry`; default: `RecognizerRegistry.default()`).
    rules: paths of rule packs (YAML, docs/deid.md "Your own rules") added to the registry: their recognizers
        run too, their `deny` phrases are always removed and their `allow` phrases never are.
    """

    def __init__(self, labels: Iterable[str] | None = None, model: str | None = "default", threshold: float = 0.5,
                 *, combine: str = "union", registry: RecognizerRegistry | None = None,
                 rules: Iterable[str | Path] | None = None):
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
        if rules is not None and isinstance(rules, (str, Path)):
            rules = [rules]
        if registry is None:
            registry = RecognizerRegistry(_recognizers())
        elif rules:
            registry = registry.copy()
        for path in rules or ():
            registry.from_yaml(path)
        self.registry = registry
        self.recognizers = [r for r in registry if self.labels.intersection(r.labels)]
        # recognizers whose evidence is strong enough to win over an allow-list span (e-mail, URL, IP, phone)
        self._strong = frozenset(r.name for r in registry if getattr(r, "strong", False))
        self._deny = _Phrases(registry.deny) if registry.deny else None
        self._allow = _Phrases([(p, "") for p in registry.allow]) if registry.allow else None
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
        ctx._cache["candidates"] = cands  # what the recognizers run so far found (the table recognizer reads it)
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
                tagged = _tagger_lines(ctx.text, tagged, cands)
                cands = cands + tagged + _tagger_names_again(ctx, tagged, cands)
        allow = allow_spans(ctx)
        if allow:
            # mark allow-listed characters once; a weak candidate touching one is dropped
            mask = bytearray(len(text) + 1)
            for s, e, _ in allow:
                mask[s:e] = b"\x01" * (e - s)
            strong = self._strong
            cands = [c for c in cands if c.source in strong or c.score >= 0.9 or 1 not in mask[c.start:c.end]]
        if self._allow is not None:
            cands = _outside(cands, [(s, e) for s, e, _ in self._allow.find(ctx)], text)
        if self._deny is not None:
            cands += [Candidate(s, e, lab, 1.0, "deny_list", "user deny list") for s, e, lab in self._deny.find(ctx)
                      if lab in self.labels]
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
        cands = [x for x in cands if x.score >= self.threshold]
        if "\t" in work:  # a tab separates table cells: no identifier runs across it, a span keeps its first cell
            cut = []  # (cut before overlaps are resolved, so a span across cells never takes over a cell's own span)
            for c in cands:
                tab = work.find("\t", c.start, c.end)
                if tab >= 0:
                    end = tab
                    while end > c.start and work[end - 1].isspace():
                        end -= 1
                    if end <= c.start:
                        continue
                    c = dataclasses.replace(c, end=end)
                cut.append(c)
            cands = cut
        for c in resolve(cands, work, self._strong):
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
