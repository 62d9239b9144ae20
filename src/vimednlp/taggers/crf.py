"""The linear-chain CRF tagger (python-crfsuite) over syllable tokens: the project's one CRF.

Feature sets (`features=`):
- `general` (default): token form, accent-folded form, shape, affixes, a ±2 window with bigrams, optional
  gazetteer hits (user lexicons and/or phrases learned from the training spans) and optional
  word-segmentation boundaries. See `vimednlp.taggers.features`.
- `phi`: the de-identification features: folded syllable, shape, name-lexicon membership and the BIO tags
  of the rule recognizers' spans (`vimednlp.deid.phi_features`, imported by name on first use: they live
  beside the rules they read). The default PHI model shipped in `resources/deid/model/` is a `phi` CRF;
  `phi-ext` adds diacritics, gazetteer phrases and a wider window.

Any of them saves to the same folder format (`meta.json` + `model.crfsuite`), loads with `load_tagger()`
and runs in `vimednlp.deidentify(model=DIR)` (PHI labels), `vimednlp.extract(tagger=DIR)` and the
`vimednlp_tagger` spaCy component.
"""
from __future__ import annotations

import json
import random
import shutil
import struct
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, KeysView, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..schema import Document, Span
from ..text.fold import fold_lower
from .base import Tagger, as_texts, check_training_docs, warn_label_mismatch
from .bio import bio_to_spans, collect_labels, doc_tokens, spans_to_bio
from .features import compile_gazetteers, gazetteer_tags, sentence_features
from .wordseg import Segmenter, default_segmenter, word_positions

MODEL_FILE = "model.crfsuite"
GAZETTEER_FILE = "gazetteers.json"
FEATURE_SETS = ("general", "phi", "phi-ext")
# feature sets defined in a room above this one, imported by module name when used
_FEATURE_MODULES = {"phi": "vimednlp.deid.phi_features", "phi-ext": "vimednlp.deid.phi_features"}


def _model_attributes(data: bytes) -> list[str]:
    """The attribute strings of a crfsuite model file (its `CRF1d` header, then the attribute CQDB: a backward
    array of record offsets, each record `id, key size, key + NUL`)."""
    if data[:4] != b"lCRF":
        raise ValueError("not a crfsuite model")
    off = struct.unpack_from("<I", data, 36)[0]  # header: magic, size, type, version, 3 counts, 2 offsets, attrs
    if data[off:off + 4] != b"CQDB":
        raise ValueError("no attribute dictionary where the header says")
    bwd_size, bwd_off = struct.unpack_from("<II", data, off + 16)
    out: list[str] = []
    for rec in struct.unpack_from(f"<{bwd_size}I", data, off + bwd_off):
        if rec:
            size = struct.unpack_from("<I", data, off + rec + 4)[0]
            out.append(data[off + rec + 8:off + rec + 7 + size].decode("utf-8"))
    return out


def _progress(iterable, desc: str, total: int | None = None, enable: bool = True):
    if not enable:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, desc=desc, total=total, leave=False, mininterval=1.0)


