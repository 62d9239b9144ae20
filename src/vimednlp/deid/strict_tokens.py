"""The strict profile's token pass: every token the earlier passes left free is judged once, left to right.

- A token with digits goes unless it is a measurement or a count (a day past the 12th and a month, '21/10', is
  a date however the tokenizer reads it): a time or ratio, a number of at most three
  digits, a safe code (SpO2, C5), an amount of money, an OCR'd word ('F0RM') or a short ICD-10 code; else it is a
  date, a year, a phone number (0 or +84 and 9 to 11 digits) or an ID.
- A capitalised word starts a capitalised run (strict_capitalised.py).
- A lower-case word: inside English prose it stays (strict_english.py); a cue and the words after it
  (strict_cues.py); a surname and given-name syllables ('nguyễn văn an'); an unmarked Latin word that is no
  Vietnamese syllable and no known word is a foreign name.
"""
from __future__ import annotations

import re

from ..text.fold import fold_lower
from .strict_capitalised import capitalised
from .strict_codes import digit_count
from .strict_cues import after_cue
from .strict_english import english_here, foreign_letters, inflected, vietnamese_like

_OCR_NUMBER = re.compile(r"[0-9OolI]+")


def token_pass(finder, L, P) -> None:
    """Judge each free token in turn (see the module docstring); the passes it calls return the index after
    what they read."""
    ctx, marks = finder.ctx, finder.marks
    known, common, clinical, codes = L["known"], L["common"], L["clinical"], L["codes"]
    surnames, given, stop = L["surnames"], L["given"], L["stop"]
    safe_code, small, year = P["safe_code"], P["small_number"], P["year"]
    toks = ctx.tokens
    n = len(toks)
    i = 0
    while i < n:
        w, s, e, kind = toks[i]
        if not finder.free(s, e):
            i += 1
            continue
        low = w.lower()
        if len(w) <= 3 and _OCR_NUMBER.fullmatch(w) and not w.isalpha() or w in ("O", "OO", "OOO", "OOOO"):
            i += 1  # a short number misread by OCR ('l3O', '7l6', 'OO' in '1.O86.3OO'): a measurement, a count
            continue
        raw = finder.text[s:e]  # (as written: the token may be the canonical view's reading)
        if P["ocr_dose"].fullmatch(raw) and digit_count(raw) <= 4 and (
                any(c.isdigit() for c in raw) or i > 0 and toks[i - 1][2] == s and finder.text[s - 1:s].isdigit()):
            i += 1  # a dose OCR misread ('5OOmg' as '5' 'OOmg', 'l0mg'): a measurement
            continue
        if any(c.isdigit() for c in w):
            if kind == "ratio" and _day_month(w):
                finder.take(s, e, "DATE", "strict: day and month")  # ('21/10': no score or fraction has a day past 12)
            elif re.fullmatch(r"\+\d{1,3}", w) and i > 0 and toks[i - 1][2] == s and toks[i - 1][0].isdigit() \
                    and len(toks[i - 1][0]) <= 3:
                pass  # (a number added to a number: a gestational age '39+4 wks', quantities '90+30')
            elif kind in ("time", "ratio") or small.fullmatch(w) or low in codes or safe_code.fullmatch(w) \
                    or P["money"].fullmatch(w) and not _after_phone_cue(finder.text, s, e, w, L) or _ocr_word(w, L):
                pass
            elif kind == "date":
                finder.take(s, e, "DATE", "strict: date")
            elif year.fullmatch(w):
                finder.take(s, e, "DATE", "strict: year")
            elif kind == "icd" and len(w) <= 6:
                pass  # an ICD-10 code the allow patterns did not see ('K35.8')
            else:
                d = digit_count(w)
                label = "PHONE" if w.startswith(("0", "+84")) and 9 <= d <= 11 or P["money"].fullmatch(w) else "ID"
                finder.take(s, e, label, "strict: digit-bearing code")
            i += 1
            continue
        if kind != "word" or not w[:1].isalpha():
            i += 1
            continue
        if w[0].isupper() and not (ctx.upper_doc and w.isupper()):
            i = capitalised(finder, i, L)
            continue
        # lower case: a cue and what follows it, a surname and name syllables, a foreign word
        if english_here(finder, i, L):
            i += 1  # ('to the insurer' is English, not 'tổ' and a name)
            continue
        j = after_cue(finder, i, L)
        if j > i:
            i = j
            continue
        # (a surname that is also a title as written, 'ông', is the title before a name: 'con ông thuận'; typed
        # without marks, a surname that spells a function word, 'dang' = 'đang', 'thi' = 'thì', is that word unless a
        # middle syllable follows it or it is a middle after a surname: 'ba dang loc mau', 'sau 30p thi thoi', but
        # 'dang thi hoa')
        if surnames.has(w, marks or not w.isascii()) and i + 1 < n and ctx.adj[i] and toks[i + 1][3] == "word" \
                and not _time_deixis(ctx, i, L) and not (marks and low in L["person_marked"]) \
                and not (not marks and stop.has(w, not w.isascii()) and ctx.ftoks[i + 1] not in L["words"]["name_middles"]
                         and not (ctx.ftoks[i] in L["words"]["name_middles"] and i > 0 and ctx.adj[i - 1]
                                  and surnames.has(toks[i - 1][0], False))) \
                and given.has(toks[i + 1][0], marks) and not toks[i + 1][0][:1].isupper() \
                and not stop.has(toks[i + 1][0], marks) and fold_lower(f"{w} {toks[i + 1][0]}") not in L["never"] \
                and (ctx.ftoks[i], ctx.ftoks[i + 1]) not in L["pairs"] \
                and not (marks and f"{low} {toks[i + 1][0].lower()}" in L["marked_words"]["not_name_pairs"]):
            j = i + 2
            while j < n and j - i < 4 and ctx.adj[j - 1] and toks[j][3] == "word" and given.has(toks[j][0], marks) \
                    and not stop.has(toks[j][0], marks) and (ctx.ftoks[j - 1], ctx.ftoks[j]) not in L["pairs"]:
                j += 1
            if j > i + 2 or ctx.ftoks[i + 1] not in L["words"]["name_middles"]:
                # (a surname and a middle syllable alone, 'công văn', 'đô thị', is a word, not a name)
                finder.take_free(s, toks[j - 1][2], "NAME", "strict: surname and name syllables")
                i = j
                continue
        if len(w) >= 3 and w.isascii() and not known.has(w, False) and not common.has(w, False) \
                and not clinical.has(w, False) and not vietnamese_like(w) and not inflected(w, known) \
                or len(w) >= 2 and foreign_letters(w) and not any(x.has(w, True) for x in (known, common, clinical)):
            finder.take(s, e, "NAME", "strict: foreign word")
        i += 1


