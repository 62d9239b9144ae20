"""Operators: what replaces an identifier (Presidio's anonymizer operators, for Vietnamese).

| name | output for `Nguyễn Văn An` (NAME) | reversible |
|---|---|---|
| `tag` | `[NAME]`, or `[NAME_1]` with `numbered=True` (same person -> same number in a document) | no |
| `mask` | `****** *** **` (letters and digits masked, separators kept) | no |
| `redact` | `` (removed) | no |
| `hash` | `NAME_3f2a9c1b0d4e` (HMAC-SHA256 under a sub-key of the scrypt-stretched key, truncated; same value, with or without diacritics -> same hash) | with a vault |
| `encrypt` | `[ENC:NAME:...]` (AES-SIV with the key; `decrypt()` restores the text) | with the key |
| `surrogate` | `Trần Văn Hùng` (realistic, consistent per patient; dates shifted) | with a vault |
| `keep` | unchanged (to leave one label in place) | - |
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..schema import Span
from ..text.fold import fold_lower, has_diacritics
from .surrogates import SurrogateGenerator, SurrogateRequest, value_key, word_key
from .vault import Keyring, Vault

OPERATOR_NAMES = ("tag", "mask", "redact", "hash", "encrypt", "surrogate", "keep")
ENC_TOKEN = re.compile(r"\[ENC:([A-Z_]+):([A-Za-z0-9_-]+)\]")
HASH_TOKEN = re.compile(r"\b([A-Z]+)_([0-9a-f]{8,64})\b")


@dataclass
class OperatorContext:
    """Per-document state the operators share: the text, keys, vault, numbering, surrogates."""

    text: str
    keyring: Keyring
    surrogates: SurrogateGenerator
    vault: Vault | None = None
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    name_given: dict[str, int] = field(default_factory=dict)
    forbidden: frozenset = frozenset()  # folded identifier strings of this document (3+ chars)
    _fold_window: dict[int, bool] = field(default_factory=dict)

    def number(self, span: Span, value: str) -> int:
        """The document-wide number of a value: first mention of a label gets 1, the next new one 2."""
        vk = value_key(span.label, value)
        k = (span.label, vk)
        n = self.numbers.get(k)
        if n is None and span.label == "NAME" and len(vk.split()) == 1:
            n = self.name_given.get(vk)  # `An` after `Nguyễn Văn An`: the same person
        if n is None:
            n = self.counters.get(span.label, 0) + 1
            self.counters[span.label] = n
            self.numbers[k] = n
            if span.label == "NAME" and len(vk.split()) >= 2:
                self.name_given.setdefault(vk.split()[-1], n)
        return n

    def without_diacritics(self, start: int, end: int) -> bool:
        """Is the text around a span written without diacritics (so a surrogate must be too)?"""
        lo, hi = max(0, start - 200), min(len(self.text), end + 200)
        # answered per 256-character block, each folded once per document (the common case: a
        # block with diacritics settles it)
        for b in range(lo // 256, (hi - 1) // 256 + 1):
            has = self._fold_window.get(b)
            if has is None:
                has = self._fold_window[b] = has_diacritics(self.text[b * 256:(b + 1) * 256])
            if has:
                return False
        window = self.text[lo:start] + " " + self.text[end:hi]
        return sum(map(str.isalpha, window)) >= 20


class Operator:
    """Turns one span of the text into its replacement."""

    name = "operator"

    def operate(self, span: Span, value: str, ctx: OperatorContext) -> str:
        raise NotImplementedError

    def config(self) -> dict[str, Any]:
        return {"type": self.name}

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.config().items() if k != "type")
        return f"{type(self).__name__}({args})"


class Tag(Operator):
    name = "tag"

    def __init__(self, numbered: bool = False):
        self.numbered = numbered

    def operate(self, span, value, ctx):
        if self.numbered:
            return f"[{span.label}_{ctx.number(span, value)}]"
        return f"[{span.label}]"

    def config(self):
        return {"type": self.name, "numbered": self.numbered}


class Mask(Operator):
    name = "mask"

    def __init__(self, char: str = "*"):
        if len(char) != 1:
            raise ValueError("mask char must be a single character")
        self.char = char

    def operate(self, span, value, ctx):
        return "".join(self.char if c.isalnum() else c for c in value)

    def config(self):
        return {"type": self.name, "char": self.char}


class Redact(Operator):
    name = "redact"

    def operate(self, span, value, ctx):
        return ""


class Keep(Operator):
    name = "keep"

    def operate(self, span, value, ctx):
        return value


class Hash(Operator):
    """`LABEL_<hex>`: keyed HMAC-SHA256 of the normalized value (same value -> same token). The HMAC
    key comes from the engine's keyring, stretched with scrypt once: checking a guessed key against
    a released token costs a full scrypt, not one HMAC."""

    name = "hash"

    def __init__(self, length: int = 12):
        if not 8 <= length <= 64:
            raise ValueError("hash length must be between 8 and 64 hex digits")
        self.length = length

    def operate(self, span, value, ctx):
        token = f"{span.label}_{ctx.keyring.hexdigest('hash', span.label, value_key(span.label, value), length=self.length)}"
        if ctx.vault is not None:
            ctx.vault.put_token(token, span.label, value)
        return token

    def config(self):
        return {"type": self.name, "length": self.length}


class Encrypt(Operator):
    """`[ENC:LABEL:<token>]`: AES-SIV with the key; `decrypt(text, key)` puts the text back."""

    name = "encrypt"

    def operate(self, span, value, ctx):
        return f"[ENC:{span.label}:{ctx.keyring.encrypt(value, span.label)}]"


class Surrogate(Operator):
    name = "surrogate"

    def operate(self, span, value, ctx):
        req = SurrogateRequest(
            label=span.label, text=value, attrs=span.attrs,
            before=ctx.text[max(0, span.start - 30):span.start],
            fold_accents=ctx.without_diacritics(span.start, span.end),
            forbidden=ctx.forbidden - {word_key(value)},
        )
        return ctx.surrogates.surrogate(req)


_REGISTRY: dict[str, type[Operator]] = {
    "tag": Tag, "mask": Mask, "redact": Redact, "hash": Hash, "encrypt": Encrypt, "surrogate": Surrogate,
    "keep": Keep,
}


def get_operator(spec: str | dict | Operator, **defaults: Any) -> Operator:
    """An operator from a name (`"mask"`), a config (`{"type": "mask", "char": "#"}`) or an instance."""
    if isinstance(spec, Operator):
        return spec
    if isinstance(spec, str):
        name, params = spec, {}
    elif isinstance(spec, dict):
        params = dict(spec)
        name = params.pop("type", None) or params.pop("operator", None)
    else:
        raise TypeError(f"an operator is a name, a dict or an Operator, not {type(spec).__name__}")
    cls = _REGISTRY.get(str(name).lower()) if name else None
    if cls is None:
        raise ValueError(f"unknown operator {name!r}; choose one of {', '.join(OPERATOR_NAMES)}")
    if cls is Tag and "numbered" not in params and "numbered" in defaults:
        params["numbered"] = defaults["numbered"]
    try:
        return cls(**params)
    except TypeError as e:
        raise ValueError(f"bad parameters for operator {name!r}: {e}") from None


def decrypt(text: str, key: str | bytes | Keyring) -> str:
    """Replace every `[ENC:LABEL:...]` token in `text` by the original (needs the same key)."""
    kr = key if isinstance(key, Keyring) else Keyring(key)
    return ENC_TOKEN.sub(lambda m: kr.decrypt(m.group(2), m.group(1)), text)


def _fold_key(s: str) -> str:
    return " ".join(fold_lower(s).split())
