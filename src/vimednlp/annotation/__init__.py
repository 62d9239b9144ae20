"""Annotation: Label Studio configs from the schema, push/pull, agreement, adjudication."""
from __future__ import annotations

from .adjudicate import adjudicate
from .agreement import agreement, cohen_kappa, consistency, krippendorff_alpha_nominal
from .config import label_config
from .labelschema import load_schema
from .report import disagreement_report

__all__ = [
    "LabelStudioClient", "LabelStudioError", "PullStore", "adjudicate", "agreement", "cohen_kappa",
    "consistency", "disagreement_report", "krippendorff_alpha_nominal", "label_config", "load_schema",
]


def __getattr__(name: str):
    # the client pulls in label-studio-sdk (an optional extra): load it on first use
    if name in ("LabelStudioClient", "LabelStudioError"):
        from . import client

        return getattr(client, name)
    if name == "PullStore":
        from .store import PullStore

        return PullStore
    raise AttributeError(name)
