"""Sections of Vietnamese medical records: `Lý do vào viện`, `Bệnh sử`, `Tiền sử gia đình`, `Chẩn đoán ra viện` ...

Headings come from `resources/clinical/sections.yaml`. A heading counts at the start of a line or
after a sentence end, optionally numbered (`1.`, `II.`, `a)`, `-`), when a colon or a line end follows
it; it is matched on accent-folded lower-case text, so `TIEN SU GIA DINH:` works too. A section runs
to the next heading. Some sections imply an assertion (family history -> family).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from ..paths import load_yaml, resource_path
from ..schema import ASSERTIONS
from ..text.fold import fold_lower


@dataclass(frozen=True)
class Section:
    name: str
    start: int              # heading start (code points)
    heading_end: int        # end of the heading text (before the colon)
    end: int                # section end: the next heading or the end of the text
    implies: str | None = None


class SectionRules:
    """Section headings (`sections.yaml`, or `path`). `add_titles` adds more at run time (a copy first:
    `default_section_rules()` is shared)."""

    def __init__(self, path=None):
        path = Path(path or resource_path("clinical", "sections.yaml"))
        data = load_yaml(path.read_text(encoding="utf-8"))
        self.by_heading: dict[str, tuple[str, str | None]] = {}
        self.names: list[str] = []
        self.implies: dict[str, str | None] = {}
        self._add(data["sections"], str(path))
        self._compile()

    def _add(self, sections, source: str) -> None:
        for n, sec in enumerate(sections):
            if not isinstance(sec, dict) or not sec.get("name") or not sec.get("headings"):
                raise ValueError(f"{source}: section {n}: needs a name and headings")
            name = str(sec["name"])
            implies = sec.get("implies", self.implies.get(name))
            if implies is not None and implies not in ASSERTIONS:
                raise ValueError(f"{source}: section {name!r}: unknown assertion {implies!r}; "
                                 f"known: {', '.join(ASSERTIONS)}")
            if name not in self.implies:
                self.names.append(name)
            self.implies[name] = implies
            for h in _headings(sec):
                if not _norm(h):
                    raise ValueError(f"{source}: section {name!r}: empty heading")
                self.by_heading.setdefault(_norm(h), (name, implies))

    def _compile(self) -> None:
        alts = "|".join(re.escape(h).replace(r"\ ", r"\s+")
                        for h in sorted(self.by_heading, key=len, reverse=True))
        # ^ or after . ! ? (then spaces); numbering; heading; optional (...) qualifier; then : or line end; or
        # the heading in its own table cell (`PMH<TAB>...`, `| Tiền sử | ...`)
        self.regex = re.compile(
            r"(?:^|(?<=[.!?])[ \t]+|(?<=\n))[ \t]*(?:\|[ \t]*)?(?:(?:[ivx]{1,4}|\d{1,2}|[a-h])[.)/][ \t]*|[-•*+][ \t]*)?"
            r"(?P<h>" + alts + r")(?![\w])[ \t]*(?:\([^()\n]{0,60}\)[ \t]*)?(?P<end>:|(?=\r?\n)|$|(?<=\t)|\|(?!\|))",
            re.MULTILINE)

    def add_titles(self, sections, source: str = "section titles") -> None:
        """Add headings: dicts `{name, headings, implies}` (`sections.yaml` form; a new name makes a new
        section, a known one gets more headings). User headings win over the package's for the same words."""
        for sec in sections:
            if isinstance(sec, dict):
                for h in _headings(sec):
                    self.by_heading.pop(_norm(h), None)   # the user's section takes the heading over
        self._add(sections, source)
        self._compile()

    def copy(self) -> SectionRules:
        new = object.__new__(SectionRules)
        new.by_heading = dict(self.by_heading)
        new.names = list(self.names)
        new.implies = dict(self.implies)
        new.regex = self.regex
        return new

    def find(self, text: str) -> list[Section]:
        folded = fold_lower(text)
        found: list[tuple[int, int, str, str | None]] = []
        for m in self.regex.finditer(folded):
            key = _norm(m.group("h"))
            name, implies = self.by_heading.get(key, (None, None))
            if name is None:  # pragma: no cover - the alternation only holds known headings
                continue
            found.append((m.start("h"), m.end("h"), name, implies))
        out = []
        for k, (s, he, name, implies) in enumerate(found):
            end = found[k + 1][0] if k + 1 < len(found) else len(text)
            out.append(Section(name, s, he, end, implies))
        return out


def _headings(sec: dict) -> list[str]:
    h = sec.get("headings")
    return [str(x) for x in h] if isinstance(h, (list, tuple)) else [] if h is None else [str(h)]


def _norm(h: str) -> str:
    return " ".join(fold_lower(h).split())


@lru_cache(maxsize=1)
def default_section_rules() -> SectionRules:
    return SectionRules()


def find_sections(text: str) -> list[Section]:
    """The sections of `text`, in order."""
    return default_section_rules().find(text)


def section_at(sections: list[Section], offset: int) -> Section | None:
    """The section holding the character at `offset` (None before the first heading)."""
    if not sections:
        return None
    if offset < sections[0].start:
        return None
    if len(sections) < 8:
        found = sections[0]
        for s in sections:
            if s.start > offset:
                break
            found = s
        return found
    k = bisect.bisect_right([s.start for s in sections], offset) - 1
    return sections[k] if k >= 0 else None
