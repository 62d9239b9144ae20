"""Clinical entities: lexicon matcher, ConText-style assertions, note sections, trainable taggers."""
from __future__ import annotations

from .extractor import ClinicalExtractor, extract, merge_tagger_spans
from .sections import Section, find_sections

__all__ = ["ClinicalExtractor", "Section", "extract", "find_sections", "merge_tagger_spans"]
