"""Is an unmarked Latin word Vietnamese, English or neither? The strict profile's checks for Latin words.

An unmarked Latin word that is no known word is removed as a foreign word (a name: 'Miller'), so the profile must
tell the other two apart: text typed without marks ('nguyen', 'tuoi') is Vietnamese once its marks are dropped
(`vietnamese_like`); an English word is known when its stem is on the known list, which holds base forms
('doses', 'skipped'; `inflected`); and inside English prose, 'to', 'the', 'on' are English, not a Vietnamese cue
or name syllable (`english_here`).

    >>> vietnamese_like("nguyen"), vietnamese_like("Miller")
    (True, False)
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text.fold import fold_lower
from ..text.syllable import _CODA, _NO_CODA, _NUCLEI, _ONSET_RE, is_syllable
from .strict_lists import Words

# folded nucleus -> whether some marked form of it takes a final consonant
_FOLDED_NUCLEI: dict[str, bool] = {}
for _n in _NUCLEI:
    _FOLDED_NUCLEI[fold_lower(_n)] = _FOLDED_NUCLEI.get(fold_lower(_n), False) or _n not in _NO_CODA
_VOWEL_RUN = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def vietnamese_like(word: str) -> bool:
    """A Vietnamese syllable as written, or one once its marks are dropped ('nguyen', 'tuoi')."""
    if is_syllable(word):
        return True
    w = fold_lower(word)
    if not w.isascii() or not w.isalpha():
        return False
    onset = _ONSET_RE.match(w).group(0)
    rest = w[len(onset):]
    m = _VOWEL_RUN.match(rest)
    if m is None:
        return onset == "gi" and rest in _CODA  # 'gin': the i of 'gi' is the nucleus
    nucleus, coda = m.group(0), rest[m.end():]
    if nucleus not in _FOLDED_NUCLEI or coda not in _CODA:
        return False
    return not coda or _FOLDED_NUCLEI[nucleus]


def foreign_letters(word: str) -> bool:
    """A word with a Latin letter that Vietnamese never writes ('kröger', 'satō', 'měilíng', 'straße', 'ayŭn'): a
    foreign or pinyin name, whatever the case and marks of the text around it."""
    return any(c not in _VIETNAMESE_LETTERS and c.isalpha() and "LATIN" in unicodedata.name(c, "") for c in word.lower())


def _vietnamese_letters() -> frozenset:
    letters = set("abcdefghijklmnopqrstuvwxyzđð")  # ('ð' is OCR's đ: 'Ða khoa')
    for vowel in "aăâeêioôơuưy":
        letters.update(unicodedata.normalize("NFC", vowel + tone) for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"))
    return frozenset(letters)


_VIETNAMESE_LETTERS = _vietnamese_letters()

# an English word's regular endings and the stems they leave ('doses' -> 'dose', 'skipped' -> 'skip',
# 'forearms' -> 'forearm', 'awakening' -> 'awaken', 'harmful' -> 'harm'): endings, not words, so code
# ('-er' is left out: 'turner', 'baker', 'walker' are surnames too)
_ENDINGS = (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e", "<")),
            ("ing", ("", "e", "<")), ("ly", ("",)), ("ful", ("",)), ("ness", ("",)), ("ment", ("",)),
            ("al", ("", "e")), ("'s", ("",)), ("ine", ("in",)))
# ('-ine' -> '-in': a drug written the French way, 'amoxicilline', 'warfarine'; "'s": a possessive, "dad's")


# a capitalised word takes only endings that no surname ends with ('Parker', 'Banks', 'Manning' are names)
_NAME_SAFE_ENDINGS = ("ied", "ed", "ly", "ful", "ness", "ment")


# prefixes that make an English word of a known one ('unvaccinated', 'rescheduled', 'nonsmoker', 'overdosed'):
# read only on words in lower case, with five letters at least left ('Reyes', 'Unger' are names)
_PREFIXES = ("un", "re", "non", "pre", "post", "over", "under", "mis", "dis")


def inflected(word: str, known: Words) -> bool:
    """An English word whose stem is a known word (the list holds base forms), perhaps after a prefix."""
    if word.islower() and word.isascii():
        for p in _PREFIXES:
            rest = word[len(p):].lstrip("-")
            if word.startswith(p) and len(rest) >= 5 and (known.has(rest, False) or _inflected(rest, known)):
                return True
    return _inflected(word, known)


def _inflected(word: str, known: Words) -> bool:
    w = word.lower()
    for end, repl in _ENDINGS:
        if word[:1].isupper() and end not in _NAME_SAFE_ENDINGS:
            continue
        if len(w) > len(end) + 2 and w.endswith(end):
            stem = w[:-len(end)]
            for r in repl:
                cand = stem[:-1] if r == "<" and len(stem) > 3 and stem[-1] == stem[-2] else stem + r.strip("<")
                if known.has(cand, False):
                    return True
    return False


def english_here(finder, i: int, L) -> bool:
    """A known English word with two English words that are no Vietnamese syllable near it (three words
    either side): English prose, where 'to', 'the', 'on' are no Vietnamese cue or name syllable ('alo em' is
    Vietnamese: one such word is not enough)."""
    toks, known = finder.ctx.tokens, L["known"]
    w = toks[i][0]
    if not w.isascii() or not known.has(w, True):
        return False
    english = 0
    for k in (i - 3, i - 2, i - 1, i + 1, i + 2, i + 3):
        if 0 <= k < len(toks) and toks[k][3] == "word" and toks[k][0].isascii() and toks[k][0].isalpha() \
                and known.has(toks[k][0], True) and not vietnamese_like(toks[k][0]):
            english += 1
    return english >= 2


def foreign_tails(finder, L) -> None:
    """What belongs to a foreign word removed in lower case: the other half of a hyphenated given name
    ('seung-min', 'wei-lun'), a foreign surname after it ('jianguo sun', 'seung-min han'; names/surnames_foreign.txt),
    and the words of an organisation's name ('sunhaven dental center'; words.yaml org_tails_en)."""
    text, toks, ctx = finder.text, finder.ctx.tokens, finder.ctx
    starts = {t[1]: k for k, t in enumerate(toks)}
    tails, surnames = L["words"]["org_tails_en"], L["foreign_surnames"]
    known, common, stop, marks = L["known"], L["common"], L["stop"], finder.marks
    for c in [c for c in finder.out if c.label == "NAME" and c.explanation.startswith("strict: ")]:
        last = text[c.start:c.end].split()[-1] if text[c.start:c.end].split() else ""
        if not (last.isascii() and last.isalpha() and last.islower() and not vietnamese_like(last)):
            continue  # (only after a foreign word: 'seung', 'jianguo', 'sunhaven')
        e = c.end
        m = re.match(r"-([a-z]{2,5})(?![\w-])", text[e:e + 20])
        if m and not (len(m.group(1)) >= 4 and known.has(m.group(1), False)) and finder.free(e, e + m.end()):
            # ('seung-min': the hyphen and the other half; 'cross-border' is English)
            finder.take(e, e + m.end(), "NAME", "strict: the rest of a foreign name")
            e += m.end()
        k = starts.get(e + 1) if text[e:e + 1] == " " else None
        if k is None or toks[k][3] != "word" or not toks[k][0].isascii() or not toks[k][0].islower() \
                or not finder.free(toks[k][1], toks[k][2]):
            continue
        if toks[k][0] in surnames and not common.has(toks[k][0], marks) and not stop.has(toks[k][0], marks):
            finder.take(toks[k][1], toks[k][2], "NAME", "strict: the rest of a foreign name")
            continue
        if toks[k][0] in L["words"]["foreign_particles"] and k + 1 < len(toks) and ctx.adj[k] \
                and toks[k + 1][3] == "word" and toks[k + 1][0].islower() and fold_lower(toks[k + 1][0]).isascii() \
                and (not finder.free(toks[k + 1][1], toks[k + 1][2]) or not vietnamese_like(toks[k + 1][0])
                     and not known.has(toks[k + 1][0], False)):
            # (a particle between two foreign words of one name: 'médecins du monde', 'jean de la …')
            finder.take_free(toks[k][1], toks[k + 1][2], c.label, "strict: the rest of a foreign name")
            continue
        j = k
        while j < len(toks) and toks[j][3] == "word" and toks[j][0].islower() and toks[j][0] in tails \
                and (j == k or ctx.adj[j - 1]) and finder.free(toks[j][1], toks[j][2]):
            j += 1
        if j > k:
            end = toks[j - 1][2] + (1 if text[toks[j - 1][2]:toks[j - 1][2] + 1] == "." and toks[j - 1][0] in ("co", "ltd", "inc", "corp") else 0)
            finder.take(toks[k][1], end, "ORGANIZATION", "strict: the words of a foreign organisation's name")


