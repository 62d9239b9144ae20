"""What every recognizer shares: the analysis context (text, folded text, tokens) and cue look-ups."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...text.fold import fold_lower
from ...text.tokenizer import tokenize


@dataclass
class Candidate:
    """A proposed PHI span before overlap resolution. `explanation` never holds the PHI text."""

    start: int
    end: int
    label: str
    score: float
    source: str
    explanation: str
    attrs: dict = field(default_factory=dict)


def _joined_tokens(phrase: str) -> str:
    """The phrase's tokens joined by one space."""
    words = phrase.split()
    if all(w.isalpha() for w in words):  # (most lexicon entries: each word is one token, as `tokenize` has it)
        return " ".join(words)
    return " ".join(t.text for t in tokenize(phrase))


def phrase_key(phrase: str) -> str:
    """A cue phrase as the analyzer sees it: folded, lower-case tokens joined by one space."""
    return fold_lower(_joined_tokens(phrase))


def phrase_set(phrases: Iterable[str]) -> PhraseSet:
    """Keys as written (lower case, with diacritics) and folded: a token with diacritics must match
    exactly (`cầu` is not `cậu`), a token without them matches the folded form (`cau`)."""
    out = set()
    for p in phrases:
        if p.strip():
            # tokenization depends on case ('ThS.BS' is one token, 'ths.bs' three): key both spellings
            for v in (p, p.upper()):
                out.add(phrase_key(v))
                out.add(_joined_tokens(v).lower())
    return PhraseSet(out)


def _index(phrases) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """For a phrase collection: first token -> phrase lengths and last token -> phrase lengths, longest
    first. Stored on the collection itself (PhraseSet / Gazetteer) so a look-up costs one attribute."""
    got = getattr(phrases, "_idx", None)
    if got is None:
        first: dict[str, set] = {}
        last: dict[str, set] = {}
        for p in phrases:
            parts = p.split(" ")
            first.setdefault(parts[0], set()).add(len(parts))
            last.setdefault(parts[-1], set()).add(len(parts))
        got = ({k: sorted(v, reverse=True) for k, v in first.items()},
               {k: sorted(v, reverse=True) for k, v in last.items()})
        try:
            phrases._idx = got
        except AttributeError:  # a plain frozenset/dict: wrap it once with PhraseSet/Gazetteer instead
            raise TypeError("cue look-ups need a PhraseSet or Gazetteer (see recognizers.base)") from None
    return got


_DIGIT_RUN = re.compile(r"\d+")


def digit_run_starts(ctx: Context) -> list[int]:
    """Offsets where a run of digits starts in the document (computed once per document)."""
    got = ctx._cache.get("digit_run_starts")
    if got is None:
        got = ctx._cache["digit_run_starts"] = [m.start() for m in _DIGIT_RUN.finditer(ctx.folded)]
    return got


def finditer_at(rx: re.Pattern, text: str, starts: list[int]):
    r"""The matches of `rx.finditer(text)` for a pattern whose matches can only start at one of `starts`
    (sorted): `rx.match` at each start instead of a try at every character. A pattern that begins with a
    digit behind a look-behind excluding letters and digits (`(?<![\w/])\d{1,2}h`) qualifies with the
    digit-run starts: most of a note is letters, so this is several times faster than scanning."""
    end, match = 0, rx.match
    for p in starts:
        if p >= end:
            m = match(text, p)
            if m is not None:
                yield m
                end = m.end()


class Taken:
    """Characters already claimed by a recognizer's own spans: O(span) checks, not O(spans)."""

    __slots__ = ("mask",)

    def __init__(self, n: int):
        self.mask = bytearray(n + 1)

    def free(self, s: int, e: int) -> bool:
        return self.mask.find(1, s, e) < 0

    def add(self, s: int, e: int) -> None:
        self.mask[s:e] = b"\x01" * (e - s)

    def append(self, se: tuple[int, int]) -> None:
        self.add(*se)


class PhraseSet(frozenset):
    """A frozenset of phrase keys that carries its first/last-token index."""

    _idx = None


class Gazetteer(dict):
    """Phrase key -> kind, with its first/last-token index."""

    _idx = None


