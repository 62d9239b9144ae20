"""spaCy `Language` assembly, the span resolver, and `Doc` <-> `Document` conversion.

Components live in their rooms (`deid.component`, `clinical.component`, `terminology.component`)
and are registered as spaCy factories (entry points in pyproject.toml), so `nlp.add_pipe("vimednlp_phi")`
works in any spaCy pipeline once vimednlp is installed.
"""
from __future__ import annotations

import importlib
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan

from .resolver import CLINICAL_KEY, PHI_KEY, Resolver, resolve  # noqa: F401  (the public names stay here)
from .schema import PHI_LABELS, Document, Span, register_extensions

register_extensions()

# name -> module that registers the factory; imported on demand so a missing extra is a clear error
COMPONENT_MODULES = {
    "vimednlp_phi": "vimednlp.deid.component",
    "vimednlp_clinical": "vimednlp.clinical.component",
    "vimednlp_sections": "vimednlp.clinical.component",
    "vimednlp_context": "vimednlp.clinical.component",
    "vimednlp_linker": "vimednlp.terminology.component",
    "vimednlp_resolver": "vimednlp.factories",
}
from . import factories  # noqa: E402,F401  registers the factories when installed without entry points
DEFAULT_COMPONENTS = ("vimednlp_phi", "vimednlp_sections", "vimednlp_clinical", "vimednlp_context",
                      "vimednlp_linker", "vimednlp_resolver")


TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "vimednlp.Tokenizer.v1"}}}


def blank() -> Language:
    """A blank pipeline with vimednlp's clinical tokenizer (multi-language `xx` rules underneath).

    The tokenizer is named in the config (`vimednlp.Tokenizer.v1`), so `nlp.to_disk(d)` and `spacy.load(d)`
    give back the same pipeline.
    """
    nlp = spacy.blank("xx", config=TOKENIZER_CONFIG)
    return nlp


def _ensure_factory(name: str) -> None:
    module = COMPONENT_MODULES.get(name)
    if module:
        importlib.import_module(module)


def load(components: Iterable[str] | None = None, config: dict | None = None, *,
         skip_missing: bool = False) -> Language:
    """A spaCy `Language` with vimednlp's components.

    components: factory names in order (default: all of DEFAULT_COMPONENTS).
    config: per-component config, e.g. {"vimednlp_phi": {"labels": ["NAME", "DATE"]}}.
    skip_missing: leave out components whose room is not available instead of raising.
    """
    nlp = blank()
    config = config or {}
    for name in components or DEFAULT_COMPONENTS:
        try:
            _ensure_factory(name)
        except ImportError as e:
            if skip_missing:
                continue
            raise ImportError(f"component {name!r} is not available: {e}") from e
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


# --- Doc <-> Document -----------------------------------------------------------------------------
def _span_record(sp: SpacySpan) -> Span:
    attrs = dict(sp._.attrs or {})
    for key in ("negated", "uncertain", "historical", "family", "hypothetical"):
        if getattr(sp._, key):
            attrs[key] = True
    if sp._.section:
        attrs["section"] = sp._.section
    if sp._.codes:
        attrs["codes"] = sp._.codes
    return Span(sp.start_char, sp.end_char, sp.label_, sp.text, sp._.source or "",
                1.0 if sp._.score is None else float(sp._.score), attrs)


def doc_to_document(doc: Doc, id: str = "", meta: dict | None = None, groups: Iterable[str] | None = None) -> Document:
    """A `Document` whose spans are the doc's span groups (attrs["group"] names the group)."""
    spans: list[Span] = []
    for key in groups or list(doc.spans.keys()):
        if key not in doc.spans:
            continue
        for sp in doc.spans[key]:
            rec = _span_record(sp)
            rec.attrs["group"] = key
            spans.append(rec)
    spans.sort(key=lambda s: (s.start, -s.end, s.label))
    return Document(id=id, text=doc.text, spans=spans, meta=dict(meta or {}))


def document_to_doc(document: Document, nlp: Language | None = None, default_group: str | None = None) -> Doc:
    """A `Doc` with the document's spans in their groups; spans must fall on token boundaries."""
    nlp = nlp or blank()
    doc = nlp.make_doc(document.text)
    groups: dict[str, list[SpacySpan]] = {}
    for s in document.spans:
        sp = doc.char_span(s.start, s.end, label=s.label, alignment_mode="strict")
        if sp is None:
            raise ValueError(f"span {s.start}-{s.end} ({s.label}) of document {document.id!r} "
                             "does not fall on token boundaries")
        attrs = dict(s.attrs)
        group = attrs.pop("group", None) or default_group or (PHI_KEY if s.label in PHI_LABELS else CLINICAL_KEY)
        for key in ("negated", "uncertain", "historical", "family", "hypothetical"):
            if attrs.pop(key, False):
                sp._.set(key, True)
        if "section" in attrs:
            sp._.section = attrs.pop("section")
        if "codes" in attrs:
            sp._.codes = attrs.pop("codes")
        sp._.source = s.source or None
        sp._.score = s.score
        sp._.attrs = attrs or None
        groups.setdefault(group, []).append(sp)
    for key, spans in groups.items():
        doc.spans[key] = spans
    return doc


# --- tables -----------------------------------------------------------------------------------------
def to_records(source: Doc | Iterable[Span], groups: Iterable[str] | None = None) -> list[dict]:
    """One dict per entity, with its attributes as keys: `start`, `end`, `label`, `text`, `source`, `score`,
    `group` (for a Doc), `section`, the five assertions (booleans), `codes`, and what the recognizer added
    (`concept`, `kind` ...). `source`: a Doc (its span groups, or those named in `groups`) or the spans of
    `vimednlp.extract()` / `vimednlp.deidentify()`."""
    from .schema import ASSERTIONS

    spans = doc_to_document(source, groups=groups).spans if isinstance(source, Doc) else list(source)
    rows = []
    for s in spans:
        row = {"start": s.start, "end": s.end, "label": s.label, "text": s.text, "source": s.source,
               "score": s.score, "section": None, **{a: False for a in ASSERTIONS}}
        row.update(s.attrs)
        rows.append(row)
    return rows


def to_dataframe(source: Doc | Iterable[Span], groups: Iterable[str] | None = None):
    """`to_records` as a pandas DataFrame (one row per entity), e.g. `to_dataframe(nlp(text))`."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("to_dataframe needs pandas (pip install pandas, or the vimednlp[spark] extra); "
                          "vimednlp.pipeline.to_records gives the same rows as dicts") from None
    rows = to_records(source, groups)
    first = ["start", "end", "label", "text", "group", "section"]
    df = pd.DataFrame(rows)
    return df[[c for c in first if c in df.columns] + [c for c in df.columns if c not in first]]
