"""The strict de-identification profile: a token stays only when it is known safe (Philter's approach).

After the default detector, `strict_spans(text, spans)` also removes, where no default span is:
- runs of CJK, kana, Hangul, Thai, Lao, Khmer or Myanmar letters (foreign-script names);
- social handles (`@lan.pham`, `Vũ_92`) and chat speakers (`💬 Lan Phạm:`, a name before ':' at line start that
  recurs or carries an emoji or a time);
- digit-bearing tokens that are not a vital sign, lab value, dose or other measurement (the default detector's
  allow patterns, numbers of at most three digits, clinical codes such as SpO2 or C5): long digit runs, years,
  dates, codes mixing letters and digits or joined by '/' and '-', digits written one by one or spelled aloud;
- capitalised words that are not known safe (clinical lexicon words, abbreviations, units, English clinical words
  anywhere; common words only where a sentence, line or field starts), from the first unknown word to the end of
  the capitalised run;
- in lower case: a surname followed by name syllables, and the words after a name, organisation or address cue
  up to a function word or punctuation;
- unmarked Latin words that are neither a Vietnamese syllable (with or without marks) nor a known word.

Knowledge lives in resources/deid/strict/ (word lists, regexes; SOURCE.md) and in the clinical lexicons and
name lists. This module is the profile's public face (`strict_spans`, `StrictRecognizer`, `check_profile`); the
engine is split by what each part reads:
- strict_lists.py: the safe word lists, cue and name lists and regexes, loaded once;
- strict_finder.py: the `Finder` (one text's state) and the order of the passes;
- strict_codes.py: shapes in the raw text (foreign script, handles, characters one by one, joined codes);
- strict_speakers.py: chat speakers, and the senders of an exported chat ('May Ban TYT  03/12 20:14');
- strict_spoken.py: dates, times, ages and codes said aloud;
- strict_cues.py: lower-case names, organisations and places after their cue words;
- strict_tokens.py: the token pass (digits, lower-case surnames, foreign words), which calls
  strict_capitalised.py for capitalised runs and strict_english.py for English and unmarked words;
- strict_names.py: given names said again, `X thị Y` names, cut-off pieces of names;
- strict_roles.py: the occupation written beside a person's name (`mẹ Lò Thị Ỉn, bán hàng tạp hóa, …`);
- strict_widen.py: head words, weekdays and punctuation that belong to a removed span.

    >>> [(s.label, s.text) for s in strict_spans("Tái khám với bác sĩ John Miller, SpO2 97%, mã HS-88213.", [])]
    [('NAME', 'John Miller'), ('ID', 'HS-88213')]
"""
from __future__ import annotations

import re

from ..schema import Span
from ..text.canonical import canonical_view
from .recognizers.allow import allow_spans
from .recognizers.base import Candidate, Context, Recognizer
from .strict_finder import Finder
from .strict_widen import widen

__all__ = ["PROFILES", "StrictRecognizer", "check_profile", "strict_spans"]

PROFILES = ("default", "strict")


def check_profile(profile: str) -> str:
    if profile not in PROFILES:
        raise ValueError(f"unknown de-identification profile {profile!r}; choose from {', '.join(PROFILES)}")
    return profile


def _base_mask(ctx: Context, spans) -> bytearray:
    """Characters already removed by the default detector or matched by a clinical allow pattern (vital signs,
    doses, lab values with units, ICD-10 codes, scores); a match whose value and unit a tab or a line break
    parts is no measurement (a year column before a card number's 'CC' in a register), nor is a number with OCR's
    'l' for 1 read as a litre when it is joined to a code or inside characters typed one by one ('345l/XN'),
    nor an ICD code OCR'd from a number ('l43') or joined to a number by '/' (the lane of an address, 'K45/12');
    '500mg/100ml' and '2000 ml/h' stay measurements."""
    mask = bytearray(len(ctx.text) + 1)
    text = ctx.text
    for s, e, why in allow_spans(ctx):
        if "\t" in text[s:e] or "\n" in text[s:e]:
            continue  # (a value and a unit in two cells or lines, '1975<TAB>CC' of a register, are no measurement)
        if why.startswith("ICD") and (text[s:s + 1] in "lO" or re.match(r"/\d", text[e:e + 2])) \
                or re.fullmatch(r"[\d.,]+[^\S\n]?[lL]", text[s:e]) and _inside_code(text, s, e):
            continue  # (OCR's 'l' read as a litre or an ICD letter: '345l/XN', '26L-550.5l', 'số l43', '0 0 9 l 3')
        mask[s:e] = b"\x01" * (e - s)
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask


