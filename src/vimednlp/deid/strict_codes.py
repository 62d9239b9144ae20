"""Identifiers the strict profile finds by their shape in the raw text, before any word is judged.

Runs of CJK, kana, Hangul, Thai, Lao, Khmer or Myanmar letters (foreign-script names); social handles
(`@lan.pham`, `Vũ_92`) and an account name after its platform; characters written one by one (`0 9 8 3 1 1 7`,
`B N 2 0 4 5`) unless what is still free is only amounts of money or small numbers; codes joined by '/' and '-'
with four digits or more (a date when shaped like one); numbers in groups that OCR read with l and O
('O975 ll8 342'); English dates (`March 14th, 2025`). The regexes are data
(resources/deid/strict/patterns.yaml).
"""
from __future__ import annotations

import re

from ..text.fold import fold_lower


def digit_count(s: str) -> int:
    return sum(c.isdigit() for c in s)


_OCR_DIGIT = re.compile(r"(?<=\d)[lIO]+|[lIO]+(?=\d)")


def ocr_digits(s: str) -> str:
    """OCR's l, I and O beside a digit read as 1 and 0 ('345l' -> '3451', '2l/1O' -> '21/10')."""
    if re.fullmatch(r"[0-9lIO.,/\-]+", s) and any(c.isdigit() for c in s):  # ('6.2OO.OOO' is 6.200.000)
        return s.replace("l", "1").replace("I", "1").replace("O", "0")
    return _OCR_DIGIT.sub(lambda m: m.group(0).replace("l", "1").replace("I", "1").replace("O", "0"), s)


def scripts_and_handles(finder, L, P) -> None:
    """Foreign-script letters, social handles and account names after their platform."""
    text = finder.text
    for m in P["foreign_script"].finditer(text):
        if _glossed_term(finder, m, L):
            continue
        finder.take_free(*m.span(), "NAME", "strict: foreign-script letters")
    for m in P["handle"].finditer(text):
        finder.take_free(*m.span(), "NAME", "strict: social handle")
    for m in P["handle_after_cue"].finditer(text):
        h = m.group("h")
        # (a number after the cue is a phone or an ID: the digit steps label it)
        if not h.isdigit() and not L["common"].has(h, finder.marks) and not L["stop"].has(h, finder.marks):
            finder.take_free(*m.span("h"), "NAME", "strict: account name after its platform")


def codes(finder, P) -> None:
    """Characters one by one, joined codes and English dates."""
    text = finder.text
    for m in P["spaced_chars"].finditer(text):
        g = m.group(0)
        # (the evidence is in what is still free: '90 v' beside two removed dates in a register row is a count;
        # amounts of money, '37.500 37.500', are no code)
        rest = "".join(c for c, t in zip(g, finder.taken[m.start():m.end()]) if not t)
        if all(P["money"].fullmatch(x) or P["small_number"].fullmatch(x) for x in re.findall(r"\d[\d.,]*", rest)) \
                and re.search(r"\d[.,]\d", rest):
            continue
        if (digit_count(rest) >= 5 or digit_count(rest) >= 4 and any(c.isalpha() for c in rest)) and re.search(r"\s", g):
            finder.take_free(*m.span(), "PHONE" if g.startswith("0") else "ID", "strict: characters one by one")
    for m in P["compound_code"].finditer(text):
        g = m.group(0)
        if not any(c.isalnum() for c, t in zip(g, finder.taken[m.start():m.end()]) if not t):
            continue  # (only the slash between two measurements is free: '500mg/100ml')
        read = ocr_digits(g)  # ('345l/XN', 'l1O4/XN', '2l/1O': OCR's l and O beside a digit are 1 and 0)
        if read != g and P["date_shape"].fullmatch(read) and digit_count(read) >= 3 and _day_month_ok(read):  # ('l/2' is a half)
            finder.take_free(*m.span(), "DATE", "strict: joined code")
        elif digit_count(read) >= 4 and not P["safe_compound"].fullmatch(read) and not P["money"].fullmatch(read) \
                and not re.fullmatch(r"\d{2,3}/\d{2,3}", read):  # (a blood pressure OCR'd: '9O/6O', 'l3O/8O')
            label = "DATE" if P["date_shape"].fullmatch(read) else "ID"
            finder.take_free(*m.span(), label, "strict: joined code")
    for m in P["ocr_groups"].finditer(text):
        # (the token pass keeps a short OCR'd number, 'l3O', 'OO', as a count: in a run of groups that reads as a
        # card or phone number it is part of one; all-digit groups are the canonical view's, a letter word no group)
        g = m.group(0)
        groups = re.findall(r"[0-9OlI]+", g)
        read = "".join(groups).replace("l", "1").replace("I", "1").replace("O", "0")
        if any(not c.isdigit() for c in "".join(groups)) and digit_count(g) >= 4 and 9 <= len(read) <= 12 \
                and all(any(c.isdigit() for c in x) or len(x) <= 3 for x in groups) \
                and sum(any(c.isdigit() for c in x) for x in groups) >= 2:
            label = "PHONE" if read.startswith("0") and len(read) in (10, 11) and len(groups) <= 4 else "ID"
            finder.take_free(*m.span(), label, "strict: OCR'd number in groups")
    for m in P["digit_groups"].finditer(text):
        # (the default detector reads most of these; a short last group, '… 928 17', is otherwise kept as a count)
        groups = m.group(0).split()
        if sum(len(x) == 4 for x in groups) >= 2 and 10 <= sum(map(len, groups)) <= 16:
            finder.take_free(*m.span(), "ID", "strict: number in digit groups")
    for m in P["english_date"].finditer(text):
        finder.take_free(*m.span(), "DATE", "strict: English date")