def _time_deixis(ctx, i: int, L) -> bool:
    """A surname that is also a time word ('nay': the Gia Rai clan, and 'now') right after a word that takes one
    ('sáng nay anh …', 'hôm nay', 'năm nay'; words.yaml day_deixis, time_heads): the time word, no name."""
    return i > 0 and ctx.adj[i - 1] and ctx.ftoks[i] in L["words"]["day_deixis"] \
        and (ctx.ktoks[i - 1] if ctx.diacritics else ctx.ftoks[i - 1]) in L["marked_words" if ctx.diacritics else "words"]["time_heads"]


def _ocr_word(w: str, L) -> bool:
    """A word that OCR wrote with 0 for o or 1 for l or i ('F0RM', 'Hospita1', 'c1osed'): known once read."""
    digits = [c for c in w if c.isdigit()]
    if len(w) - len(digits) < 3 or len(digits) > 2 or set(digits) - {"0", "1"} or not w[0].isalpha() and not w[-1].isalpha():
        return False
    for one in ("l", "i"):
        cand = w.replace("0", "o").replace("1", one)
        if w[0].isupper() and (L["given"].has(cand, False) or L["surnames"].has(cand, False)):
            return False  # ('Ph0ng' of a signature is a name)
        if any(L[k].has(cand, False) for k in ("known", "common", "clinical")) or inflected(cand, L["known"]):
            return True
    return False


def _day_month(w: str) -> bool:
    """A day past the 12th and a month, joined by '/' ('21/10', '30/4'): a date; a score, a fraction or a blood
    pressure is none ('7/10', '2/3', '120/80')."""
    parts = w.split("/")
    return len(parts) == 2 and all(p.isdigit() and len(p) <= 2 for p in parts) and 13 <= int(parts[0]) <= 31 \
        and 1 <= int(parts[1]) <= 12


_CUE_BEFORE = re.compile(r"([^\W\d_]+(?:[^\S\n][^\W\d_]+)?)[^\S\n]*[:.][^\S\n]*$")


def _after_phone_cue(text: str, s: int, e: int, w: str, L) -> bool:
    """A number grouped like money, six digits or more and no currency, right after a contact cue and a colon or
    a dot ('ĐT: 8.553.217'): a phone number (words.yaml phone_cues)."""
    if digit_count(w) < 6 or not w[-1:].isdigit() or re.match(r"[^\S\n]?(?:[đ₫$]|vn|k\b|tr|usd|dong|đồng)", text[e:e + 5], re.I):
        return False  # (a currency after it: money after all)
    m = _CUE_BEFORE.search(text[max(0, s - 24):s])
    if not m:
        return False
    cues = L["words"]["phone_cues"]
    words = fold_lower(m.group(1)).split()
    return " ".join(words) in cues or words[-1] in cues