def capitalised_org_names(finder, L) -> None:
    """An English organisation word after capitalised words ('MINH TAM PHARMACY', 'Hanbit Global Assist', 'Sao Mai
    Dental Clinic'; words.yaml org_tails_en): the run is an organisation's name from its first given name, surname
    or word in no list on; a run of English words only ('General Hospital',
    'Family Clinic') stays."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    tails = L["words"]["org_tails_en"]
    known, clinical, common = L["known"], L["clinical"], L["common"]

    def cap(k: int) -> bool:
        w = toks[k][0]
        return toks[k][3] == "word" and w.isalpha() and w[:1].isupper()

    for k, (w, s, e, kind) in enumerate(toks):
        if kind != "word" or not cap(k) or not w.isascii() or w.lower() not in tails or len(w) < 4 or k == 0:
            # (compared as written, four letters or more: 'CỔ' is no 'co', 'Co' of 'Co., Ltd' is foreign_tails')
            continue
        j = k
        while j > 0 and k - j < 4 and ctx.adj[j - 1] and cap(j - 1) and (w.isupper() or not toks[j - 1][0].isupper()
                                                                        or len(toks[j - 1][0]) > 1):
            j -= 1
        if j == k:
            continue
        def proper(x: str) -> bool:
            return L["given"].has(x, marks) or L["surnames"].has(x, marks) \
                or not (known.has(x, marks) or clinical.has(x, marks) or common.has(x, marks))

        while j < k and not proper(toks[j][0]):
            j += 1  # (a known word before the name is no part of it: 'Dear | Hanbit Global Assist')
        if j == k:
            continue
        if all(not finder.free(toks[x][1], toks[x][2]) for x in range(j, k + 1)):
            continue
        finder.take_free(toks[j][1], e, "ORGANIZATION", "strict: a name before an English organisation word")

