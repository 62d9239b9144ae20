"""Shared test setup: a scratch HOME (underthesea writes ~/.underthesea), offline hubs, ../shared data."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_SCRATCH_HOME = Path(tempfile.mkdtemp(prefix="vimednlp-home-"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
if os.environ.get("CI") or "VIMEDNLP_KEEP_HOME" not in os.environ:
    os.environ["HOME"] = str(_SCRATCH_HOME)
os.environ.setdefault("VIMEDNLP_CACHE", str(_SCRATCH_HOME / "vimednlp-cache"))


def shared_path(*parts: str) -> Path:
    """A path under $VIMEDNLP_SHARED: skip when unset, fail when set but the data is missing."""
    root = os.environ.get("VIMEDNLP_SHARED")
    if not root:
        pytest.skip("VIMEDNLP_SHARED is not set: this test needs the shared corpora (../shared)")
    p = Path(root, *parts)
    if not p.exists():
        pytest.fail(f"VIMEDNLP_SHARED is set but {p} is missing")
    return p


@pytest.fixture
def shared():
    return shared_path
