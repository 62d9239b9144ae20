"""spaCy component factories, registered with `@Language.factory` and exposed as entry points.

spaCy imports every `spacy_factories` entry point whenever any `Language` is created, so this module
stays light: each factory imports its room's component class only when the component is built.
Each room owns its block below.
"""
from __future__ import annotations

from spacy.language import Language


# --- pipeline: resolver ---------------------------------------------------------------------------
@Language.factory("vimednlp_resolver", default_config={"prefer": "phi"})
def make_resolver(nlp: Language, name: str, prefer: str):
    from .pipeline import Resolver

    return Resolver(prefer)


# --- deid: PHI recognizers -> doc.spans["phi"] ----------------------------------------------------
@Language.factory("vimednlp_phi", default_config={"labels": None, "model": "default", "threshold": 0.5})
def make_phi_recognizer(nlp: Language, name: str, labels: list[str] | None, model: str | None, threshold: float):
    from .deid.component import PhiRecognizer

    return PhiRecognizer(nlp, name=name, labels=labels, model=model, threshold=threshold)


# --- clinical: sections, lexicon matcher, assertions ---------------------------------------------
@Language.factory("vimednlp_sections", default_config={})
def make_sections(nlp: Language, name: str):
    from .clinical.component import SectionDetector

    return SectionDetector(nlp, name=name)


@Language.factory("vimednlp_clinical", default_config={"labels": None})
def make_clinical_matcher(nlp: Language, name: str, labels: list[str] | None):
    from .clinical.component import ClinicalMatcher

    return ClinicalMatcher(nlp, name=name, labels=labels)


@Language.factory("vimednlp_context", default_config={})
def make_context(nlp: Language, name: str):
    from .clinical.component import ContextComponent

    return ContextComponent(nlp, name=name)


# --- terminology: linker --------------------------------------------------------------------------
@Language.factory("vimednlp_linker", default_config={"labels": ["DISEASE", "DRUG", "TEST"], "top_k": 5})
def make_linker(nlp: Language, name: str, labels: list[str], top_k: int):
    from .terminology.component import Linker

    return Linker(nlp, name=name, labels=labels, top_k=top_k)
