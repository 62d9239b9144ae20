"""Token classification with any local transformers checkpoint (PhoBERT, XLM-R, ViHealthBERT, BERT ...).

Input units are the library's syllable tokens; PhoBERT-style models, pre-trained on word-segmented
text, get words instead (`bệnh_nhân`, syllables joined by `_`). Each unit is split into subwords on
its own (works for slow tokenizers such as PhoBERT's BPE and for fast ones), the first subword
carries the unit's BIO label, and predictions map back to character offsets through the units.
Long texts are cut into windows of at most `max_length` subwords.

Needs the `hf` extra (torch, transformers). Loads only from local directories (no downloads).
"""
from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..schema import Document, Span
from ..text.tokenizer import Token
from .base import Tagger, as_texts, check_training_docs
from .bio import OUTSIDE, bio_to_spans, collect_labels, doc_tokens, spans_to_bio
from .wordseg import Segmenter, default_segmenter, word_positions

MODEL_DIR = "model"
IGNORE = -100


def _require_hf():
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as e:
        raise ImportError("TransformerTagger needs torch and transformers: pip install 'vimednlp[hf]' "
                          f"(missing: {e.name})") from None


def _local_dir(path: str | Path) -> Path:
    p = Path(path).expanduser()
    if not p.is_dir() or not (p / "config.json").is_file():
        raise FileNotFoundError(f"{p} is not a local transformers checkpoint (a folder with config.json); "
                                "download the model once with its own tools and pass that folder")
    return p


def looks_word_segmented(tokenizer, config) -> bool:
    """PhoBERT (and models built on its vocabulary) read word-segmented text."""
    names = [type(tokenizer).__name__, str(getattr(config, "tokenizer_class", "") or ""),
             str(getattr(config, "_name_or_path", "") or "")]
    return any("phobert" in n.lower() for n in names)


