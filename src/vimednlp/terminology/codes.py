"""ICD-10 codes written in the text (`I21.9`, `E11`, `M01.02`): found, then validated against the store."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .store import IcdStore, normalize_code, open_store

# A letter, two digits, optionally a dot and 1-2 characters; U is allowed (U07.1 COVID-19).
_CODE = re.compile(r"(?<![\w.])([A-Z]\d{2}(?:\.\d{1,2})?)(?:[†*+])?(?![\w]|\.\d)")


@dataclass(frozen=True)
class CodeMention:
    start: int
    end: int
    text: str
    code: str          # normalized (I21.9)
    valid: bool        # exists in the store
    level: str | None  # category | subcategory | extension
    title: str | None
    active: bool = True

    def to_dict(self) -> dict:
        return asdict(self)


def find_codes(text: str, store: IcdStore | None = None, only_valid: bool = False) -> list[CodeMention]:
    """Every ICD-10-shaped code in `text` with its offsets, whether it exists, and its level.

    Codes must be written in capitals (`e11` is too often something else); `I219` without the dot is
    accepted only when it exists.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {type(text).__name__}")
    st = store or open_store()
    out = []
    for m in _CODE.finditer(text):
        raw = m.group(1)
        code = normalize_code(raw)
        c = st.get(code)
        if c is None and only_valid:
            continue
        out.append(CodeMention(m.start(1), m.end(1), raw, code, c is not None, c.level if c else None,
                               c.title if c else None, c.active if c else True))
    return out
