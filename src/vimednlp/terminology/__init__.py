"""Terminology: code systems (ICD-10 vi/en, drugs, lab tests), candidate search, linker, FHIR export."""
from __future__ import annotations

from .build import build
from .codes import CodeMention, find_codes
from .expansion import set_disambiguator
from .search import Candidate, best_code, code, get_index
from .store import TerminologyError, open_store

__all__ = [
           "Candidate",
           "CodeMention",
           "TerminologyError",
           "best_code",
           "build",
           "code",
           "find_codes",
           "get_index",
           "open_store",
           "set_disambiguator",
]
