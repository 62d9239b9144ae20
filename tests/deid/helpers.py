"""Small helpers shared by the de-identification rule tests."""
from __future__ import annotations


def texts(an, text, label=None):
    """The text of each span the analyzer finds (of one label, when given)."""
    return [s.text for s in an.analyze(text) if label is None or s.label == label]


def strict_covered(text, part):
    """Whether one strict-profile span covers the first occurrence of `part` whole."""
    from vimednlp.deid.strict import strict_spans

    i = text.index(part)
    return any(s.start <= i and i + len(part) <= s.end for s in strict_spans(text, []))


def strict_touched(text, part):
    """Whether any strict-profile span overlaps the first occurrence of `part`."""
    from vimednlp.deid.strict import strict_spans

    i = text.index(part)
    return any(s.start < i + len(part) and i < s.end for s in strict_spans(text, []))


def strict_removed(text, part):
    """Whether every non-space character of the first occurrence of `part` lies in some strict-profile span (the
    spans together may cover it: a name and its prefix found apart)."""
    from vimednlp.deid.strict import strict_spans

    i = text.index(part)
    spans = strict_spans(text, [])
    return all(any(s.start <= k < s.end for s in spans) for k in range(i, i + len(part)) if not text[k].isspace())
