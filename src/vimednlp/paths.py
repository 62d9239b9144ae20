"""Where vimednlp keeps what it builds at run time (code-system stores, user-trained models)."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir(*parts: str) -> Path:
    """`$VIMEDNLP_CACHE` (default `~/.cache/vimednlp`), created on demand."""
    root = Path(os.environ.get("VIMEDNLP_CACHE") or Path.home() / ".cache" / "vimednlp")
    p = root.joinpath(*parts)
    p.mkdir(parents=True, exist_ok=True)
    return p


def resource_path(*parts: str) -> Path:
    """A file shipped in `vimednlp/resources/`."""
    return Path(__file__).parent.joinpath("resources", *parts)