_HOUSE = re.compile(r"(?<![\w/.,×])(?P<num>\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?){0,2})[^\S\n]+(?P<street>[^\W\d_]+\.?)"
                    r"[^\S\n]+(?P<next>[^\W_][\w]*)")


_LOT = re.compile(r"(?<![\w.])(?P<head>Lot|Plot|Block|Blk|Road|Rd|Street|Lane|Alley|Hamlet)"
                  r"\.?[^\S\n]+(?P<code>[A-Z]{0,3}-?\d{1,4}[A-Z]?)(?![\w/.-]|[.,]\d)")


def house_numbers(finder, L) -> None:
    """A lot, block or road of an English address and its code ('Lot B2', 'Road D10', 'Block 7'); a house number
    right before its street word ('142B đường 3 Tháng 2', '25/7 hẻm Ba Gia', '8 phố Lò Đúc';
    words.yaml street_words) when a street name follows (a capitalised word or a number, no abbreviation that is
    a known or clinical word: '1 đường TM' is an intravenous line) and no 'x' counts before it: the address."""
    text, marks = finder.text, finder.marks
    W = L["marked_words"] if marks else L["words"]
    # (an English address's lot or road and its code, 'Lot B2, Road D10': the head and the code)
    for m in _LOT.finditer(text):
        a, b = m.span()
        if any(c.isdigit() for c in m.group("code")) and not any(s < b and a < e for s, e in finder.spans) \
                and not any(c.start < b and a < c.end for c in finder.out):
            # (an allow pattern may have read the code as a measurement or a fluid, 'D10': here it is none)
            finder.take(a, b, "LOCATION", "strict: a lot or road and its code")
    for m in _HOUSE.finditer(text):
        street, nxt = m.group("street").lower(), m.group("next")
        if (street if marks else fold_lower(street)) not in W["street_words"]:
            continue
        if not (nxt[:1].isupper() or nxt[:1].isdigit()) or nxt.isalpha() and nxt.isupper() and any(L[k].has(nxt, marks) for k in ("known", "clinical")) \
                or re.search(r"(?:\bx|[×*])[^\S\n]*$", text[max(0, m.start() - 3):m.start()]):
            continue
        a, b = m.span("num")
        if any(s < b and a < e for s, e in finder.spans) or any(c.start < b and a < c.end for c in finder.out):
            continue
        # (an allow pattern may have read the number as a measurement, '142B' as bytes: before a street it is none)
        finder.take(a, b, "LOCATION", "strict: a house number before its street")


def _day_month_ok(read: str) -> bool:
    """A date shape whose day and month can be a date ('2l/l2' is 21/12); '9O/6O' (90/60) is a blood pressure."""
    parts = [int(p) for p in re.split(r"[/.\-]", read) if p.isdigit()]
    if len(parts) < 2:
        return True
    if parts[0] >= 1900:  # (year first: '2026-12-07')
        return 1 <= parts[1] <= 12
    return 1 <= parts[0] <= 31 and 1 <= parts[1] <= 12


_READING = re.compile(r"[^\S\n]*\(?[^\S\n]*([^\W\d_]+(?:[^\S\n]+[^\W\d_]+){1,3})")


def _glossed_term(finder, m, L) -> bool:
    """Two to four ideographs glossed right after by their Sino-Vietnamese reading that is a clinical term of the
    lexicons ('黃耆 Hoàng kỳ', '杜仲 (Đỗ trọng)': a herb of a prescription): the term, no name. A name glossed so
    ('李晓燕 Lý Hiểu Yến') reads as no clinical term and goes."""
    g = m.group(0)
    if not 2 <= len(g) <= 4 or not all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in g):
        return False
    r = _READING.match(finder.text, m.end())
    if not r:
        return False
    words = fold_lower(r.group(1)).split()
    return len(words) >= len(g) and L["phrases"].get(" ".join(words[:len(g)])) == "clinical"
