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


@lru_cache(maxsize=1)
def _clinical() -> frozenset[str]:
    return frozenset(a.upper() for a in abbreviations())


class OrganizationAcronymRecognizer(Recognizer):
    name = "organization_acronym"
    labels = ("ORGANIZATION",)

    def analyze(self, ctx: Context) -> list[Candidate]:
        text = ctx.text
        if "(" not in text:
            return []
        found = ctx._cache.get("candidates") or []
        orgs = [c for c in found if c.label == "ORGANIZATION"]
        if not orgs:
            return []
        out: list[Candidate] = []
        acronyms: set[str] = set()
        clinical = _clinical()
        for c in orgs:
            m = _DEFINED.match(text, c.end)
            if m is None or m.group(1) in clinical or m.group(1).isdigit():
                continue
            acronyms.add(m.group(1))
        for acr in acronyms:
            # the acronym alone: no letter, digit or code joint ('-', '/', '.', '_', '@') on either side
            for m in re.finditer(rf"(?<![\w\-/.@]){re.escape(acr)}(?![\w@]|[\-/_.][\w])", text):
                out.append(Candidate(m.start(), m.end(), "ORGANIZATION", 0.8, self.name,
                                     "acronym given to an organisation in brackets where it is first named"))
        return out
