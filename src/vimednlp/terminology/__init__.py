"""Terminology: code systems (ICD-10 vi/en, drugs, lab tests), candidate search, linker, FHIR export."""
from __future__ import annotations

from .build import build
from .codes import CodeMention, find_codes
from .search import Candidate, code, get_index
from .store import TerminologyError, open_store

__all__ = [
           "Candidate",
           "CodeMention",
           "TerminologyError",
           "build",
           "code",
           "find_codes",
           "get_index",
           "open_store",
]
