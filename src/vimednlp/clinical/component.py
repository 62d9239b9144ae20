"""spaCy components of the clinical room (registered in `vimednlp.factories`).

- `vimednlp_sections` (`SectionDetector`): finds note sections, stores them in `doc._.clinical_sections`
  and sets `span._.section` on spans already in `doc.spans["clinical"]`.
- `vimednlp_clinical` (`ClinicalMatcher`): lexicon + patterns -> `doc.spans["clinical"]` (added to spans
  another component, e.g. a tagger, already put there; overlaps go to the longer span).
- `vimednlp_context` (`ContextComponent`): ConText assertions on the DISEASE / SYMPTOM spans of
  `doc.spans["clinical"]`: `span._.negated`, `uncertain`, `historical`, `family`, `hypothetical`.

They run the same code as `vimednlp.extract()`, so a pipeline and the function agree.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..schema import ASSERTION_LABELS, ASSERTIONS, Span, register_extensions
from .context import ConText, default_rules
from .extractor import ClinicalExtractor, _check_labels, apply_assertions, merge_tagger_spans
from .lexicon import TokenView
from .sections import Section, find_sections, section_at

CLINICAL_KEY = "clinical"
SECTIONS_ATTR = "clinical_sections"


def _register() -> None:
    register_extensions()
    if not Doc.has_extension(SECTIONS_ATTR):
        Doc.set_extension(SECTIONS_ATTR, default=None)


def doc_sections(doc: Doc) -> list[Section]:
    """The doc's sections (found now if the sections component did not run)."""
    secs = doc._.get(SECTIONS_ATTR)
    if secs is None:
        secs = find_sections(doc.text)
        doc._.set(SECTIONS_ATTR, secs)
    return secs


class SectionDetector:
    def __init__(self, nlp: Language | None = None, name: str = "vimednlp_sections"):
        _register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        secs = find_sections(doc.text)
        doc._.set(SECTIONS_ATTR, secs)
        if CLINICAL_KEY in doc.spans:
            for sp in doc.spans[CLINICAL_KEY]:
                sec = section_at(secs, sp.start_char)
                sp._.section = sec.name if sec else None
        return doc


def _to_spacy(doc: Doc, spans: Iterable[Span], sections: list[Section]) -> list[SpacySpan]:
    out = []
    for s in spans:
        sp = doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
        if sp is None:
            continue
        attrs = {k: v for k, v in s.attrs.items() if k not in ASSERTIONS and k not in ("section", "codes")}
        sp._.source = s.source or None
        sp._.score = s.score
        sp._.attrs = attrs or None
        sec = section_at(sections, sp.start_char)
        sp._.section = sec.name if sec else None
        out.append(sp)
    return out


class ClinicalMatcher:
    """Lexicon and pattern matches -> `doc.spans["clinical"]`."""

    def __init__(self, nlp: Language | None = None, name: str = "vimednlp_clinical",
                 labels: list[str] | None = None):
        _register()
        self.name = name
        self.labels = _check_labels(labels)
        self.extractor = ClinicalExtractor(self.labels)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        found = self.extractor.find(text)
        existing = list(doc.spans[CLINICAL_KEY]) if CLINICAL_KEY in doc.spans else []
        if existing:
            # spans another component (a tagger) put there: merge, the longer wins on overlap
            prior = [Span(sp.start_char, sp.end_char, sp.label_, sp.text, sp._.source or "tagger",
                          1.0 if sp._.score is None else float(sp._.score)) for sp in existing]
            found = merge_tagger_spans(text, found, prior, frozenset(sp.label_ for sp in existing) | self.labels)
        doc.spans[CLINICAL_KEY] = _to_spacy(doc, found, doc_sections(doc))
        return doc


class ContextComponent:
    """ConText assertions on DISEASE / SYMPTOM spans of `doc.spans["clinical"]`."""

    def __init__(self, nlp: Language | None = None, name: str = "vimednlp_context"):
        _register()
        self.name = name
        self.context = ConText(default_rules())

    def __call__(self, doc: Doc) -> Doc:
        if CLINICAL_KEY not in doc.spans:
            return doc
        spans = [sp for sp in doc.spans[CLINICAL_KEY] if sp.label_ in ASSERTION_LABELS]
        if not spans:
            return doc
        records = [Span(sp.start_char, sp.end_char, sp.label_) for sp in spans]
        apply_assertions(self.context, doc.text, records, TokenView.of(doc.text), doc_sections(doc))
        for sp, rec in zip(spans, records):
            for a in ASSERTIONS:
                sp._.set(a, bool(rec.attrs.get(a)))
        return doc
