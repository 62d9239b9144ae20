"""PHI recognizers: one small unit per identifier type (pattern or lexicon, validator, context cues,
score, explanation), Presidio-style. `default_recognizers()` lists them in the order the analyzer runs."""
from __future__ import annotations

from .base import Candidate, Context, Recognizer


def default_recognizers() -> list[Recognizer]:
    from .names import NameRecognizer
    from .patterns import (
        AgeRecognizer,
        DateRecognizer,
        EmailRecognizer,
        IdRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        UrlRecognizer,
    )
    from .places import LocationRecognizer, OrganizationRecognizer, ProfessionRecognizer
    from .quasi import GenderRecognizer, TransportRecognizer
    from .spoken import SpokenNumberRecognizer

    return [EmailRecognizer(), UrlRecognizer(), IpRecognizer(), PhoneRecognizer(), IdRecognizer(),
            DateRecognizer(), AgeRecognizer(), NameRecognizer(), LocationRecognizer(),
            OrganizationRecognizer(), ProfessionRecognizer(), GenderRecognizer(), TransportRecognizer(),
            SpokenNumberRecognizer()]


__all__ = ["Candidate", "Context", "Recognizer", "default_recognizers"]
