"""Trainable sequence taggers behind one interface: `fit(docs, dev=None)`, `predict(texts)`,
`save(dir)`, `load_tagger(dir)`.

    from vimednlp.taggers import CRFTagger, load_tagger, entity_scores
    tagger = CRFTagger(train_gazetteer=True).fit(train_docs)
    print(entity_scores(test_docs, tagger.predict(test_docs)).format())

`CRFTagger` (python-crfsuite; with `features="phi"` also the de-identification tagger), `SpacyNERTagger`
(spaCy NER, CPU) and `TransformerTagger` (any local token-classification checkpoint; needs the `hf` extra)
are imported on first use. `vimednlp_tagger` (`taggers.component`) runs any saved tagger in spaCy.
"""
from __future__ import annotations

from .base import KINDS, Tagger, load_tagger, read_meta, tagger_class
from .bio import bio_to_spans, doc_tokens, spans_to_bio
from .evaluate import PRF, Report, entity_scores, token_scores

__all__ = [
    "KINDS",
    "PRF",
    "CRFTagger",
    "Report",
    "SpacyNERTagger",
    "Tagger",
    "TransformerTagger",
    "bio_to_spans",
    "doc_tokens",
    "entity_scores",
    "load_tagger",
    "read_meta",
    "spans_to_bio",
    "tagger_class",
    "token_scores",
]

_LAZY = {
    "CRFTagger": "vimednlp.taggers.crf",
    "SpacyNERTagger": "vimednlp.taggers.spacy_ner",
    "TransformerTagger": "vimednlp.taggers.transformer",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'vimednlp.taggers' has no attribute {name!r}")
