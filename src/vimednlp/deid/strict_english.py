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


# an English word's regular endings and the stems they leave ('doses' -> 'dose', 'skipped' -> 'skip',
# 'forearms' -> 'forearm', 'awakening' -> 'awaken', 'harmful' -> 'harm'): endings, not words, so code
# ('-er' is left out: 'turner', 'baker', 'walker' are surnames too)
_ENDINGS = (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e", "<")),
            ("ing", ("", "e", "<")), ("ly", ("",)), ("ful", ("",)), ("ness", ("",)), ("ment", ("",)),
            ("al", ("", "e")))


# a capitalised word takes only endings that no surname ends with ('Parker', 'Banks', 'Manning' are names)
_NAME_SAFE_ENDINGS = ("ied", "ed", "ly", "ful", "ness", "ment")


def inflected(word: str, known: Words) -> bool:
    """An English word whose stem is a known word (the list holds base forms)."""
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
