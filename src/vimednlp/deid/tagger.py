"""The statistical PHI tagger: a linear-chain CRF (sklearn-crfsuite) over syllable tokens.

Features are the syllable (accent-folded), its shape, name-lexicon membership, and what the rule
recognizers said about it and its neighbours, so the CRF learns where rules are right and adds what
they miss. It is trained from `schema.Document` records (`PhiTagger.fit`). The default model shipped
in `resources/deid/model/` is trained only on data the project owns: its synthetic corpus plus the
hand-written development notes, never the hand-written test notes (`corpora/synthetic/train_default_model.py`).
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from ..paths import resource_path
from ..schema import PHI_LABELS, Document
from .recognizers.base import Candidate, Context
from .recognizers.lexicons import names

log = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = resource_path("deid", "model")
MODEL_FILE = "phi_crf.crfsuite"
META_FILE = "meta.json"


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
    """BIO tag per token from the resolved rule candidates."""
    from .analyzer import resolve

    tags = ["O"] * len(ctx.tokens)
    if not cands:
        return tags
    for c in resolve(cands):
        i = ctx.token_index_at(c.start)
        if i is None:
            # a span starting inside a token: take the token that contains it
            import bisect

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
    pairs = [a + "|" + b for a, b in zip(ft, ft[1:])]
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


def bio_labels(ctx: Context, spans) -> list[str]:
    tags = ["O"] * len(ctx.tokens)
    for s in sorted(spans, key=lambda s: s.start):
        if s.label not in PHI_LABELS:
            continue
        first = True
        for i, t in enumerate(ctx.tokens):
            if t.end <= s.start or t.start >= s.end:
                continue
            tags[i] = ("B-" if first else "I-") + s.label
            first = False
    return tags


class PhiTagger:
    """CRF PHI tagger. `fit(docs)`, `candidates(ctx, rule_cands)`, `save(dir)`, `load(dir|'default')`.

    features: "base" (the shipped model's) or "ext" (`featurize(extended=True)`: diacritics, gazetteers, wider
        window); saved in the model's meta.
    min_prob: None decodes the best tag sequence (Viterbi); a number marks every token whose marginal
        probability of being PHI (1 - P(O)) reaches it, labelled by its most probable PHI label: a
        recall/precision knob for a tagger trained on the target scheme.
    """

    def __init__(self, c1: float = 0.05, c2: float = 0.05, max_iterations: int = 100, labels: Iterable[str] | None = None,
                 features: str = "base", min_prob: float | None = None):
        if features not in ("base", "ext"):
            raise ValueError(f"features must be 'base' or 'ext', got {features!r}")
        self.c1, self.c2, self.max_iterations = c1, c2, max_iterations
        self.labels = tuple(labels) if labels else PHI_LABELS
        self.features = features
        self.min_prob = min_prob
        self.crf = None
        # score of the tagger's spans: below the rules' (0.75-0.95) so rules win overlaps by default
        self.score = 0.6
        self._model_path: Path | None = None
        self.meta: dict = {}

    # --- training --------------------------------------------------------------------------------
    @staticmethod
    def _rule_candidates(ctx: Context) -> list[Candidate]:
        from .analyzer import _recognizers

        out: list[Candidate] = []
        for r in _recognizers():
            out.extend(r.analyze(ctx))
        return out

    def fit(self, docs: Iterable[Document], *, progress: bool = False, workdir: str | Path | None = None) -> PhiTagger:
        import tempfile

        import pycrfsuite  # installed with sklearn-crfsuite

        X, Y = [], []
        it = docs
        if progress:
            from tqdm import tqdm

            it = tqdm(docs, desc="featurize", unit="doc")
        n_docs = 0
        for d in it:
            if not d.text.strip():
                continue
            ctx = Context(d.text)
            # rule features as at inference, where the analyzer passes only candidates of its labels
            rc = [c for c in self._rule_candidates(ctx) if c.label in self.labels]
            X.append(featurize(ctx, rc, self.features == "ext"))
            Y.append([t if t == "O" or t[2:] in self.labels else "O" for t in bio_labels(ctx, d.spans)])
            n_docs += 1
        if not X:
            raise ValueError("PhiTagger.fit: no non-empty documents to train on")
        trainer = pycrfsuite.Trainer(verbose=False)
        for x, y in zip(X, Y):
            trainer.append(x, y)
        trainer.set_params({"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
                            "feature.possible_transitions": False})
        tmp = Path(workdir or tempfile.mkdtemp(prefix="vimednlp-crf-"))
        tmp.mkdir(parents=True, exist_ok=True)
        trainer.train(str(tmp / MODEL_FILE))
        self._model_path = tmp / MODEL_FILE
        self.crf = pycrfsuite.Tagger()
        self.crf.open(str(self._model_path))
        self.meta = {"docs": n_docs, "labels": list(self.labels), "c1": self.c1, "c2": self.c2,
                     "max_iterations": self.max_iterations, "features": self.features}
        return self

    # --- inference -------------------------------------------------------------------------------
    def predict_tags(self, ctx: Context, rule_cands: Sequence[Candidate]) -> list[str]:
        if self.crf is None:
            raise RuntimeError("PhiTagger has no model: call fit() or load() first")
        if not ctx.tokens:
            return []
        return self.crf.tag(featurize(ctx, rule_cands, self.features == "ext"))

    def _threshold_tags(self, n: int) -> list[str]:
        """Tags from the marginals of the last tagged sequence: PHI where 1 - P(O) >= min_prob."""
        labels = [x for x in self.crf.labels() if x != "O"]
        kinds = sorted({x[2:] for x in labels})
        out: list[str] = []
        prev = "O"
        for t in range(n):
            if 1.0 - self.crf.marginal("O", t) < self.min_prob:
                prev = "O"
                out.append(prev)
                continue
            score = {k: sum(self.crf.marginal(p + k, t) for p in ("B-", "I-") if p + k in labels) for k in kinds}
            k = max(score, key=score.get)
            b = self.crf.marginal("B-" + k, t) if "B-" + k in labels else 0.0
            # a new entity where the label changes or B- is the likelier half
            prev = ("I-" if prev[2:] == k and b <= score[k] / 2 else "B-") + k
            out.append(prev)
        return out

    def candidates(self, ctx: Context, rule_cands: Sequence[Candidate], probs: list | None = None) -> list[Candidate]:
        """Spans from the CRF's tags. With `probs` (a list), it is filled with the CRF's marginal probability,
        per token, that the token is PHI (1 - P(O)): lets the analyzer weigh rule spans by the tagger's view."""
        tags = self.predict_tags(ctx, rule_cands)
        if self.min_prob is not None and tags:
            tags = self._threshold_tags(len(tags))
        if probs is not None:
            probs[:] = [1.0 - self.crf.marginal("O", t) for t in range(len(tags))] if tags else []
        out: list[Candidate] = []
        i, n = 0, len(tags)
        while i < n:
            t = tags[i]
            if t == "O":
                i += 1
                continue
            label = t[2:]
            j = i + 1
            while j < n and tags[j] == "I-" + label:
                j += 1
            out.append(Candidate(ctx.tokens[i].start, ctx.tokens[j - 1].end, label, self.score, "crf",
                                 "statistical tagger (CRF over syllable, lexicon and rule features)"))
            i = j
        return out

    # --- persistence -----------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        if self.crf is None:
            raise RuntimeError("nothing to save: the tagger is not trained")
        import shutil

        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        if Path(self._model_path).resolve() != (p / MODEL_FILE).resolve():
            shutil.copyfile(self._model_path, p / MODEL_FILE)
        (p / META_FILE).write_text(json.dumps(self.meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return p

    @classmethod
    def load(cls, path: str | Path) -> PhiTagger:
        import pycrfsuite

        p = DEFAULT_MODEL_DIR if str(path) == "default" else Path(path)
        f = p / MODEL_FILE
        if not f.is_file():
            raise FileNotFoundError(
                f"no PHI tagger model at {p}; train one with "
                "`python corpora/synthetic/train_default_model.py` or pass model=None for rules only")
        self = cls()
        self.crf = pycrfsuite.Tagger()
        self.crf.open(str(f))
        self._model_path = f
        meta = p / META_FILE
        if meta.is_file():
            self.meta = json.loads(meta.read_text(encoding="utf-8"))
            self.labels = tuple(self.meta.get("labels") or PHI_LABELS)
            self.features = self.meta.get("features", "base")
        return self
