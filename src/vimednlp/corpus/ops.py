"""merge and relabel."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..schema import Document


def merge(sources: Iterable[tuple[str, Iterable[Document]]], on_duplicate_id: str = "prefix") -> Iterator[Document]:
    """Concatenate record streams. Ids that repeat get the source name as a prefix (or raise, `"fail"`)."""
    seen: set[str] = set()
    for name, docs in sources:
        for d in docs:
            if d.id in seen:
                if on_duplicate_id == "fail":
                    raise ValueError(f"duplicate id {d.id!r} in {name}")
                new = f"{name}:{d.id}"
                k = 2
                while new in seen:
                    new = f"{name}:{d.id}#{k}"
                    k += 1
                d.meta.setdefault("orig_id", d.id)
                d.id = new
            seen.add(d.id)
            yield d


def load_mapping(path: str | Path) -> dict[str, str | None]:
    """A label mapping from JSON ({"OLD": "NEW", "DROP": null}), YAML, or TSV (`OLD<TAB>NEW`, empty NEW drops)."""
    p = Path(path)
    raw = p.read_text(encoding="utf-8")
    if p.suffix.lower() == ".json":
        m = json.loads(raw)
    elif p.suffix.lower() in (".yaml", ".yml"):
        import yaml

        m = yaml.safe_load(raw)
    else:
        m = {}
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) > 2:
                raise ValueError(f"{p}:{n}: expected OLD<TAB>NEW")
            m[parts[0].strip()] = (parts[1].strip() or None) if len(parts) == 2 else None
    if not isinstance(m, dict):
        raise ValueError(f"{p}: a label mapping must be an object OLD -> NEW")
    return {str(k): (None if v in (None, "") else str(v)) for k, v in m.items()}


def relabel(docs: Iterable[Document], mapping: dict[str, str | None], keep_unmapped: bool = True,
            stats: dict | None = None) -> Iterator[Document]:
    """Rename span labels; a label mapped to None drops its spans (counted in `stats`). The old label
    is kept in `attrs["orig_label"]` unless one is already there."""
    for d in docs:
        kept = []
        for s in d.spans:
            if s.label in mapping:
                new = mapping[s.label]
                if new is None:
                    if stats is not None:
                        stats["dropped"] = stats.get("dropped", 0) + 1
                    continue
                if new != s.label:
                    s.attrs.setdefault("orig_label", s.label)
                    s.label = new
                    if stats is not None:
                        stats["renamed"] = stats.get("renamed", 0) + 1
            elif not keep_unmapped:
                if stats is not None:
                    stats["dropped"] = stats.get("dropped", 0) + 1
                continue
            kept.append(s)
        d.spans = kept
        yield d
