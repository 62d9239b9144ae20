"""The recognizer registry (Presidio's model): which recognizers the analyzer runs, in which order, plus the
user's deny and allow lists.

    >>> from vimednlp.deid.recognizers.registry import RecognizerRegistry
    >>> reg = RecognizerRegistry.default()
    >>> reg.names[:4]
    ['email', 'url', 'ip', 'phone']
    >>> reg.remove("ip").names[:3]
    ['email', 'url', 'phone']

`from_yaml(path)` adds a rule pack (docs/deid.md, "Your own rules"): its recognizers run after the built-in ones,
its `deny` phrases are always removed and its `allow` phrases never are.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .base import Recognizer
from .rules import Pack, load_pack

__all__ = ["RecognizerRegistry"]


class RecognizerRegistry:
    """An ordered set of recognizers (unique names) with deny and allow lists."""

    def __init__(self, recognizers: Iterable[Recognizer] = (), *, deny: Iterable[tuple[str, str]] = (),
                 allow: Iterable[str] = ()):
        self._recs: list[Recognizer] = []
        for r in recognizers:
            self.add(r)
        self.deny: list[tuple[str, str]] = list(deny)
        self.allow: list[str] = list(allow)
        self.sources: list[str] = []

    @classmethod
    def default(cls) -> RecognizerRegistry:
        """The built-in detector: rule packs (resources/deid/rules) and the procedural recognizers, in the
        order the analyzer has always run them."""
        return cls(_default_recognizers())

    # --- editing ---------------------------------------------------------------------------------------------
    def add(self, recognizer: Recognizer) -> RecognizerRegistry:
        if not isinstance(recognizer, Recognizer):
            raise TypeError(f"a recognizer must subclass vimednlp.deid.recognizers.Recognizer, got "
                            f"{type(recognizer).__name__}")
        if recognizer.name in self.names:
            raise ValueError(f"a recognizer named {recognizer.name!r} is already registered; remove it first")
        self._recs.append(recognizer)
        return self

    def remove(self, name: str) -> RecognizerRegistry:
        if name not in self.names:
            raise KeyError(f"no recognizer named {name!r}; registered: {', '.join(self.names)}")
        self._recs = [r for r in self._recs if r.name != name]
        return self

    def add_pack(self, pack: Pack) -> RecognizerRegistry:
        for r in pack.recognizers:
            if r.name in self.names:
                raise ValueError(f"{pack.source}: rule {r.name!r}: field name: a recognizer of that name is already "
                                 f"registered ({', '.join(self.names)})")
        for r in pack.recognizers:
            self.add(r)
        self.deny.extend(pack.deny)
        self.allow.extend(pack.allow)
        self.sources.append(pack.source)
        return self

    def from_yaml(self, path: str | Path) -> RecognizerRegistry:
        """Add the rule pack in `path` (checked against pack.schema.json); returns the registry."""
        return self.add_pack(load_pack(path))

    def copy(self) -> RecognizerRegistry:
        new = RecognizerRegistry(self._recs, deny=self.deny, allow=self.allow)
        new.sources = list(self.sources)
        return new

    # --- reading ---------------------------------------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        return [r.name for r in self._recs]

    @property
    def recognizers(self) -> list[Recognizer]:
        return list(self._recs)

    def get(self, name: str) -> Recognizer:
        for r in self._recs:
            if r.name == name:
                return r
        raise KeyError(f"no recognizer named {name!r}; registered: {', '.join(self.names)}")

    def __iter__(self):
        return iter(list(self._recs))

    def __len__(self) -> int:
        return len(self._recs)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __repr__(self) -> str:
        return f"RecognizerRegistry({', '.join(self.names)}; deny {len(self.deny)}, allow {len(self.allow)})"


_DEFAULT: list[Recognizer] = []


def _default_recognizers() -> list[Recognizer]:
    """Built once per process (lexicons and packs load once); registries copy the list, not the recognizers."""
    if not _DEFAULT:
        from .acronyms import OrganizationAcronymRecognizer
        from .names import NameRecognizer
        from .places import LocationRecognizer, OrganizationRecognizer, ProfessionRecognizer
        from .quasi import GenderRecognizer, TransportRecognizer
        from .rules import builtin_pack
        from .spoken import SpokenNumberRecognizer
        from .tables import TableRecognizer

        def pack(name: str) -> list[Recognizer]:
            return builtin_pack(name).recognizers

        # (the order the analyzer has always run them in: the resolver breaks exact ties by it)
        _DEFAULT.extend([*pack("email"), *pack("url"), *pack("ip"), *pack("phone"), *pack("id"), *pack("date"),
                         *pack("age"), NameRecognizer(), LocationRecognizer(), OrganizationRecognizer(),
                         ProfessionRecognizer(), GenderRecognizer(), TransportRecognizer(), SpokenNumberRecognizer(),
                         *pack("international"),  # (English and foreign-language identifiers: rules/international.yaml)
                         OrganizationAcronymRecognizer(),  # (reads the others' organisations: 'X Partners (XP)')
                         TableRecognizer()])  # (last: it reads the others' candidates, ctx._cache["candidates"])
    return list(_DEFAULT)