def _inside_code(text: str, s: int, e: int) -> bool:
    """A match joined to a code by '/' or '-' ('345l/XN', '26L-550.5l') or standing in a run of characters
    typed one by one, three more of them on either side or both ('0 0 9 l 3', '0 S 6 l B 6 O 8', '. 3 l 6'):
    part of an identifier, not a measurement."""
    if s >= 2 and text[s - 1] in "/-" and text[s - 2].isalnum() or e + 1 < len(text) and text[e] in "/-" \
            and text[e + 1].isalnum():
        return True
    if not re.fullmatch(r"\d[^\S\n]?[lL]|\d[lL]?", text[s:e]) and not re.search(r"(?:\b\w [^\S\n]?){3}$", text[max(0, s - 12):s]):
        return False
    left = _SINGLES_LEFT.search(text[max(0, s - 40):s])
    right = _SINGLES_RIGHT.match(text[e:e + 40])
    n = sum(ch.isalnum() for ch in (left.group(0) if left else "")) + \
        sum(ch.isalnum() for ch in (right.group(0) if right else ""))
    return n >= 3 and (n >= 4 or bool(left) and bool(right))


# characters typed one by one, with a dot, dash or slash between groups, before or after a match
_SINGLES_LEFT = re.compile(r"(?:(?<!\w)\w[^\S\n]{1,2}(?:[.\-/][^\S\n]{0,2})?)+$")
_SINGLES_RIGHT = re.compile(r"(?:[^\S\n]{1,2}(?:[.\-/][^\S\n]{0,2})?\w(?!\w))+")


class StrictRecognizer(Recognizer):
    """The strict profile's step as a recognizer (it can be added to a `RecognizerRegistry`): candidates for
    what is not known safe. `deidentify(profile="strict")` runs it after the default detector instead, over what
    that detector left, so the default spans and the tagger's rule features stay as they are."""

    name = "strict"
    labels = ("NAME", "ID", "PHONE", "DATE", "ORGANIZATION", "LOCATION")

    def analyze(self, ctx: Context) -> list[Candidate]:
        return Finder(ctx, _base_mask(ctx, [])).run()


def strict_spans(text: str, spans: list[Span]) -> list[Span]:
    """The spans the strict profile adds to the default detector's `spans` (offsets into `text`), sorted; they
    never overlap `spans`. Read on the canonical view of `text` (OCR digits, spaced digits), like the detector."""
    if not text.strip():
        return []
    view = canonical_view(text)
    work = view.text
    taken = [view.to_view(s.start, s.end) for s in spans] if view.changed else [(s.start, s.end) for s in spans]
    ctx = Context(work)
    out = []
    for c in Finder(ctx, _base_mask(ctx, taken), [(*t, s.label) for t, s in zip(taken, spans)]).run():
        a, b = view.to_original(c.start, c.end) if view.changed else (c.start, c.end)
        if b <= a:
            continue
        attrs = {"explanation": c.explanation}
        if c.label == "ID":
            attrs["kind"] = "other"
        out.append(Span(a, b, c.label, text[a:b], c.source, c.score, attrs))
    # (a span mapped back may touch a default span the view had merged: the default span wins)
    mask = bytearray(len(text) + 1)
    for s in spans:
        mask[s.start:s.end] = b"\x01" * (s.end - s.start)
    keep: list[Span] = []
    for s in sorted(out, key=lambda s: s.start):
        if mask.find(1, s.start, s.end) < 0 and not (keep and keep[-1].end > s.start):
            keep.append(s)
    return sorted(keep + widen(text, sorted(spans + keep, key=lambda s: s.start)), key=lambda s: s.start)
