"""Token features for the CRF: form, accent-folded form, shape, affixes, a ±2 window, bigrams,
gazetteer (lexicon) hits with their B/I position, and word-segmentation boundaries."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from ..text.fold import fold_lower
from ..text.tokenizer import Token, tokenize

_SHAPE_SUBS = [(re.compile(r"[A-ZĐÀ-Ỹ]"), "X"), (re.compile(r"[a-zđà-ỹ]"), "x"), (re.compile(r"\d"), "d")]


def shape(word: str) -> str:
    """`Hà` -> `Xx`, `BN91` -> `XXdd`, `39,5` -> `dd,d` (characters mapped by class, runs kept)."""
    out = []
    for ch in word:
        if ch.isdigit():
            out.append("d")
        elif ch.isalpha():
            out.append("X" if ch.isupper() else "x")
        else:
            out.append(ch)
    return "".join(out)


def short_shape(word: str) -> str:
    """`shape` with runs collapsed: `BN91` -> `Xd`, `Nguyễn` -> `Xx`."""
    s = shape(word)
    return re.sub(r"(.)\1+", r"\1", s)


def phrase_key(phrase: str) -> str:
    """A gazetteer phrase as the matcher sees it: tokens, folded and lower-cased, joined by spaces."""
    return " ".join(fold_lower(t.text) for t in tokenize(unicodedata.normalize("NFC", phrase)))


def compile_gazetteers(gazetteers: Mapping[str, Iterable[str]] | None) -> tuple[dict[str, set[str]], int]:
    """Normalize every phrase with `phrase_key`; return the table and the longest phrase length in tokens."""
    table: dict[str, set[str]] = {}
    longest = 0
    for label, phrases in (gazetteers or {}).items():
        keys = {k for k in (phrase_key(p) for p in phrases) if k}
        table[str(label)] = keys
        for k in keys:
            longest = max(longest, k.count(" ") + 1)
    return table, min(longest, 12)


def gazetteer_tags(folded: Sequence[str], table: Mapping[str, set[str]], longest: int) -> list[list[str]]:
    """For each token, `LABEL:B` / `LABEL:I` for the longest phrase of each label covering it."""
    n = len(folded)
    out: list[list[str]] = [[] for _ in range(n)]
    if not table or not n:
        return out
    for label, keys in table.items():
        i = 0
        marks = [""] * n
        while i < n:
            hit = 0
            for L in range(min(longest, n - i), 0, -1):
                if " ".join(folded[i:i + L]) in keys:
                    hit = L
                    break
            if hit:
                marks[i] = "B"
                for j in range(i + 1, i + hit):
                    marks[j] = "I"
                i += hit
            else:
                i += 1
        for j, m in enumerate(marks):
            if m:
                out[j].append(f"{label}:{m}")
    return out


def _basic(tok: str) -> dict[str, object]:
    low = tok.lower()
    return {
        "low": low,
        "fold": fold_lower(tok),
        "shape": short_shape(tok),
        "title": tok[:1].isupper() and not tok.isupper(),
        "upper": tok.isupper(),
        "digit": tok.isdigit(),
    }


def sentence_features(tokens: Sequence[Token], gaz: list[list[str]] | None = None,
                      words: list[tuple[int, str]] | None = None, window: int = 2) -> list[dict[str, object]]:
    """One feature dict per token (crfsuite format: str -> str/bool/float)."""
    texts = [t.text for t in tokens]
    basics = [_basic(t) for t in texts]
    n = len(texts)
    # the segmented word each token belongs to, folded (`benh_vien`)
    word_text: list[str] = []
    if words is not None:
        groups: dict[int, list[int]] = {}
        for i, (w, _) in enumerate(words):
            groups.setdefault(w, []).append(i)
        for i, (w, _) in enumerate(words):
            word_text.append("_".join(basics[j]["low"] for j in groups[w]))  # type: ignore[misc]
    feats: list[dict[str, object]] = []
    for i, tok in enumerate(texts):
        b = basics[i]
        low = b["low"]
        f: dict[str, object] = {
            "bias": 1.0,
            "w": low,
            "f": b["fold"],
            "sh": b["shape"],
            "lsh": shape(tok)[:8],
            "kind": tokens[i].kind,
            "p1": low[:1], "p2": low[:2], "p3": low[:3],  # type: ignore[index]
            "s1": low[-1:], "s2": low[-2:], "s3": low[-3:],  # type: ignore[index]
            "title": b["title"], "upper": b["upper"], "digit": b["digit"],
            "hasdigit": any(c.isdigit() for c in tok),
            "len": min(len(tok), 8),
            "diacritic": b["fold"] != low,
        }
        if i == 0:
            f["BOS"] = True
        if i == n - 1:
            f["EOS"] = True
        for d in range(1, window + 1):
            for sign, j in (("-", i - d), ("+", i + d)):
                if 0 <= j < n:
                    bj = basics[j]
                    f[f"{sign}{d}w"] = bj["low"]
                    f[f"{sign}{d}f"] = bj["fold"]
                    f[f"{sign}{d}sh"] = bj["shape"]
                    f[f"{sign}{d}title"] = bj["title"]
                else:
                    f[f"{sign}{d}w"] = "<pad>"
        prev_low = basics[i - 1]["low"] if i > 0 else "<s>"
        next_low = basics[i + 1]["low"] if i + 1 < n else "</s>"
        f["bg-"] = f"{prev_low}|{low}"
        f["bg+"] = f"{low}|{next_low}"
        f["bgf-"] = f"{basics[i - 1]['fold'] if i > 0 else '<s>'}|{b['fold']}"
        f["bgf+"] = f"{b['fold']}|{basics[i + 1]['fold'] if i + 1 < n else '</s>'}"
        f["tg"] = f"{prev_low}|{low}|{next_low}"
        f["shctx"] = f"{basics[i - 1]['shape'] if i > 0 else '<s>'}|{b['shape']}|" \
                     f"{basics[i + 1]['shape'] if i + 1 < n else '</s>'}"
        if gaz is not None:
            for g in gaz[i]:
                f["gz:" + g] = True
            for sign, j in (("-", i - 1), ("+", i + 1)):
                if 0 <= j < n:
                    for g in gaz[j]:
                        f[f"{sign}gz:" + g] = True
        if words is not None:
            f["wpos"] = words[i][1]
            f["word"] = word_text[i]
            f["wlen"] = min(word_text[i].count("_") + 1, 4)
            for sign, j in (("-", i - 1), ("+", i + 1)):
                if 0 <= j < n:
                    f[f"{sign}word"] = word_text[j]
                    f[f"{sign}wpos"] = words[j][1]
        feats.append(f)
    return feats
