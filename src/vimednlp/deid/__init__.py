"""De-identification: PHI recognizers (patterns, validators, gazetteers, names, model) and operators (tags, masks, surrogates, vault, audit)."""
from __future__ import annotations

from typing import Any

from .api import DeidResult, Deidentifier, deidentify, reidentify
from .operators import OPERATOR_NAMES, Operator, decrypt, get_operator
from .vault import Keyring, Vault

__all__ = ["deidentify", "reidentify", "decrypt", "DeidResult", "Deidentifier", "Analyzer", "Vault", "Keyring",
           "Operator", "get_operator", "OPERATOR_NAMES"]


def __getattr__(name: str) -> Any:
    if name == "Analyzer":  # the detector loads lexicons: import it on first use
        from .analyzer import Analyzer

        return Analyzer
    raise AttributeError(f"module 'vimednlp.deid' has no attribute {name!r}")