class Context:
    """Text prepared once for all recognizers. `folded` has the same length as `text`."""

    __slots__ = ("_cache", "_starts", "adj", "caps", "diacritics", "folded", "ftoks", "ktoks", "n_cap_words", "n_words",
                 "text", "tokens", "upper_doc")

    def __init__(self, text: str):
        self.text = text
        folded = fold_lower(text)
        if len(folded) != len(text):  # a letter whose lower case changes length: fold one by one
            folded = "".join(c if len(fold_lower(c)) != 1 else fold_lower(c) for c in text)
        self.folded = folded
        toks = self.tokens = tokenize(text)
        # (the token tuples unpacked once, in one pass: NamedTuple attribute access costs in per-token loops)
        texts, starts, ends, kinds = zip(*toks) if toks else ((), (), (), ())
        self.ftoks: list[str] = [folded[s:e] for s, e in zip(starts, ends)]
        lowered = list(map(str.lower, texts))
        is_word = [k == "word" for k in kinds]
        n_words = sum(is_word)
        with_marks = sum([f != w for f, w, isw in zip(self.ftoks, lowered, is_word) if isw])
        # text written with diacritics (most Vietnamese syllables carry one): cues must match exactly,
        # so `chợ` (market) is not `cho` (give); text without them matches on folded forms
        self.diacritics = n_words > 0 and with_marks / n_words > 0.2
        self.ktoks: list[str] = lowered if self.diacritics else self.ftoks
        # a document (or most of it) written in capitals: capitalisation says nothing about names
        n_letters = sum(map(str.isalpha, text))
        upper = sum(map(str.isupper, text))  # cased characters are letters (bar rare symbols such as Ⓐ)
        self.upper_doc = n_letters > 0 and upper / n_letters > 0.6
        self._starts: dict[int, int] | None = None
        self._cache: dict = {}
        self.caps: list[bool] = [w[:1].isupper() for w in texts]
        self.n_words = n_words  # word tokens, and how many of them start with a capital
        self.n_cap_words = sum([c and isw for c, isw in zip(self.caps, is_word)])
        self.adj: list[bool] = [s == e or (s - e <= 2 and "\n" not in text[e:s]) for e, s in zip(ends, starts[1:])]

    def token_index_at(self, char: int) -> int | None:
        if self._starts is None:
            self._starts = {t[1]: i for i, t in enumerate(self.tokens)}  # (t[1]: the start, without the property)
        return self._starts.get(char)

    def adjacent(self, i: int, j: int) -> bool:
        """Tokens i and j (j = i + 1) are separated by spaces only, not a line break."""
        return self.adj[i]

    def cue_before(self, i: int, cues: frozenset[str], max_len: int = 5, skip: str = ":.-,(") -> str | None:
        """The cue phrase that ends right before token i (punctuation such as ':' may sit between)."""
        k = i
        ft = self.ftoks
        while skip and k > 0 and i - k < 2 and len(ft[k - 1]) == 1 and ft[k - 1] in skip:
            k -= 1
        if k == 0:
            return None
        lengths = (cues._idx or _index(cues))[1].get(self.ktoks[k - 1])
        if not lengths:
            return None
        adj, kt = self.adj, self.ktoks
        for n in lengths:
            if n > k or n > max_len:
                continue
            if n > 1 and not all(adj[k - n:k - 1]):
                continue
            key = " ".join(kt[k - n:k]) if n > 1 else kt[k - 1]
            if key in cues:
                return key
        return None

    def match_at(self, i: int, phrases, folded: bool = False) -> int:
        """End (exclusive) of the longest phrase of `phrases` starting at token i, or i. `phrases` is a
        cue set (matched on ktoks) or a gazetteer dict (matched on folded tokens, folded=True)."""
        toks = self.ftoks if folded else self.ktoks
        lengths = (phrases._idx or _index(phrases))[0].get(toks[i])
        if not lengths:
            return i
        adj = self.adj
        n_tok = len(toks)
        for n in lengths:
            e = i + n
            if e > n_tok or (n > 1 and not all(adj[i:e - 1])):
                continue
            if (" ".join(toks[i:e]) if n > 1 else toks[i]) in phrases:
                return e
        return i

    def is_cap(self, i: int) -> bool:
        return self.caps[i]


class Recognizer:
    """One identifier type. Subclasses set `name`, `labels` and implement `analyze`."""

    name: str = "recognizer"
    labels: tuple[str, ...] = ()

    def analyze(self, ctx: Context) -> list[Candidate]:  # pragma: no cover - interface
        raise NotImplementedError