class CRFTagger(Tagger):
    """CRF sequence tagger.

    Parameters
    ----------
    c1, c2, max_iterations, all_possible_transitions:
        crfsuite's L-BFGS training parameters (`all_possible_transitions`: `feature.possible_transitions`).
    gazetteers:
        `{label: {phrase, ...}}` lexicons; each phrase is matched on accent-folded lower-cased
        tokens and gives the tokens it covers a `LABEL:B` / `LABEL:I` feature.
    train_gazetteer:
        also learn a gazetteer from the training spans (phrases seen as an entity at least
        `gazetteer_min_count` times and as that entity in at least `gazetteer_min_ratio` of their
        occurrences). On the training set itself the features come from the other
        `gazetteer_folds` folds (jack-knifing), so the CRF does not learn to trust them blindly.
    word_segmentation:
        add word-boundary features from a word segmenter (underthesea by default).
    tokenization:
        `vimednlp` (the library tokenizer) or `whitespace`.
    labels:
        train only these labels (others are ignored); default all labels seen in training.
    features:
        `general`, `phi` (the de-identification rule-hit features) or `phi-ext` (see the module's doc).
        Gazetteers, word segmentation and whitespace tokenization belong to `general`.
    min_prob:
        None decodes the best tag sequence (Viterbi); a number marks every token whose marginal
        probability of being an entity (1 - P(O)) reaches it, labelled by its most probable label:
        a recall/precision knob.
    verbose:
        print crfsuite's optimizer log (one line per L-BFGS iteration) and a featurizing progress bar.
    """

    kind = "crf"

    def __init__(self, c1: float = 0.05, c2: float = 0.01, max_iterations: int = 150,
                 all_possible_transitions: bool = True, gazetteers: Mapping[str, Iterable[str]] | None = None,
                 train_gazetteer: bool = False, gazetteer_min_count: int = 1, gazetteer_min_ratio: float = 0.5,
                 gazetteer_folds: int = 5, word_segmentation: bool = False, segmenter: Segmenter | None = None,
                 tokenization: str = "vimednlp", window: int = 2, labels: Sequence[str] | None = None,
                 features: str = "general", min_prob: float | None = None, verbose: bool = False,
                 seed: int = 0) -> None:
        super().__init__()
        if features not in FEATURE_SETS:
            raise ValueError(f"features must be one of {', '.join(FEATURE_SETS)}; got {features!r}")
        if features != "general" and (gazetteers or train_gazetteer or word_segmentation or tokenization != "vimednlp"):
            raise ValueError(f"features={features!r} uses its own lexicons and the library tokenizer: gazetteers, "
                             "train_gazetteer, word_segmentation and tokenization belong to features='general'")
        self.features = features
        self.min_prob = min_prob
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations
        self.all_possible_transitions = all_possible_transitions
        self.user_gazetteers = {k: set(v) for k, v in (gazetteers or {}).items()}
        self.train_gazetteer = train_gazetteer
        self.gazetteer_min_count = gazetteer_min_count
        self.gazetteer_min_ratio = gazetteer_min_ratio
        self.gazetteer_folds = gazetteer_folds
        self.word_segmentation = word_segmentation
        self._segmenter = segmenter
        self.tokenization = tokenization
        self.window = window
        self.keep_labels = list(labels) if labels else None
        self.verbose = verbose
        self.seed = seed
        self.learned_gazetteer: dict[str, list[str]] = {}
        self._gaz: tuple[dict[str, set[str]], int] = ({}, 0)
        self._tagger = None  # pycrfsuite.Tagger
        self._model_path: Path | None = None
        self._tmpdir: tempfile.TemporaryDirectory | None = None
        # provenance saved in meta.json ("info"): documents trained on, corpus description
        self.info: dict[str, Any] = {}

    # --- features -------------------------------------------------------------------------------
    def _segment(self):
        if self._segmenter is None:
            self._segmenter = default_segmenter()
        return self._segmenter

    def _features(self, text: str, tokens, gaz_table=None) -> list[dict[str, object]]:
        table, longest = gaz_table if gaz_table is not None else self._gaz
        gaz = None
        if table:
            gaz = gazetteer_tags([fold_lower(t.text) for t in tokens], table, longest)
        words = word_positions(text, tokens, self._segment()) if self.word_segmentation else None
        return sentence_features(tokens, gaz, words, self.window)

    def features_of(self, text: str, tokens) -> list[dict[str, object]]:
        """`general` features of `tokens` (of `text`), with the gazetteers learned or given."""
        return self._features(text, tokens) if tokens else []

    def _doc_features(self, text: str, labels: Sequence[str], gaz_table=None) -> tuple[list, list]:
        """(tokens, features) of a text; `phi` features run the rule recognizers of `labels` first."""
        if self.features == "general":
            toks = doc_tokens(text, self.tokenization)
            return toks, (self._features(text, toks, gaz_table) if toks else [])
        import importlib

        return importlib.import_module(_FEATURE_MODULES[self.features]).doc_features(
            text, labels, self.features == "phi-ext")

    @staticmethod
    def _learn_phrases(docs: Sequence[Document], tokenization: str, min_count: int,
                       min_ratio: float) -> dict[str, set[str]]:
        """Entity phrases (folded token keys) and how often the same token run is an entity at all."""
        as_entity: dict[str, Counter[str]] = defaultdict(Counter)
        for d in docs:
            toks = doc_tokens(d.text, tokenization)
            for s in d.spans:
                key = " ".join(fold_lower(t.text) for t in toks if t.start < s.end and t.end > s.start)
                if key:
                    as_entity[key][s.label] += 1
        if not as_entity:
            return {}
        # how often each phrase occurs anywhere (entity or not), to drop ambiguous ones (`nam`, `bệnh viện`)
        longest = min(max(k.count(" ") + 1 for k in as_entity), 12)
        total: Counter[str] = Counter()
        for d in docs:
            folded = [fold_lower(t.text) for t in doc_tokens(d.text, tokenization)]
            n = len(folded)
            for i in range(n):
                for L in range(1, min(longest, n - i) + 1):
                    key = " ".join(folded[i:i + L])
                    if key in as_entity:
                        total[key] += 1
        out: dict[str, set[str]] = defaultdict(set)
        for key, labs in as_entity.items():
            label, cnt = labs.most_common(1)[0]
            if cnt >= min_count and cnt / max(total[key], cnt) >= min_ratio:
                out[label].add(key)
        return dict(out)

    def _merge_gaz(self, learned: Mapping[str, set[str]]) -> tuple[dict[str, set[str]], int]:
        table, longest = compile_gazetteers(self.user_gazetteers)
        # learned keys are already normalized; prefix their labels so they do not mix with lexicons
        for label, keys in learned.items():
            table["T" + label] = set(keys)
            for k in keys:
                longest = max(longest, min(k.count(" ") + 1, 12))
        return table, longest

    # --- training -------------------------------------------------------------------------------
    def fit(self, docs: Sequence[Document], dev: Sequence[Document] | None = None, *,
            progress: bool | None = None) -> CRFTagger:
        """Train on `docs`. `dev` is only compared with the training labels (a warning when they differ).
        `progress` (default: `verbose`) shows a featurizing progress bar."""
        import pycrfsuite

        check_training_docs(docs)
        keep = set(self.keep_labels) if self.keep_labels else None
        labels = collect_labels(docs, keep)
        if not labels:
            raise ValueError("the training documents have no spans to learn from")
        if dev:
            warn_label_mismatch(labels, collect_labels(dev, keep))
        keep = set(labels)
        learned: dict[str, set[str]] = {}
        fold_tables: list[tuple[dict[str, set[str]], int]] | None = None
        fold_of: list[int] = []
        if self.train_gazetteer:
            k = max(2, self.gazetteer_folds)
            order = list(range(len(docs)))
            random.Random(self.seed).shuffle(order)
            fold_of = [0] * len(docs)
            for rank, i in enumerate(order):
                fold_of[i] = rank % k
            fold_tables = []
            for f in range(k):
                others = [d for d, fo in zip(docs, fold_of) if fo != f]
                fold_tables.append(self._merge_gaz(self._filter(self._learn_phrases(
                    others, self.tokenization, self.gazetteer_min_count, self.gazetteer_min_ratio), keep)))
            learned = self._filter(self._learn_phrases(docs, self.tokenization, self.gazetteer_min_count,
                                                        self.gazetteer_min_ratio), keep)
        self.learned_gazetteer = {k: sorted(v) for k, v in learned.items()}
        self._gaz = self._merge_gaz(learned)

        show = self.verbose if progress is None else progress
        trainer = pycrfsuite.Trainer(verbose=self.verbose)  # verbose: one log line per L-BFGS iteration
        n = 0
        for i, d in enumerate(_progress(docs, "features", len(docs), show)):
            table = fold_tables[fold_of[i]] if fold_tables is not None else None
            toks, feats = self._doc_features(d.text, labels, table)
            if not toks:
                continue
            trainer.append(feats, spans_to_bio(toks, d.spans, keep))
            n += 1
        if not n:
            raise ValueError("the training documents have no tokens to learn from")
        trainer.set_params({"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
                            "feature.possible_transitions": self.all_possible_transitions})
        self._tmpdir = tempfile.TemporaryDirectory(prefix="vimednlp-crf-")
        model_path = Path(self._tmpdir.name) / MODEL_FILE
        trainer.train(str(model_path))
        self.labels = labels
        self.info["docs"] = n
        self._open(model_path)
        return self

    @staticmethod
    def _filter(table: Mapping[str, set[str]], keep: set[str]) -> dict[str, set[str]]:
        return {k: v for k, v in table.items() if k in keep}

    def _open(self, model_path: Path) -> None:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
        self._tagger = tagger
        self._model_path = model_path
        self._known = None  # (known_attributes of this model, read on first use)

    def known_attributes(self) -> KeysView[str]:
        """The attributes the model has a weight for (crfsuite drops any other attribute when tagging, so leaving
        them out of the input changes no score), as a set-like view (`in`, `==` with a set). Read from the model
        file's attribute dictionary (a few ms; `Tagger.info()` would dump and parse the whole model, about 0.3 s).
        Kept as the keys of a dict of strings to None: such a dict is not tracked by the cyclic garbage collector,
        where a frozenset of the ~90,000 strings was walked (every string's header read) at each full collection
        of a long de-identification run."""
        got = getattr(self, "_known", None)
        if got is None:
            self._check_fitted()
            try:
                names = _model_attributes(Path(self._model_path).read_bytes())
            except (OSError, ValueError, struct.error, UnicodeDecodeError):
                names = [a for a, _label in self._tagger.info().state_features]
            got = self._known = dict.fromkeys(names).keys()
        return got

    # --- prediction -----------------------------------------------------------------------------
    def decode(self, feats: list) -> list[str]:
        """BIO tags for one sequence of token features (Viterbi, or by `min_prob` when set)."""
        if not feats:
            return []
        tags = self._tagger.tag(feats)
        if self.min_prob is not None:
            tags = self._threshold_tags(len(tags))
        return tags

    def entity_probs(self, n: int) -> list[float]:
        """Per token of the last decoded sequence (of `n` tokens), the marginal probability that it is part
        of an entity (1 - P(O))."""
        return [1.0 - self._tagger.marginal("O", t) for t in range(n)] if n else []

    def _threshold_tags(self, n: int) -> list[str]:
        """Tags from the marginals of the last tagged sequence: an entity where 1 - P(O) >= min_prob."""
        tagger = self._tagger
        labels = [x for x in tagger.labels() if x != "O"]
        kinds = sorted({x[2:] for x in labels})
        out: list[str] = []
        prev = "O"
        for t in range(n):
            if 1.0 - tagger.marginal("O", t) < self.min_prob:
                prev = "O"
                out.append(prev)
                continue
            score = {k: sum(tagger.marginal(p + k, t) for p in ("B-", "I-") if p + k in labels) for k in kinds}
            k = max(score, key=score.get)
            b = tagger.marginal("B-" + k, t) if "B-" + k in labels else 0.0
            # a new entity where the label changes or B- is the likelier half
            prev = ("I-" if prev[2:] == k and b <= score[k] / 2 else "B-") + k
            out.append(prev)
        return out

    def predict(self, texts: Iterable[str | Document], with_scores: bool = False) -> list[list[Span]]:
        """Spans for each text (offsets into that text). `with_scores` adds each span's lowest
        token marginal probability as its score (slower)."""
        self._check_fitted()
        out: list[list[Span]] = []
        for text in as_texts(texts):
            toks, feats = self._doc_features(text, self.labels)
            tags = self.decode(feats)
            if not tags:
                out.append([])
                continue
            scores = None
            if with_scores:
                scores = [self._tagger.marginal(t, i) for i, t in enumerate(tags)]
            out.append(bio_to_spans(text, toks, tags, source="crf", scores=scores))
        return out

    def top_features(self, n: int = 20) -> list[tuple[str, str, float]]:
        """The `n` state features with the largest weights: (attribute, label, weight)."""
        self._check_fitted()
        info = self._tagger.info()
        items = sorted(info.state_features.items(), key=lambda kv: -abs(kv[1]))[:n]
        return [(attr, label, w) for (attr, label), w in items]

    # --- persistence ----------------------------------------------------------------------------
    def _params(self) -> dict[str, Any]:
        return {"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
                "all_possible_transitions": self.all_possible_transitions,
                "train_gazetteer": self.train_gazetteer, "gazetteer_min_count": self.gazetteer_min_count,
                "gazetteer_min_ratio": self.gazetteer_min_ratio, "gazetteer_folds": self.gazetteer_folds,
                "word_segmentation": self.word_segmentation, "tokenization": self.tokenization,
                "window": self.window, "labels": self.keep_labels, "features": self.features,
                "min_prob": self.min_prob, "seed": self.seed}

    def _save(self, path: Path) -> dict[str, Any]:
        assert self._model_path is not None
        if self._model_path.resolve() != (path / MODEL_FILE).resolve():
            shutil.copyfile(self._model_path, path / MODEL_FILE)
        files = [MODEL_FILE]
        if self.user_gazetteers or self.learned_gazetteer:
            gaz = {"user": {k: sorted(v) for k, v in self.user_gazetteers.items()},
                   "learned": self.learned_gazetteer}
            (path / GAZETTEER_FILE).write_text(json.dumps(gaz, ensure_ascii=False), encoding="utf-8")
            files.append(GAZETTEER_FILE)
        elif (path / GAZETTEER_FILE).is_file():  # left by an earlier model saved here
            (path / GAZETTEER_FILE).unlink()
        extra: dict[str, Any] = {"params": self._params(), "files": files}
        if self.info:
            extra["info"] = self.info
        return extra

    @classmethod
    def _load(cls, path: Path, meta: dict[str, Any]) -> CRFTagger:
        params = dict(meta.get("params") or {})
        gaz = {"user": {}, "learned": {}}
        if (path / GAZETTEER_FILE).is_file():
            gaz = json.loads((path / GAZETTEER_FILE).read_text(encoding="utf-8"))
        model = path / MODEL_FILE
        if not model.is_file():
            raise FileNotFoundError(f"{path} has no {MODEL_FILE}")
        tagger = cls(gazetteers=gaz.get("user") or {}, **params)
        tagger.info = dict(meta.get("info") or {})
        tagger.learned_gazetteer = gaz.get("learned") or {}
        tagger._gaz = tagger._merge_gaz({k: set(v) for k, v in tagger.learned_gazetteer.items()})
        tagger._open(model)
        return tagger
