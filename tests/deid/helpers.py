"""Small helpers shared by the de-identification rule tests."""
from __future__ import annotations


def texts(an, text, label=None):
    """The text of each span the analyzer finds (of one label, when given)."""
    return [s.text for s in an.analyze(text) if label is None or s.label == label]
