"""Short names an organisation is given where it is first named: 'Central Highlands Health Partners (CHHP)',
'Trung tâm Hỗ trợ Cộng đồng Tây Nguyên (CSC)'. The acronym in brackets right after an organisation the other
recognizers found is that organisation too, there and wherever else the note writes it alone ('CHHP hỗ trợ 70%');
never a clinical abbreviation (resources/text/abbreviations.tsv), never the start of a code ('CHHP-DEN-0331' is an
identifier, the ID patterns' business). Runs after the other recognizers: it reads their candidates
(ctx._cache["candidates"])."""
from __future__ import annotations

import re
from functools import lru_cache

from ...text.abbreviations import abbreviations
from .base import Candidate, Context, Recognizer
from .lexicons import vocab

# '(CHHP)', '( CSC )', '(gọi tắt là MSF)', '(viết tắt: MSF)': 2 to 8 capitals, digits or '&' after the first letter
# (the words before it: vocab/places.yaml acronym_defined_cues)
_CUES = "|".join(re.escape(c) for c in sorted(vocab("places")["acronym_defined_cues"], key=len, reverse=True))
_DEFINED = re.compile(rf"[ \t]*\(\s*(?:(?i:{_CUES})\s*:?\s*)?([A-ZĐ][A-ZĐ0-9&]{{1,7}})\s*\)")


_V = vocab("places")
_BEFORE = "|".join(re.escape(c) for c in sorted(_V["acronym_org_before"], key=len, reverse=True))
_AFTER = "(?:" + "|".join(re.escape(c) for c in sorted(_V["acronym_org_after"], key=len, reverse=True)) + r")(?![\w])|" \
    + "|".join(rf"{re.escape(c)}[ \t]+\d" for c in sorted(_V["acronym_org_after_amount"], key=len, reverse=True))
# an acronym alone (3 to 8 capitals, digits or '&' after a first capital letter) in a context that makes it an actor,
# read on the folded text (same length as the text: offsets agree)
_ACTOR = re.compile(rf"(?:(?<![\w])(?i:{_BEFORE})[ \t]+(?P<a>[A-Z][A-Z0-9&]{{2,7}})(?![\w@]|[\-/_.][\w])"
                    rf"|(?<![\w\-/.@])(?P<b>[A-Z][A-Z0-9&]{{2,7}})[ \t]+(?i:{_AFTER}))")


@lru_cache(maxsize=1)
def _clinical() -> frozenset[str]:
    from ...paths import resource_path

    admin = resource_path("deid", "strict", "admin_abbreviations.txt")
    words = [x.strip() for x in admin.read_text(encoding="utf-8").splitlines()] if admin.exists() else []
    return frozenset(a.upper() for a in abbreviations()) | frozenset(
        w.upper() for w in words if w and not w.startswith("#"))


def _case_folded(text: str, folded: str) -> str:
    """The folded text with the capitals of the original kept (the acronym must be in capitals, the cue any case)."""
    if len(text) != len(folded):
        return folded
    if _OUTSIDE_TABLE.search(text) is None:  # (Latin and Vietnamese letters: one table, in C)
        return text.translate(_case_fold_table())
    return "".join(f.upper() if t.isupper() and f.isascii() else f for t, f in zip(text, folded))


# the characters whose folded form `fold_lower` gives one by one (Greek's final sigma, for one, it does not)
_TABLE_RANGES = ((0, 0x250), (0x1E00, 0x1F00))
_OUTSIDE_TABLE = re.compile("[^" + "".join(f"\\u{a:04x}-\\u{b - 1:04x}" for a, b in _TABLE_RANGES) + "]")


@lru_cache(maxsize=1)
def _case_fold_table() -> dict[int, str]:
    """`_case_folded` of each character of `_TABLE_RANGES`, as a `str.translate` table."""
    from ...text.fold import fold_lower

    out = {}
    for a, b in _TABLE_RANGES:
        for cp in range(a, b):
            t = chr(cp)
            f = fold_lower(t)
            if len(f) != 1:  # ('İ': Context keeps such a character as it is)
                f = t
            out[cp] = f.upper() if t.isupper() and f.isascii() else f
    return out


class OrganizationAcronymRecognizer(Recognizer):
    name = "organization_acronym"
    labels = ("ORGANIZATION", "ID")

    def analyze(self, ctx: Context) -> list[Candidate]:
        text = ctx.text
        found = ctx._cache.get("candidates") or []
        out: list[Candidate] = []
        acronyms: dict[str, str] = {}
        clinical = _clinical()
        if "(" in text:
            for c in found:
                if c.label != "ORGANIZATION":
                    continue
                m = _DEFINED.match(text, c.end)
                if m is None or m.group(1) in clinical or m.group(1).isdigit():
                    continue
                acronyms[m.group(1)] = "acronym given to an organisation in brackets where it is first named"
        if not ctx.upper_doc:
            for m in _ACTOR.finditer(_case_folded(text, ctx.folded)):
                acr = text[m.start("a"):m.end("a")] if m.group("a") else text[m.start("b"):m.end("b")]
                if acr in clinical or acr in acronyms or not acr.isupper() or sum(ch.isalpha() for ch in acr) < 3:
                    continue
                acronyms[acr] = "acronym of an organisation that supports or pays ('X hỗ trợ', 'nhờ X')"
        taken = [(c.start, c.end) for c in found]
        for acr, why in acronyms.items():
            # the acronym alone: no letter, digit or code joint ('-', '/', '.', '_', '@') on either side
            for m in re.finditer(rf"(?<![\w\-/.@]){re.escape(acr)}(?![\w@]|[\-/_.][\w])", text):
                out.append(Candidate(m.start(), m.end(), "ORGANIZATION", 0.8, self.name, why))
            # a code that opens with it: 'CHHP-DEN-0331', 'CHHP/2026/118'
            for m in re.finditer(rf"(?<![\w\-/.@]){re.escape(acr)}[\-/][A-Z0-9][A-Z0-9\-/]*\d[A-Z0-9]*(?![\w\-/])", text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    out.append(Candidate(m.start(), m.end(), "ID", 0.8, self.name,
                                         "a code that opens with an organisation's acronym"))
        return out
