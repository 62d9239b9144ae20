"""PHI recognizers: one small unit per identifier type (pattern or lexicon, validator, context cues,
score, explanation), Presidio-style. Pattern kinds are rule packs (resources/deid/rules/*.yaml) run by
`rules.RuleRecognizer`; names, places and the like stay procedural. `registry.RecognizerRegistry` says which
run and in which order; `default_recognizers()` lists the default ones."""
from __future__ import annotations

from . import patterns  # noqa: F401  (the built-in hooks of the ID, date and age packs register themselves)
from .base import Candidate, Context, Recognizer


def default_recognizers() -> list[Recognizer]:
    from .registry import RecognizerRegistry

    return RecognizerRegistry.default().recognizers


__all__ = ["Candidate", "Context", "Recognizer", "default_recognizers"]
