"""The annotation schema (annotation/schema.yaml): labels, colours, hotkeys, hints and per-region attributes.

`vimednlp.schema` stays the code's source of label names; this file adds what annotators see. A test
checks that the two carry the same label sets.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

# Which label groups each schema choice shows.
CHOICES: dict[str, tuple[str, ...]] = {"phi": ("phi",), "clinical": ("clinical",), "all": ("phi", "clinical")}


@dataclass(frozen=True)
class LabelDef:
    name: str
    group: str
    color: str
    hotkey: str
    hint: str
    hint_en: str = ""


@dataclass(frozen=True)
class AttributeDef:
    name: str                      # control tag name in the config, e.g. "assertion"
    applies_to: tuple[str, ...]    # labels whose regions show it
    choice: str                    # "single" | "multiple"
    values: tuple[tuple[str, str], ...]  # (value, hint)


@dataclass
class AnnotationSchema:
    version: str
    tags: dict[str, str]
    groups: dict[str, tuple[LabelDef, ...]]
    group_titles: dict[str, str]
    attributes: dict[str, AttributeDef] = field(default_factory=dict)

    def labels(self, which: str = "all") -> tuple[LabelDef, ...]:
        if which not in CHOICES:
            raise ValueError(f"unknown schema choice {which!r}; use one of {', '.join(CHOICES)}")
        return tuple(lab for g in CHOICES[which] for lab in self.groups.get(g, ()))

    def label_names(self, which: str = "all") -> tuple[str, ...]:
        return tuple(lab.name for lab in self.labels(which))

    def attributes_for(self, which: str = "all") -> list[AttributeDef]:
        names = set(self.label_names(which))
        return [a for a in self.attributes.values() if names & set(a.applies_to)]


def default_schema_path() -> Path:
    # the package carries annotation/schema.yaml (a link in the source tree, a copy in a wheel)
    return Path(str(resources.files("vimednlp.annotation").joinpath("schema.yaml")))


@lru_cache(maxsize=8)
def _load_cached(path: str) -> AnnotationSchema:
    p = Path(path)
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"annotation schema not found: {p}") from None
    except yaml.YAMLError as e:
        raise ValueError(f"{p}: not valid YAML ({e})") from None
    try:
        groups = {}
        titles = {}
        for gname, g in raw["groups"].items():
            titles[gname] = g.get("title", gname)
            groups[gname] = tuple(
                LabelDef(name=d["name"], group=gname, color=d["color"], hotkey=str(d["hotkey"]),
                         hint=d.get("hint", ""), hint_en=d.get("hint_en", ""))
                for d in g["labels"]
            )
        attrs = {}
        for aname, a in (raw.get("attributes") or {}).items():
            attrs[aname] = AttributeDef(
                name=raw["tags"].get(aname, aname), applies_to=tuple(a["applies_to"]),
                choice=a.get("choice", "multiple"),
                values=tuple((v["name"], v.get("hint", "")) for v in a["values"]),
            )
        schema = AnnotationSchema(version=str(raw["version"]), tags=dict(raw["tags"]), groups=groups,
                                  group_titles=titles, attributes=attrs)
    except (KeyError, TypeError) as e:
        raise ValueError(f"{p}: malformed annotation schema ({type(e).__name__}: {e})") from None
    _validate(schema, p)
    return schema


def _validate(schema: AnnotationSchema, p: Path) -> None:
    for key in ("text", "labels"):
        if key not in schema.tags:
            raise ValueError(f"{p}: tags.{key} is missing")
    all_labels = schema.labels("all")
    for what, values in (("label", [x.name for x in all_labels]), ("hotkey", [x.hotkey for x in all_labels]),
                         ("colour", [x.color.lower() for x in all_labels])):
        dup = sorted({v for v in values if values.count(v) > 1})
        if dup:
            raise ValueError(f"{p}: duplicate {what}(s): {', '.join(dup)}")
    names = {x.name for x in all_labels}
    for a in schema.attributes.values():
        unknown = set(a.applies_to) - names
        if unknown:
            raise ValueError(f"{p}: attribute {a.name!r} applies to unknown label(s) {sorted(unknown)}")


def load_schema(path: str | Path | None = None) -> AnnotationSchema:
    """Load and check the annotation schema (default: the one the package ships)."""
    return _load_cached(str(Path(path) if path else default_schema_path()))
