"""spaCy component factories, registered with `@Language.factory` and exposed as entry points.

spaCy imports every `spacy_factories` entry point whenever any `Language` is created, so this module
stays light: each factory imports its room's component class only when the component is built.
Each room owns its block below. `assigns` / `requires` tell `nlp.analyze_pipes()` what each one reads and
writes.
"""
from __future__ import annotations

import spacy
from spacy.language import Language

from .text.tokenizer import create_tokenizer

# also an entry point (`spacy_tokenizers`); registered here for installs without entry points
spacy.registry.tokenizers.register("vimednlp.Tokenizer.v1", func=create_tokenizer)

_SPAN_META = ["span._.source", "span._.score", "span._.attrs"]
_ASSERTION_ATTRS = [f"span._.{a}" for a in ("negated", "uncertain", "historical", "family", "hypothetical")]


# --- pipeline: resolver ---------------------------------------------------------------------------
@Language.factory("vimednlp_resolver", default_config={"prefer": "phi", "overwrite_ents": False},
                  requires=["doc.spans"], assigns=["doc.ents", "token.ent_iob", "token.ent_type"])
def make_resolver(nlp: Language, name: str, prefer: str, overwrite_ents: bool):
    from .resolver import Resolver

    return Resolver(prefer, overwrite_ents=overwrite_ents)


# --- deid: PHI recognizers -> doc.spans["phi"] ----------------------------------------------------
@Language.factory("vimednlp_phi", default_config={"labels": None, "model": "default", "threshold": 0.5},
                  assigns=["doc.spans", *_SPAN_META])
def make_phi_recognizer(nlp: Language, name: str, labels: list[str] | None, model: str | None, threshold: float):
    from .deid.component import PhiRecognizer

    return PhiRecognizer(nlp, name=name, labels=labels, model=model, threshold=threshold)


# --- clinical: sections, lexicon matcher, assertions ---------------------------------------------
# rules_path: a user's YAML rule file (keys terms / context / sections; docs/clinical.md)
@Language.factory("vimednlp_sections", default_config={"rules_path": None},
                  assigns=["doc._.clinical_sections", "span._.section"])
def make_sections(nlp: Language, name: str, rules_path: str | None):
    from .clinical.component import SectionDetector

    return SectionDetector(nlp, name=name, rules_path=rules_path)


@Language.factory("vimednlp_clinical", default_config={"labels": None, "rules_path": None},
                  assigns=["doc.spans", "span._.section", *_SPAN_META])
def make_clinical_matcher(nlp: Language, name: str, labels: list[str] | None, rules_path: str | None):
    from .clinical.component import ClinicalMatcher

    return ClinicalMatcher(nlp, name=name, labels=labels, rules_path=rules_path)


@Language.factory("vimednlp_context", default_config={"rules_path": None},
                  requires=["doc.spans"], assigns=_ASSERTION_ATTRS)
def make_context(nlp: Language, name: str, rules_path: str | None):
    from .clinical.component import ContextComponent

    return ContextComponent(nlp, name=name, rules_path=rules_path)


# --- terminology: linker --------------------------------------------------------------------------
@Language.factory("vimednlp_linker", default_config={"labels": ["DISEASE", "DRUG", "TEST"], "top_k": 5},
                  requires=["doc.spans"], assigns=["span._.codes"])
def make_linker(nlp: Language, name: str, labels: list[str], top_k: int):
    from .terminology.component import Linker

    return Linker(nlp, name=name, labels=labels, top_k=top_k)


# --- taggers: any tagger saved by `vimednlp train` -> doc.spans["phi"] / ["clinical"] by label -------
@Language.factory("vimednlp_tagger", default_config={"model": None, "spans_key": None},
                  assigns=["doc.spans", "span._.source", "span._.score", "span._.attrs"])
def make_tagger(nlp: Language, name: str, model: str | None, spans_key: str | None):
    from .taggers.component import TaggerComponent

    return TaggerComponent(nlp, name=name, model=model, spans_key=spans_key)
