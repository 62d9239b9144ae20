"""The PHI feature sets of the CRF (`CRFTagger(features="phi")` / `"phi-ext"`).

Per syllable token: the accent-folded syllable, its shape, name-lexicon membership and what the
de-identification rule recognizers said about it and its neighbours (BIO tags of their resolved spans),
so the CRF learns where the rules are right and adds what they miss. The default PHI model shipped in
`resources/deid/model/` uses `phi`; `phi-ext` adds diacritics, gazetteer/cue phrases and a wider window.

Attributes are plain strings (crfsuite's fastest input form): this runs on the de-identification hot path.
The features live here, beside the rules they read; `vimednlp.taggers.crf` imports this module by name
when a CRF uses them (`taggers` stays below `deid`).
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import pairwise

from ..overlap import resolve
from ..text.tokenizer import Token
from .recognizers.base import Candidate, Context
from .recognizers.lexicons import names


def rule_candidates(ctx: Context, labels: Iterable[str] | None = None) -> list[Candidate]:
    """The default rule recognizers' candidates for `ctx` (of `labels` only, when given): the rule
    features at training time and for `predict()`, where no analyzer passes them in."""
    keep = set(labels) if labels is not None else None
    out: list[Candidate] = []
    for r in _recognizers():
        out.extend(c for c in r.analyze(ctx) if keep is None or c.label in keep)
    return out


def doc_features(text: str, labels: Iterable[str] | None, extended: bool = False) -> tuple[list[Token], list[list[str]]]:
    """(tokens, features) of a raw text, the rule recognizers of `labels` run first (training, `predict`)."""
    ctx = Context(text)
    return ctx.tokens, featurize(ctx, rule_candidates(ctx, labels), extended)


@lru_cache(maxsize=1)
def _recognizers() -> tuple:
    from .recognizers import default_recognizers

    return tuple(default_recognizers())


@lru_cache(maxsize=1 << 16)  # a note repeats most of its tokens
def _shape(t: str) -> str:
    if t.isdigit():
        return "d" if len(t) < 3 else ("dd" if len(t) < 6 else "ddd")
    if t.isupper() and len(t) > 1:
        return "XX"
    if t[:1].isupper():
        return "Xx"
    if t.isalpha():
        return "x"
    if any(c.isdigit() for c in t):
        return "mix"
    return t if len(t) == 1 else "p"


def _rule_tags(ctx: Context, cands: Sequence[Candidate]) -> list[str]:
    """BIO tag per token from the resolved rule candidates (the analyzer's overlap policy)."""
    tags = ["O"] * len(ctx.tokens)
    if not cands:
        return tags
    for c in resolve(cands, policy="deid"):
        i = ctx.token_index_at(c.start)
        if i is None:
            # a span starting inside a token: take the token that contains it
            i = bisect.bisect_right([t.start for t in ctx.tokens], c.start) - 1
            if i < 0:
                continue
        first = True
        while i < len(ctx.tokens) and ctx.tokens[i].start < c.end:
            tags[i] = ("B-" if first else "I-") + c.label
            first = False
            i += 1
    return tags


def featurize(ctx: Context, cands: Sequence[Candidate], extended: bool = False) -> list[list[str]]:
    """One list of string attributes per token (crfsuite's fastest input form). `extended` adds
    `_extend`'s features (the shipped model is trained without them)."""
    lex = names()
    sur, mid, giv = lex["surname"], lex["middle"], lex["given"]
    rt = _rule_tags(ctx, cands)
    ft = ctx.ftoks
    n = len(ft)
    shapes = [_shape(t.text) for t in ctx.tokens]
    adj = ctx.adj
    W = ["w=" + w for w in ft]
    SH = ["sh=" + x for x in shapes]
    R = ["r=" + x for x in rt]
    Wm1 = ["w-1=" + w for w in ft]
    SHm1 = ["sh-1=" + x for x in shapes]
    Rm1 = ["r-1=" + x for x in rt]
    Wp1 = ["w+1=" + w for w in ft]
    SHp1 = ["sh+1=" + x for x in shapes]
    Rp1 = ["r+1=" + x for x in rt]
    K = ["k=" + t.kind for t in ctx.tokens]
    Wm2 = ["w-2=" + w for w in ft]
    Wp2 = ["w+2=" + w for w in ft]
    # each adjacent pair once: it is 'w|w+1' of one token, 'w-1|w' of the next and 'w-2|w-1' of the one after
    pairs = [a + "|" + b for a, b in pairwise(ft)]
    P0 = ["w-1|w=" + p for p in pairs]
    P1 = ["w|w+1=" + p for p in pairs]
    P2 = ["w-2|w-1=" + p for p in pairs]
    feats = []
    last = n - 1
    for i in range(n):
        w = ft[i]
        f = [W[i], SH[i], R[i], K[i]]
        if w in sur:
            f.append("sur")
        if w in giv:
            f.append("giv")
        if w in mid:
            f.append("mid")
        if i > 0:
            f += [Wm1[i - 1], SHm1[i - 1], Rm1[i - 1], P0[i - 1]]
            if not adj[i - 1]:
                f.append("gap-1")
        else:
            f.append("BOS")
        if i > 1:
            f += [Wm2[i - 2], P2[i - 2]]
        if i < last:
            f += [Wp1[i + 1], SHp1[i + 1], Rp1[i + 1], P1[i]]
        else:
            f.append("EOS")
        if i < last - 1:
            f.append(Wp2[i + 2])
        feats.append(f)
    if extended:
        _extend(ctx, feats, shapes, rt)
    return feats


class KnownFeatures:
    """`featurize` for a trained model: the same attributes in the same order, less those the model has no
    weight for (crfsuite drops them when tagging, so every score, and so every tag, stays the same), as UTF-8
    bytes. The attributes of each word, shape, rule tag and word pair are made once and kept, instead of once
    per token: this is the tagger's hot path."""

    _MAX_PAIRS = 200_000  # entries kept per cache (a long batch would otherwise grow them without end)

    def __init__(self, known: AbstractSet[str]):
        self.known = known
        self._words: dict[str, tuple] = {}
        self._small: dict[str, dict[str, tuple]] = {"sh": {}, "r": {}, "k": {}}
        self._shapes: dict[str, tuple] = {}  # token text -> its shape's attributes
        self._pairs: dict[tuple[str, str], tuple] = {}
        self._bos, self._eos, self._gap = self._keep("BOS"), self._keep("EOS"), self._keep("gap-1")

    def _keep(self, *attrs: str) -> tuple:
        # (as UTF-8 bytes: pycrfsuite takes them as they are, where it would encode each str on every call)
        k = self.known
        return tuple(a.encode("utf-8") for a in attrs if a in k)

    def _word(self, w: str) -> tuple:
        """(w=, its lexicon flags, w-1=, w+1=, w-2=, w+2=) of a folded syllable, each a tuple of known attributes."""
        if len(self._words) >= self._MAX_PAIRS:
            self._words.clear()
        lex = names()
        flags = [a for a, key in (("sur", "surname"), ("giv", "given"), ("mid", "middle")) if w in lex[key]]
        got = self._words[w] = (self._keep("w=" + w), self._keep(*flags), self._keep("w-1=" + w),
                                self._keep("w+1=" + w), self._keep("w-2=" + w), self._keep("w+2=" + w))
        return got

    def _one(self, name: str, x: str) -> tuple:
        """(name=x, name-1=x, name+1=x) for a shape or a rule tag; ((k=x,),) for a token kind."""
        got = ((self._keep("k=" + x),) if name == "k" else (
            self._keep(name + "=" + x), self._keep(name + "-1=" + x), self._keep(name + "+1=" + x)))
        self._small[name][x] = got
        return got

    def _shape_of(self, text: str) -> tuple:
        """`_one("sh", ...)` of a token's text (its shape, looked up once per distinct token)."""
        shapes = self._shapes
        if len(shapes) >= self._MAX_PAIRS:
            shapes.clear()
        sh = self._small["sh"].get(x := _shape(text)) or self._one("sh", x)
        shapes[text] = sh
        return sh

    def _pair(self, a: str, b: str) -> tuple:
        """(w-1|w=, w|w+1=, w-2|w-1=) of an adjacent pair."""
        pairs = self._pairs
        if len(pairs) >= self._MAX_PAIRS:
            pairs.clear()
        p = a + "|" + b
        got = pairs[(a, b)] = (self._keep("w-1|w=" + p), self._keep("w|w+1=" + p), self._keep("w-2|w-1=" + p))
        return got

    def featurize(self, ctx: Context, cands: Sequence[Candidate]) -> list[list[str]]:
        rt = _rule_tags(ctx, cands)
        ft = ctx.ftoks
        n = len(ft)
        words, pairs, shapes, one = self._words, self._pairs, self._shapes, self._one
        rs, ks = self._small["r"], self._small["k"]
        toks = ctx.tokens
        # (each a look-up in a dict of what was made before; `or` makes it the first time)
        Wd = [words.get(w) or self._word(w) for w in ft]
        SHd = [shapes.get(t[0]) or self._shape_of(t[0]) for t in toks]
        Rd = [rs.get(x) or one("r", x) for x in rt]
        Kd = [ks.get(t[3]) or one("k", t[3]) for t in toks]
        Pd = [pairs.get(ab) or self._pair(*ab) for ab in pairwise(ft)]
        adj = ctx.adj
        bos, eos, gap = self._bos, self._eos, self._gap
        feats: list = [None] * n
        last = n - 1
        # the tokens with two neighbours on each side (all but four): one list display each, in the order below
        no_gap = ()
        for i in range(2, n - 2):
            wd, wl, wr = Wd[i], Wd[i - 1], Wd[i + 1]
            feats[i] = [*wd[0], *SHd[i][0], *Rd[i][0], *Kd[i][0], *wd[1], *wl[2], *SHd[i - 1][1], *Rd[i - 1][1],
                        *Pd[i - 1][0], *(no_gap if adj[i - 1] else gap), *Wd[i - 2][4], *Pd[i - 2][2], *wr[3],
                        *SHd[i + 1][2], *Rd[i + 1][2], *Pd[i][1], *Wd[i + 2][5]]
        for i in ((0, 1, n - 2, n - 1) if n >= 5 else range(n)):
            wd = Wd[i]
            f = [*wd[0], *SHd[i][0], *Rd[i][0], *Kd[i][0], *wd[1]]
            if i > 0:
                f += Wd[i - 1][2]
                f += SHd[i - 1][1]
                f += Rd[i - 1][1]
                f += Pd[i - 1][0]
                if not adj[i - 1]:
                    f += gap
            else:
                f += bos
            if i > 1:
                f += Wd[i - 2][4]
                f += Pd[i - 2][2]
            if i < last:
                f += Wd[i + 1][3]
                f += SHd[i + 1][2]
                f += Rd[i + 1][2]
                f += Pd[i][1]
            else:
                f += eos
            if i < last - 1:
                f += Wd[i + 2][5]
            feats[i] = f
        return feats


# lexicons whose phrase matches become features with `features="ext"` (a phrase of up to 4 tokens)
_GAZ_CUES = ("location_unit", "org_head", "org_names", "professions", "professions_medical", "name_before",
             "location_before", "org_connector", "date_cues")


def _gazetteer_tags(ft: list[str]) -> list[list[str]]:
    """Per token, the lexicons (places by kind, cue lists) a phrase covering it belongs to: gB:kind / gI:kind."""
    from .recognizers.lexicons import cues, places

    pl, cu = places(), cues()
    sets = [(k, pl[k]) for k in ("province", "district", "ward", "foreign")] + [(k, cu[k]) for k in _GAZ_CUES]
    n = len(ft)
    tags: list[list[str]] = [[] for _ in range(n)]
    for kind, lex in sets:
        for L in (4, 3, 2, 1):
            for i in range(n - L + 1):
                if " ".join(ft[i:i + L]) in lex:
                    tags[i].append("gB:" + kind)
                    for j in range(i + 1, i + L):
                        tags[j].append("gI:" + kind)
    return tags


def _extend(ctx: Context, feats: list[list[str]], shapes: list[str], rt: list[str]) -> None:
    """`features="ext"`: the syllable with its diacritics, gazetteer/cue matches of the token and its
    neighbours, shape bigrams and a wider window (+-2 shapes and rule tags, +-3 syllables)."""
    ft = ctx.ftoks
    n = len(ft)
    low = [t.text.lower() for t in ctx.tokens]
    gz = _gazetteer_tags(ft)
    for i, f in enumerate(feats):
        if low[i] != ft[i]:
            f.append("wl=" + low[i])
        f += gz[i]
        if i > 0:
            f += ["-1" + g for g in gz[i - 1]]
            f.append("sh-1|sh=" + shapes[i - 1] + "|" + shapes[i])
        if i < n - 1:
            f += ["+1" + g for g in gz[i + 1]]
            f.append("sh|sh+1=" + shapes[i] + "|" + shapes[i + 1])
        if i > 1:
            f += ["sh-2=" + shapes[i - 2], "r-2=" + rt[i - 2]]
        if i < n - 2:
            f += ["sh+2=" + shapes[i + 2], "r+2=" + rt[i + 2], "w+1|w+2=" + ft[i + 1] + "|" + ft[i + 2]]
        if i > 2:
            f.append("w-3=" + ft[i - 3])
        if i < n - 3:
            f.append("w+3=" + ft[i + 3])
