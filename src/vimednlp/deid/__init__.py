"""De-identification: PHI recognizers (patterns, validators, gazetteers, names, model) and operators (tags, masks, surrogates, vault, audit)."""
from __future__ import annotations

from typing import Any

from .api import Deidentifier, DeidResult, deidentify, reidentify
from .operators import OPERATOR_NAMES, Operator, decrypt, get_operator
from .vault import Keyring, Vault

__all__ = [
    "OPERATOR_NAMES",
    "Analyzer",
    "DeidResult",
    "Deidentifier",
    "Keyring",
    "Operator",
    "Vault",
    "decrypt",
    "deidentify",
    "get_operator",
    "reidentify",
]


def __getattr__(name: str) -> Any:
    if name == "Analyzer":  # the detector loads lexicons: import it on first use
        from .analyzer import Analyzer

        return Analyzer
    raise AttributeError(f"module 'vimednlp.deid' has no attribute {name!r}")
