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


def load_yaml(text: str, *, plain: bool = False):
    """YAML text as Python data, with libyaml's C parser when PyYAML was built with it (the rule packs and word
    lists are read at start-up, where the pure-Python parser costs about half a second). `plain=True` keeps every
    scalar a string (`no`, `on`, `115` stay words), as yaml.BaseLoader does."""
    import yaml

    if plain:
        loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    else:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 (a safe or base loader)
