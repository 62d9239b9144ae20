"""Clinical text that is never PHI: vital signs (`150/90 mmHg`), ICD-10 codes (`I21.9`), doses and lab
values with units, drug strengths, scores. Candidates from weak-evidence recognizers that overlap these
spans are dropped by the analyzer (validated identifiers keep priority)."""
from __future__ import annotations

import re

from .base import Context, digit_run_starts, finditer_at
from .lexicons import vocab
from .regex_needs import match_starts

_V = vocab("allow")  # the patterns and their words: resources/deid/vocab/allow.yaml (units: resources/units.tsv)
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE}
_ALLOW_RES: list[tuple[str, re.Pattern]] = [
    (r["name"], re.compile(r["regex"], re.IGNORECASE | sum(_FLAGS[f] for f in r.get("flags", "")))) for r in _V["patterns"]]
_DATE_WORD_BEFORE = re.compile(_V["date_word_before"])
_HOUR_G = re.compile(r"\d{1,2}\s?g")
_FRACTION = re.compile(r"(\d{1,3})\s?/\s?(\d{1,3})")
_DAYPART_BEFORE = re.compile(_V["daypart_before"])


def _lower_case_version(rx: re.Pattern) -> re.Pattern:
    """The pattern for lower-case text, without IGNORECASE (several times faster in `re`)."""
    if re.search(r"\\[A-Z]", rx.pattern):  # an upper-case escape (\S, \W) would change meaning when lowered
        raise ValueError(f"allow pattern {rx.pattern[:40]!r}: upper-case escapes cannot be lowered")
    return re.compile(rx.pattern.lower(), rx.flags & ~re.IGNORECASE)


_ALLOW_RES_LOWER = [(why, _lower_case_version(rx)) for why, rx in _ALLOW_RES]
# patterns whose every match starts with a digit behind a look-behind excluding letters and digits: tried only
# where a run of digits starts (`base.finditer_at`)
_DIGIT_START = frozenset(r["name"] for r in _V["patterns"] if r.get("digit_start") == "yes")
# words one of which every match of a pattern contains (lower case): a text without them skips the pattern
_NEEDS = {r["name"]: tuple(r["needs"]) for r in _V["patterns"] if r.get("needs")}


def allow_spans(ctx: Context) -> list[tuple[int, int, str]]:
    out = []
    # text written with diacritics is matched as written: folded `1 ong` would also be `1 ông` (a man)
    # in '27 - 1 ông bắt đầu ho', `lo` also `lô`; the unit list spells both forms
    text = ctx.text.lower() if ctx.diacritics else ctx.folded  # (folded text is lower case)
    patterns = _ALLOW_RES_LOWER
    if len(text) != len(ctx.text):  # a letter whose lower case is longer ('İ'): match the text as written
        text, patterns = ctx.text, _ALLOW_RES
    lowered = patterns is _ALLOW_RES_LOWER
    starts = digit_run_starts(ctx) if lowered else None  # (lower-casing and folding keep digits where they are)
    key = "lower" if ctx.diacritics else "folded"  # (the text scanned, for the starts kept per document)
    for why, rx in patterns:
        needs = _NEEDS.get(why) if lowered else None
        if needs and not any(w in text for w in needs):
            continue
        at = (starts if why in _DIGIT_START else match_starts(rx, text, ctx._cache, key)) if lowered else None
        for m in (rx.finditer(text) if at is None else finditer_at(rx, text, at)):
            # the cheap test first; the day part is looked for in the 80 characters before, not the whole text
            if why == "value with unit" and _HOUR_G.fullmatch(ctx.folded, m.start(), m.end()) \
                    and _DAYPART_BEFORE.search(ctx.folded, max(0, m.start() - 80), m.start()):
                continue  # 'chiều 5g': five o'clock, not five grams
            if why == "organ fraction" and _DATE_WORD_BEFORE.search(ctx.folded, max(0, m.start() - 12), m.start()):
                continue  # 'ngày 2/3 trên đường đi làm': a date after its cue, then 'on the road'
            if why in ("page number", "egg or embryo count"):
                a, b = (int(x) for x in _FRACTION.search(m.group()).groups())
                if not 0 < a <= b:
                    continue  # 'Trang 12/3', '20/11 phôi': a day and month, not a count out of a total
                if why == "egg or embryo count" and _DATE_WORD_BEFORE.search(ctx.folded, max(0, m.start() - 12), m.start()):
                    continue
            out.append((m.start(), m.end(), why))
    return out
