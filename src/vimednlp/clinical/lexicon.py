"""Lexicon matching over accent-folded syllables: a token trie, longest match first.

Every term is split with the project tokenizer and keyed by its folded lower-case syllables, so
`Tăng huyết áp`, `tang huyet ap` and `TĂNG HUYẾT ÁP` reach the same trie node and offsets stay those
of the input (DESIGN §3). Diacritics still count where the text has them: in a note written with
accents, `họ` (they) does not match the symptom `ho` (cough); in a note written without accents every
folded match is accepted. Short upper-case abbreviations (`SA`, `CT`, `HA`, `TD`) match case-sensitively
so that `sa tử cung` is not an ultrasound.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..text.fold import fold_lower
from ..text.tokenizer import Token

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

# Matching tokens: syllables (with any combining marks), numbers (12,5 stays whole), letter-digit codes
# (SpO2, HbA1c), single punctuation. One regex pass: several times faster than the full clinical
# tokenizer, and every boundary it makes is a syllable or punctuation boundary there too.
_FAST_TOKEN = re.compile(r"\d+(?:[.,]\d+)+(?![\d])|\d+|(?:[^\W\d_][\u0300-\u036f]*)+(?:\d+(?:[^\W\d_][\u0300-\u036f]*)*)*"
                         r"|\.{2,}|[^\w\s]|_")


@lru_cache(maxsize=200_000)
def accent_sig(word: str) -> tuple[str, tuple[str, ...]]:
    """Lower-case form with tone marks pulled out, so `hoà` and `hòa` (tone placement) compare equal."""
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = tuple(sorted(c for c in nfd if c in _TONES))
    rest = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return rest, tones


@lru_cache(maxsize=200_000)
def token_key(word: str) -> str:
    return fold_lower(word)


@lru_cache(maxsize=200_000)
def has_marks(word: str) -> bool:
    return token_key(word) != word.lower()


def is_abbreviation(word: str) -> bool:
    """`SA`, `CT`, `HbA1c`-like forms are case-sensitive when short and written with capitals."""
    letters = [c for c in word if c.isalpha()]
    return 0 < len(letters) <= 5 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1) or (
        len(letters) == 1 and letters[0].isupper())


def is_cancer_letter(label: str, words: Sequence[str]) -> bool:
    """A one-capital-letter abbreviation opening a disease name of two words or more (`K gan` = ung thư gan)."""
    return label == "DISEASE" and len(words) >= 2 and len(words[0]) == 1 and words[0].isupper()


@dataclass
class Entry:
    """One surface form of a concept."""

    label: str
    concept: str
    words: tuple[str, ...]          # the surface syllables as written in the list
    attrs: dict[str, Any] = field(default_factory=dict)
    priority: int = 0               # breaks ties between equal-length matches (higher wins)
    exact: bool | None = None       # force case-sensitive (True) or insensitive (False) matching

    def __post_init__(self) -> None:
        self.sigs = tuple(accent_sig(w) for w in self.words)
        self.marked = tuple(has_marks(w) for w in self.words)
        if self.exact is None:
            self.exact_case = tuple(is_abbreviation(w) for w in self.words)
            if is_cancer_letter(self.label, self.words):
                # `K tụy` typed in a chat without shift (`k tuy`, `k gan`): the letter opening a disease name keeps
                # no case; a test's letter does (`k máu` is không máu, not kali)
                self.exact_case = (False,) + self.exact_case[1:]
        else:
            self.exact_case = (self.exact,) * len(self.words)


@dataclass
class Match:
    start: int          # token index
    end: int            # token index, exclusive
    entry: Entry


class TokenTrie:
    """A trie keyed by folded lower-case syllables; leaves hold the entries written that way."""

    __slots__ = ("root", "size")

    def __init__(self) -> None:
        self.root: dict = {}
        self.size = 0

    def add(self, entry: Entry) -> None:
        node = self.root
        for w in entry.words:
            node = node.setdefault(token_key(w), {})
        node.setdefault("", []).append(entry)
        self.size += 1

    def longest_at(self, words: Sequence[str], keys: Sequence[str], i: int, accented: bool,
                   accept=None) -> Match | None:
        """The longest entry starting at token i whose accents and case fit the text."""
        node = self.root
        best: Match | None = None
        j = i
        n = len(keys)
        while j < n:
            node = node.get(keys[j])
            if node is None:
                break
            j += 1
            leaf = node.get("")
            if leaf:
                for e in leaf:
                    if fits(e, words, i, accented) and (accept is None or accept(e, i, j)):
                        if best is None or best.end < j or e.priority > best.entry.priority:
                            best = Match(i, j, e)
        return best

    def find_all(self, words: Sequence[str], keys: Sequence[str], accented,
                 skip: Sequence[bool] | None = None) -> list[Match]:
        """Leftmost-longest, non-overlapping matches."""
        out: list[Match] = []
        n = len(keys)
        root = self.root
        covered = 0     # tokens before this are inside the last match
        # only the tokens that open some entry are tried (one set test each, no call per token)
        for i in [i for i, k in enumerate(keys) if k in root]:
            if i < covered or (skip and skip[i]):
                continue
            node = root[keys[i]]
            best: Match | None = None
            j = i + 1
            while True:
                if "" in node:
                    for e in node[""]:
                        if fits(e, words, i, accented) and (
                                best is None or best.end < j or e.priority > best.entry.priority):
                            best = Match(i, j, e)
                if j >= n or keys[j] not in node:
                    break
                node = node[keys[j]]
                j += 1
            if best is not None:
                out.append(best)
                covered = best.end
        return out


def fits(e: Entry, words: Sequence[str], i: int, accented) -> bool:
    """Whether entry `e` may match at token i. `accented`: a bool for the whole text, or one per token."""
    if accented.__class__ is not bool:
        accented = accented[i]
    if accented and len(e.words) >= 2 and _typed_without_marks(words, i, len(e.words)):
        # a phrase typed without marks inside a marked sentence (chats switch mid-line: `nếu dau nguc, kho tho
        # thì ...`): read it as unmarked text; two or more lower-case syllables, none marked
        accented = False
    lost = -1
    for k, w in enumerate(e.words):
        t = words[i + k]
        if t == w:
            continue
        if e.exact_case[k]:
            # an abbreviation written in capitals must be in capitals in the text too (`SA`, not `sa`)
            if (w.isupper() and not t.isupper()) or (w.islower() and not t.islower()):
                return False
            if has_marks(t) and accent_sig(t) != e.sigs[k]:
                return False
            continue
        if has_marks(t):
            if accent_sig(t) != e.sigs[k]:
                # OCR or a slip put the wrong marks on one syllable of a longer name whose other marked syllables
                # are all right (`Bẹnh thận mạn`, `Tăng huyêt áp`, `Đái tháo đuòng`): the same terms as a lost mark
                if lost >= 0 or len(e.words) < 3 or len(t) < 3 or not e.marked[k]:
                    return False
                lost = k
        elif accented and e.marked[k] and not t.isupper():
            # a note written with accents: a bare `ho` is not `hộ`; only all-caps text may drop them ... except one
            # syllable of a longer name whose other marked syllables are all written right (OCR or a slip lost its
            # marks: `tràn dịch khop`, `viêm da day`)
            if lost >= 0 or len(e.words) < 3 or len(t) < 3:
                return False
            lost = k
    if lost >= 0:
        marked_ok = sum(1 for k in range(len(e.words)) if k != lost and e.marked[k])
        return marked_ok >= 2
    return True


def _typed_without_marks(words: Sequence[str], i: int, n: int) -> bool:
    for k in range(i, i + n):
        t = words[k]
        if not t.islower() or has_marks(t):
            return False
    return True


def split_words(term: str) -> tuple[str, ...]:
    """A lexicon term as matching tokens (the same tokenization as `TokenView`)."""
    return tuple(_FAST_TOKEN.findall(term))


def doc_is_accented(words: Iterable[str]) -> bool:
    """True when the text is written with diacritics (at least 1 in 8 alphabetic syllables carry marks)."""
    alpha = marked = 0
    for w in words:
        if w[:1].isalpha():
            alpha += 1
            if has_marks(w):
                marked += 1
    return alpha > 0 and marked * 8 >= alpha


def _accented_by_sentence(text: str, starts: list[int]) -> list[bool]:
    """Per token: is its sentence written with diacritics? (A note may mix both ways of typing.)"""
    out = [True] * len(starts)
    for m in _SENTENCE.finditer(text):
        seg = m.group()
        alpha = len(_ALPHA_RUN.findall(seg))
        if alpha and len(_NON_ASCII_LETTER.findall(seg)) * 8 < alpha:
            a = bisect.bisect_left(starts, m.start())
            b = bisect.bisect_left(starts, m.end())
            out[a:b] = [False] * (b - a)
    return out


_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")
_ALPHA_RUN = re.compile(r"[^\W\d_]+")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")


class _Tokens:
    """A light sequence of Token records built on demand (the matchers use plain offsets)."""

    __slots__ = ("spans", "words")

    def __init__(self, spans: list[tuple[int, int]], words: list[str]):
        self.spans, self.words = spans, words

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> Token:
        s, e = self.spans[i]
        return Token(self.words[i], s, e)

    def __iter__(self):
        for i in range(len(self.spans)):
            yield self[i]


@dataclass
class TokenView:
    """Tokens of a text with the per-token data the matchers need."""

    text: str
    tokens: list[Token]
    words: list[str]
    keys: list[str]
    accented: bool
    line_break_before: list[bool]

    @classmethod
    def of(cls, text: str) -> TokenView:
        spans = [m.span() for m in _FAST_TOKEN.finditer(text)]
        words = [text[s:e] for s, e in spans]
        starts = [s for s, _ in spans]
        folded = fold_lower(text)           # same length as text: keys are slices of it
        keys = [folded[s:e] for s, e in spans]
        nl = [False] * len(spans)
        pos = text.find("\n")
        while pos != -1:
            k = bisect.bisect_right(starts, pos)
            if k < len(nl):
                nl[k] = True
            pos = text.find("\n", pos + 1)
        n_alpha = len(_ALPHA_RUN.findall(text))
        accented = n_alpha > 0 and len(_NON_ASCII_LETTER.findall(text)) * 8 >= n_alpha
        view = cls(text, _Tokens(spans, words), words, keys, accented, nl)
        view._starts = starts
        view.folded = folded
        view.acc = _accented_by_sentence(text, starts) if accented else [False] * len(words)
        return view

    def char_to_token(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range covering [start, end) (expanding to token bounds); None if no token inside."""
        starts = self._starts
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or self.tokens.spans[i][1] <= start:
            i += 1
        j = bisect.bisect_left(starts, end)
        if i >= j:
            return None
        return i, j
