"""Word segmentation with offsets: underthesea underneath, a medical-compound dictionary on top.

underthesea's ``word_tokenize`` returns strings without offsets and normalizes the text silently,
so its words are re-aligned to our syllable tokens by comparing folded, lower-cased characters
(difflib when they disagree). Two rules then hold whatever underthesea said:

- a word only joins syllables (letter tokens); ``BN1234 đo`` is never one word;
- compounds of the medical dictionary (``resources/text/medical_compounds.txt``), matched on folded
  text so ``dai thao duong`` works too, are one word; the longest match wins.

The syllable tokens are those of :func:`vimednlp.text.tokenize`; words are runs of them.
"""
from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..paths import resource_path
from .fold import fold_lower
from .sentences import split_sentences
from .tokenizer import Token, tokenize

COMPOUNDS_FILE = "medical_compounds.txt"


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


def _key(s: str) -> str:
    return fold_lower(unicodedata.normalize("NFC", s))


def load_compounds(path=None) -> list[str]:
    """Compounds (one per line, ``#`` comments) from ``path`` or the bundled list."""
    p = path or resource_path("text", COMPOUNDS_FILE)
    out = []
    with open(p, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(unicodedata.normalize("NFC", line))
    return out


class CompoundDictionary:
    """Compounds keyed by their lower-cased syllables, and by their folded syllables.

    A window of tokens that carries diacritics must match a compound exactly (so ``đã đầy`` is not
    ``dạ dày``); a window without any diacritics matches on folded form (``dai thao duong``).
    """

    def __init__(self, compounds: Iterable[str]):
        self.entries: dict[tuple[str, ...], str] = {}  # folded key -> compound
        self.exact: set[tuple[str, ...]] = set()
        for c in compounds:
            low = tuple(unicodedata.normalize("NFC", c).lower().split())
            key = tuple(_key(c).split())
            if len(key) >= 2:
                self.entries.setdefault(key, c)
                self.exact.add(low)
        self.max_len = max((len(k) for k in self.entries), default=0)

    def __contains__(self, text: str) -> bool:
        return tuple(_key(text).split()) in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def matches(self, keys: Sequence[str | None], lowers: Sequence[str | None] | None = None
                ) -> list[tuple[int, int]]:
        """Greedy longest matches ``(i, j)`` over token keys (folded; None = not a syllable).

        ``lowers`` (NFC lower-cased tokens) enables exact matching for windows with diacritics.
        """
        out = []
        i = 0
        n = len(keys)
        while i < n:
            found = 0
            if keys[i] is not None:
                for L in range(min(self.max_len, n - i), 1, -1):
                    window = keys[i:i + L]
                    if None in window or tuple(window) not in self.entries:
                        continue
                    if lowers is not None:
                        low = tuple(lowers[i:i + L])
                        if low != tuple(window) and low not in self.exact:
                            continue  # has diacritics, and not these ones
                    found = L
                    break
            if found:
                out.append((i, i + found))
                i += found
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def default_dictionary() -> CompoundDictionary:
    return CompoundDictionary(load_compounds())


_WORD_TOKENIZE = None


def _load_word_tokenize():
    """underthesea's ``word_tokenize`` without running ``underthesea/__init__.py``.

    That ``__init__`` eagerly imports its translation pipeline (transformers and torch: ~15 s). When
    underthesea is not imported yet, its package is registered unexecuted just long enough to load
    the word-segmentation module and its CRF model, then every ``underthesea*`` module loaded here is
    dropped from ``sys.modules``, so a later ``import underthesea`` anywhere runs the real package
    from scratch. Our function keeps its own module globals (model included) alive.
    """
    global _WORD_TOKENIZE
    if _WORD_TOKENIZE is not None:
        return _WORD_TOKENIZE
    import importlib
    import importlib.util
    import sys

    if "underthesea" in sys.modules:
        from underthesea import word_tokenize

        _WORD_TOKENIZE = word_tokenize
        return word_tokenize
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("word segmentation needs underthesea: pip install underthesea")
    before = {k for k in sys.modules if k == "underthesea" or k.startswith("underthesea.")}
    sys.modules["underthesea"] = importlib.util.module_from_spec(spec)
    try:
        importlib.import_module("underthesea.pipeline.text_normalize")  # the package's own order
        mod = importlib.import_module("underthesea.pipeline.word_tokenize")
        mod.word_tokenize("khởi động")  # loads the CRF model now (a lazy import inside)
    finally:
        for k in [k for k in sys.modules if (k == "underthesea" or k.startswith("underthesea."))
                  and k not in before]:
            del sys.modules[k]
    _WORD_TOKENIZE = mod.word_tokenize
    return _WORD_TOKENIZE


def _underthesea_groups(text: str, tokens: list[Token]) -> list[int]:
    """For each token, the index of the underthesea word holding its first character."""
    words = _load_word_tokenize()(text)
    a_chars: list[str] = []
    a_tok: list[int] = []
    for ti, t in enumerate(tokens):
        k = _key(t.text).replace(" ", "")
        a_chars.extend(k)
        a_tok.extend([ti] * len(k))
    b_chars: list[str] = []
    b_word: list[int] = []
    for wi, w in enumerate(words):
        k = "".join(_key(w).split())
        b_chars.extend(k)
        b_word.extend([wi] * len(k))
    group = [-1] * len(tokens)
    a_str, b_str = "".join(a_chars), "".join(b_chars)
    if a_str == b_str:
        pairs: Iterable[tuple[int, int]] = zip(range(len(a_str)), range(len(b_str)))
    else:
        sm = difflib.SequenceMatcher(None, a_str, b_str, autojunk=False)
        pairs = (
            (blk.a + k, blk.b + k) for blk in sm.get_matching_blocks() for k in range(blk.size)
        )
    for ai, bi in pairs:
        ti = a_tok[ai]
        if group[ti] == -1:
            group[ti] = b_word[bi]
    # unmatched tokens get their own group
    nxt = len(words)
    for ti, g in enumerate(group):
        if g == -1:
            group[ti] = nxt
            nxt += 1
    return group


def word_ids(
    text: str,
    tokens: list[Token] | None = None,
    *,
    dictionary: CompoundDictionary | None = None,
    use_underthesea: bool = True,
) -> list[int]:
    """For each token of ``tokenize(text)``, the index of the word it belongs to (0, 1, 2, ...)."""
    toks = tokens if tokens is not None else tokenize(text)
    if not toks:
        return []
    dic = dictionary if dictionary is not None else default_dictionary()
    is_syl = [t.kind == "word" for t in toks]
    if use_underthesea:
        # one underthesea call per sentence: small alignments, and words never cross sentences
        groups = [-1] * len(toks)
        next_id = 0
        ti = 0
        for s_start, s_end in split_sentences(text):
            first = ti
            while ti < len(toks) and toks[ti].start < s_end:
                ti += 1
            if ti == first:
                continue
            sent_groups = _underthesea_groups(text[s_start:s_end], [
                Token(t.text, t.start - s_start, t.end - s_start, t.kind) for t in toks[first:ti]
            ])
            for k, g in enumerate(sent_groups):
                groups[first + k] = next_id + g
            next_id += max(sent_groups) + 1
        for k in range(ti, len(toks)):  # pragma: no cover - sentences cover every token
            groups[k] = next_id + k
    else:
        groups = list(range(len(toks)))
    # joins only between syllables, only when both come from the same underthesea word
    joined = [False] * len(toks)  # joined[i]: token i continues the word of token i-1
    for i in range(1, len(toks)):
        joined[i] = is_syl[i] and is_syl[i - 1] and groups[i] == groups[i - 1]
    # the compound dictionary overrides underthesea in both directions
    keys = [_key(t.text) if s else None for t, s in zip(toks, is_syl)]
    lowers = [unicodedata.normalize("NFC", t.text).lower() if s else None for t, s in zip(toks, is_syl)]
    for i, j in dic.matches(keys, lowers):
        joined[i] = False
        for k in range(i + 1, j):
            joined[k] = True
        if j < len(toks):
            joined[j] = False
    ids = []
    cur = -1
    for i in range(len(toks)):
        if not joined[i]:
            cur += 1
        ids.append(cur)
    return ids


def word_segment(
    text: str, *, dictionary: CompoundDictionary | None = None, use_underthesea: bool = True
) -> list[Word]:
    """Words with code-point offsets into ``text``; a word's text is ``text[start:end]``."""
    toks = tokenize(text)
    ids = word_ids(text, toks, dictionary=dictionary, use_underthesea=use_underthesea)
    words: list[Word] = []
    for t, wid in zip(toks, ids):
        if wid == len(words):
            words.append(Word(t.text, t.start, t.end))
        else:
            w = words[-1]
            words[-1] = Word(text[w.start:t.end], w.start, t.end)
    return words


def segment_tokens(text: str, **kwargs) -> list[str]:
    """Words with their syllables joined by ``_`` (PhoBERT-style input): ``bệnh_nhân``."""
    return ["_".join(w.text.split()) for w in word_segment(text, **kwargs)]


def set_doc_words(doc, **kwargs):
    """Set ``token._.word`` (index of the segmented word) on every non-space token of a spaCy Doc."""
    from ..schema import register_extensions

    register_extensions()
    toks = [Token(t.text, t.idx, t.idx + len(t.text), "word") for t in doc if not t.is_space]
    # recompute kinds with our tokenizer when offsets agree (the Doc came from ClinicalTokenizer)
    ours = {(t.start, t.end): t for t in tokenize(doc.text)}
    toks = [ours.get((t.start, t.end), t) for t in toks]
    ids = word_ids(doc.text, toks, **kwargs)
    it = iter(ids)
    for t in doc:
        t._.word = None if t.is_space else next(it)
    return doc