class TransformerTagger(Tagger):
    """Fine-tune a local checkpoint for token classification (plain torch loop, AdamW, linear warm-up).

    model: folder of a checkpoint (`from_pretrained` with local files only).
    word_segmented: feed words (`bệnh_nhân`) instead of syllables; None = detect (PhoBERT -> True).
    device: "cpu", "cuda" or None (cuda when available). With a dev set the best epoch is kept.
    """

    kind = "transformers"

    def __init__(self, model: str | Path | None = None, word_segmented: bool | None = None,
                 max_length: int = 256, epochs: int = 3, batch_size: int = 16, learning_rate: float = 5e-5,
                 weight_decay: float = 0.01, warmup_ratio: float = 0.1, device: str | None = None,
                 labels: Sequence[str] | None = None, segmenter: Segmenter | None = None, seed: int = 0,
                 verbose: bool = False) -> None:
        super().__init__()
        self.model_path = str(model) if model is not None else None
        self.word_segmented = word_segmented
        self.max_length = max_length
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.warmup_ratio = warmup_ratio
        self.device = device
        self.keep_labels = list(labels) if labels else None
        self._segmenter = segmenter
        self.seed = seed
        self.verbose = verbose
        self.model = None
        self.tokenizer = None
        self.history: list[dict[str, float]] = []
        self._pieces: dict[str, list[int]] = {}
        self._special: tuple[list[int], list[int]] | None = None

    # --- units and subwords ---------------------------------------------------------------------
    def _units(self, text: str) -> list[Token]:
        """Syllable tokens, or words of `_`-joined syllables when the model reads segmented text."""
        toks = doc_tokens(text)
        if not self.word_segmented or not toks:
            return toks
        if self._segmenter is None:
            self._segmenter = default_segmenter()
        units: list[Token] = []
        group: list[Token] = []
        for tok, (_, pos) in zip(toks, word_positions(text, toks, self._segmenter)):
            if pos == "B" and group:
                units.append(self._join(group))
                group = []
            group.append(tok)
        if group:
            units.append(self._join(group))
        return units

    @staticmethod
    def _join(group: list[Token]) -> Token:
        if len(group) == 1:
            return group[0]
        return Token("_".join(t.text for t in group), group[0].start, group[-1].end, "word")

    def _piece_ids(self, unit: str) -> list[int]:
        ids = self._pieces.get(unit)
        if ids is None:
            ids = self.tokenizer.convert_tokens_to_ids(self.tokenizer.tokenize(unit))
            if not ids:
                ids = [self.tokenizer.unk_token_id]
            if len(self._pieces) < 500_000:
                self._pieces[unit] = ids
        return ids

    def _template(self) -> tuple[list[int], list[int]]:
        """The special tokens the tokenizer puts before and after a sequence (`<s>` ... `</s>`)."""
        if self._special is None:
            probe = "x"
            bare = self.tokenizer.encode(probe, add_special_tokens=False)
            full = self.tokenizer.encode(probe)
            for i in range(len(full) - len(bare) + 1):
                if full[i:i + len(bare)] == bare:
                    self._special = (full[:i], full[i + len(bare):])
                    break
            else:  # pragma: no cover - unusual tokenizer: fall back on cls/sep (or bos/eos)
                cls_id = self.tokenizer.cls_token_id if self.tokenizer.cls_token_id is not None \
                    else self.tokenizer.bos_token_id
                sep_id = self.tokenizer.sep_token_id if self.tokenizer.sep_token_id is not None \
                    else self.tokenizer.eos_token_id
                self._special = ([cls_id] if cls_id is not None else [], [sep_id] if sep_id is not None else [])
        return self._special

    def _windows(self, units: list[Token]) -> list[tuple[int, int]]:
        """[start, end) unit ranges whose subwords fit in max_length (minus special tokens)."""
        prefix, suffix = self._template()
        budget = max(8, self.max_length - len(prefix) - len(suffix))
        out, start, used = [], 0, 0
        for i, u in enumerate(units):
            n = min(len(self._piece_ids(u.text)), budget)
            if used + n > budget and i > start:
                out.append((start, i))
                start, used = i, 0
            used += n
        if start < len(units):
            out.append((start, len(units)))
        return out

    def _encode(self, units: list[Token], tags: list[str] | None) -> tuple[list[int], list[int], list[int]]:
        """input ids, label ids (-100 except on first subwords) and for each unit its first-subword index."""
        pieces: list[int] = []
        first: list[int] = []
        for u in units:
            ids = self._piece_ids(u.text)[: self.max_length]
            first.append(len(pieces))
            pieces.extend(ids)
        prefix, suffix = self._template()
        built = prefix + pieces + suffix
        first_pos = [len(prefix) + f for f in first]
        labels = [IGNORE] * len(built)
        if tags is not None:
            for p, t in zip(first_pos, tags):
                labels[p] = self.label2id.get(t, self.label2id[OUTSIDE])
        return built, labels, first_pos

    # --- model ----------------------------------------------------------------------------------
    def _torch_device(self):
        import torch

        if self.device:
            return torch.device(self.device)
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")

    def _load_checkpoint(self, path: Path, labels: list[str] | None) -> None:
        from transformers import AutoConfig, AutoModelForTokenClassification, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        config = AutoConfig.from_pretrained(str(path), local_files_only=True)
        if self.word_segmented is None:
            self.word_segmented = looks_word_segmented(self.tokenizer, config)
        kwargs: dict[str, Any] = {"local_files_only": True}
        if labels is not None:
            kwargs.update(num_labels=len(self.tag_names), id2label=dict(enumerate(self.tag_names)),
                          label2id=self.label2id, ignore_mismatched_sizes=True)
        self.model = AutoModelForTokenClassification.from_pretrained(str(path), **kwargs)
        if labels is None:  # a saved tagger: tag names come from its config
            id2label = self.model.config.id2label
            self.tag_names = [id2label[i] for i in range(len(id2label))]
            self.label2id = {t: i for i, t in enumerate(self.tag_names)}
        self._pieces = {}
        self._special = None

    def _set_tags(self, labels: list[str]) -> None:
        self.tag_names = [OUTSIDE] + [f"{p}-{l}" for l in labels for p in ("B", "I")]
        self.label2id = {t: i for i, t in enumerate(self.tag_names)}

    def _batches(self, encoded, shuffle: bool, rng: random.Random):
        import torch

        order = list(range(len(encoded)))
        if shuffle:
            rng.shuffle(order)
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        for b in range(0, len(order), self.batch_size):
            items = [encoded[i] for i in order[b:b + self.batch_size]]
            width = max(len(x[0]) for x in items)
            ids = torch.full((len(items), width), pad, dtype=torch.long)
            mask = torch.zeros((len(items), width), dtype=torch.long)
            labels = torch.full((len(items), width), IGNORE, dtype=torch.long)
            for r, (inp, lab, _) in enumerate(items):
                ids[r, :len(inp)] = torch.tensor(inp)
                mask[r, :len(inp)] = 1
                labels[r, :len(lab)] = torch.tensor(lab)
            yield ids, mask, labels

    def fit(self, docs: Sequence[Document], dev: Sequence[Document] | None = None) -> TransformerTagger:
        _require_hf()
        import torch
        from tqdm.auto import tqdm
        from transformers import get_linear_schedule_with_warmup

        from .evaluate import entity_scores

        check_training_docs(docs)
        if self.model_path is None:
            raise ValueError("TransformerTagger needs model=<local checkpoint folder> to fine-tune")
        keep = set(self.keep_labels) if self.keep_labels else None
        labels = collect_labels(docs, keep)
        if not labels:
            raise ValueError("the training documents have no spans to learn from")
        self._set_tags(labels)
        self._load_checkpoint(_local_dir(self.model_path), labels)
        self.labels = labels
        torch.manual_seed(self.seed)
        rng = random.Random(self.seed)
        encoded = []
        for d in docs:
            units = self._units(d.text)
            tags = spans_to_bio(units, d.spans, set(labels))
            for a, b in self._windows(units):
                encoded.append(self._encode(units[a:b], tags[a:b]))
        device = self._torch_device()
        model = self.model.to(device)
        no_decay = ("bias", "LayerNorm.weight", "layer_norm.weight")
        groups = [
            {"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
             "weight_decay": self.weight_decay},
            {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)],
             "weight_decay": 0.0},
        ]
        optim = torch.optim.AdamW(groups, lr=self.learning_rate)
        steps = self.epochs * ((len(encoded) + self.batch_size - 1) // self.batch_size)
        sched = get_linear_schedule_with_warmup(optim, int(self.warmup_ratio * steps), max(steps, 1))
        best, best_state = -1.0, None
        for epoch in range(self.epochs):
            model.train()
            total = 0.0
            for ids, mask, lab in tqdm(self._batches(encoded, True, rng), desc=f"epoch {epoch + 1}/{self.epochs}",
                                       total=(len(encoded) + self.batch_size - 1) // self.batch_size,
                                       leave=False, disable=not self.verbose, mininterval=1.0):
                out = model(input_ids=ids.to(device), attention_mask=mask.to(device), labels=lab.to(device))
                out.loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optim.step()
                sched.step()
                optim.zero_grad()
                total += out.loss.item()
            entry = {"epoch": epoch + 1, "loss": round(total, 4)}
            if dev:
                f1 = entity_scores(dev, self.predict(dev), labels).micro.f1
                entry["dev_f1"] = round(f1, 4)
                if f1 > best:
                    best = f1
                    best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            self.history.append(entry)
            if self.verbose:
                print(json.dumps(entry), flush=True)
        if best_state is not None:
            model.load_state_dict(best_state)
        model.eval()
        return self

    def predict(self, texts: Iterable[str | Document], batch_size: int | None = None) -> list[list[Span]]:
        self._check_fitted()
        import torch

        device = self._torch_device()
        model = self.model.to(device)
        model.eval()
        texts = as_texts(texts)
        jobs = []  # (text index, unit offset, encoded)
        units_of: list[list[Token]] = []
        for ti, text in enumerate(texts):
            units = self._units(text)
            units_of.append(units)
            for a, b in self._windows(units):
                jobs.append((ti, a, self._encode(units[a:b], None)))
        tags_of = [[OUTSIDE] * len(u) for u in units_of]
        bs = batch_size or max(self.batch_size, 32)
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        with torch.no_grad():
            for s in range(0, len(jobs), bs):
                chunk = jobs[s:s + bs]
                width = max(len(j[2][0]) for j in chunk)
                ids = torch.full((len(chunk), width), pad, dtype=torch.long)
                mask = torch.zeros((len(chunk), width), dtype=torch.long)
                for r, (_, _, (inp, _, _)) in enumerate(chunk):
                    ids[r, :len(inp)] = torch.tensor(inp)
                    mask[r, :len(inp)] = 1
                pred = model(input_ids=ids.to(device), attention_mask=mask.to(device)).logits.argmax(-1).cpu()
                for r, (ti, a, (_, _, first)) in enumerate(chunk):
                    for k, p in enumerate(first):
                        tags_of[ti][a + k] = self.tag_names[int(pred[r, p])]
        return [bio_to_spans(t, u, tg, source="transformers") for t, u, tg in zip(texts, units_of, tags_of)]

    # --- persistence ----------------------------------------------------------------------------
    def _save(self, path: Path) -> dict[str, Any]:
        self.model.save_pretrained(path / MODEL_DIR)
        self.tokenizer.save_pretrained(path / MODEL_DIR)
        return {"params": {"word_segmented": self.word_segmented, "max_length": self.max_length,
                           "epochs": self.epochs, "batch_size": self.batch_size,
                           "learning_rate": self.learning_rate, "weight_decay": self.weight_decay,
                           "warmup_ratio": self.warmup_ratio, "labels": self.keep_labels, "seed": self.seed},
                "base_model": os.path.basename(str(self.model_path).rstrip("/")) if self.model_path else None,
                "history": self.history}

    @classmethod
    def _load(cls, path: Path, meta: dict[str, Any]) -> TransformerTagger:
        _require_hf()
        model_dir = _local_dir(path / MODEL_DIR)
        tagger = cls(model=model_dir, **dict(meta.get("params") or {}))
        tagger._load_checkpoint(model_dir, None)
        tagger.history = list(meta.get("history") or [])
        tagger.model.eval()
        return tagger
