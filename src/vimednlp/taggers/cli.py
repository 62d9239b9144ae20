"""`vimednlp train`: train a CRF, spaCy or transformers tagger from corpus files, evaluate, save."""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

import click

from .base import warn_label_mismatch


def _read(path: str, label_source: str | None, labels: list[str] | None):
    """Documents from a corpus file. The corpus room's reader is used when installed (the CLI sits
    above every room); otherwise the minimal JSONL/CoNLL reader of this room."""
    from ..schema import map_label

    docs = None
    try:
        from ..corpus import read as corpus_read  # type: ignore[attr-defined]
    except ImportError:
        corpus_read = None
    if corpus_read is not None and not path.endswith((".conll", ".json")):
        try:
            docs = list(corpus_read(path))
        except Exception:  # noqa: BLE001 - fall back on the plain readers below, which give line-numbered errors
            docs = None
    if docs is None:
        from .io import read_docs

        docs = read_docs(path)
    if not docs:
        raise click.ClickException(f"{path}: no documents")
    dropped: Counter = Counter()
    if label_source:
        for d in docs:
            kept = []
            for s in d.spans:
                ours = map_label(s.label, label_source)  # case-insensitive: `drug` and `DRUG` both map
                if ours is not None:
                    s.attrs.setdefault("orig_label", s.label)
                    s.label = ours
                    kept.append(s)
                else:
                    dropped[s.label] += 1
            d.spans = kept
    if dropped:  # never silently: the labels with no vimednlp counterpart, and how many spans each lost
        click.echo(f"{path}: spans left out, their labels have no {label_source} -> vimednlp mapping: "
                   + ", ".join(f"{k} {v}" for k, v in sorted(dropped.items())), err=True)
    if labels:
        for d in docs:
            d.spans = [s for s in d.spans if s.label in labels]
    return docs


def _corpus_splits(corpus: str, data: str, level: str | None, map_labels: bool, seed: int, say):
    """The public corpus as published -> {split: records}. A corpus published without a split (VietMed-NER's
    dataset.txt) is cut 80/10/10 by a shuffle seeded with `seed`, and the output says so."""
    from ..corpus.errors import RecordError
    from ..corpus.loaders import NO_SPLIT, by_split, load_corpus

    try:
        docs = load_corpus(corpus, data, level=level, map_labels=map_labels)
    except (FileNotFoundError, RecordError) as e:
        raise click.BadParameter(str(e), param_hint="--data") from None
    for line in docs.report.lines():
        say(line)
    parts = by_split(docs)
    if set(parts) == {NO_SPLIT}:
        from ..corpus.loaders import seeded_split

        parts = seeded_split(parts[NO_SPLIT], seed=seed)
        say(f"{corpus} at {data} has no published split: split train/dev/test 80/10/10 by a seeded shuffle "
            f"(seed {seed}; corpus.loaders.seeded_split)")
    return parts


def _parse_gazetteer(path: str) -> dict[str, set[str]]:
    """TSV `phrase<TAB>LABEL` lines (# comments allowed) -> {label: {phrase}}."""
    table: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
                raise click.ClickException(f"{path}:{lineno}: expected 'phrase<TAB>LABEL'")
            table.setdefault(parts[1].strip(), set()).add(parts[0].strip())
    return table


@click.command("train", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--kind", type=click.Choice(["crf", "spacy", "transformers"]), default="crf", show_default=True)
@click.option("--train", "train_path", type=click.Path(exists=True, dir_okay=False),
              help="Training file: JSONL Document records, or CoNLL ('token TAG' lines). Or use --corpus.")
@click.option("--corpus", "corpus", type=click.Choice(["vimq", "vimedner", "vietmed_ner", "phoner_covid19"]),
              help="Train on a public corpus read as published from --data, with its own labels, and score "
                   "on its published test split.")
@click.option("--data", "data_path", type=click.Path(exists=True),
              help="With --corpus: where your copy of the corpus is (a folder, or ViMedNER's/VietMed-NER's file).")
@click.option("--split", "train_split", default="train", show_default=True,
              help="With --corpus: the published split to train on.")
@click.option("--eval-split", "eval_split", default=None,
              help="With --corpus: the published split to score on (default: the corpus's test split).")
@click.option("--dev-split", "dev_split", default=None,
              help="With --corpus: a published split for model selection (spacy/transformers), also scored.")
@click.option("--map-labels", is_flag=True,
              help="With --corpus: train on vimednlp's labels instead of the corpus's own (scored on them too).")
@click.option("--level", type=click.Choice(["syllable", "word"]), default=None,
              help="With --corpus: token level to read (default: the level the corpus is published at).")
@click.option("--dev", "dev_path", type=click.Path(exists=True, dir_okay=False),
              help="Dev file (model selection for spaCy/transformers; evaluated and reported).")
@click.option("--test", "test_path", type=click.Path(exists=True, dir_okay=False),
              help="Test file, evaluated once after training.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Folder for the trained model (meta.json + model files + metrics.json); needed with --train; "
                   "with --corpus the model is saved only when given.")
@click.option("--model", "model_path", type=click.Path(exists=True, file_okay=False),
              help="transformers: local checkpoint folder to fine-tune (PhoBERT, XLM-R, ...).")
@click.option("--labels", default=None, help="Comma-separated labels to train (default: all in --train).")
@click.option("--label-source", default=None,
              help="Map public corpus labels to vimednlp's (e.g. phoner_covid19, vimq, vimedner).")
# CRF
@click.option("--c1", type=float, default=0.05, show_default=True, help="crf: L1 penalty.")
@click.option("--c2", type=float, default=0.01, show_default=True, help="crf: L2 penalty.")
@click.option("--max-iterations", type=int, default=150, show_default=True, help="crf: L-BFGS iterations.")
@click.option("--train-gazetteer/--no-train-gazetteer", default=False, show_default=True,
              help="crf: learn a gazetteer from the training spans (jack-knifed).")
@click.option("--word-segmentation/--no-word-segmentation", default=False, show_default=True,
              help="crf: add word-segmentation boundary features (underthesea).")
@click.option("--gazetteer", "gazetteer_path", type=click.Path(exists=True, dir_okay=False),
              help="crf: TSV lexicon 'phrase<TAB>LABEL' used as features.")
@click.option("--features", type=click.Choice(["general", "phi", "phi-ext"]), default="general", show_default=True,
              help="crf: feature set; 'phi' adds what the de-identification rules find (PHI labels).")
# spaCy / transformers
@click.option("--epochs", type=int, default=None, help="spacy/transformers: epochs (15 / 3).")
@click.option("--learning-rate", type=float, default=None, help="spacy/transformers: learning rate.")
@click.option("--batch-size", type=int, default=16, show_default=True, help="transformers: batch size.")
@click.option("--max-length", type=int, default=256, show_default=True, help="transformers: subwords per window.")
@click.option("--word-segmented/--syllables", "word_segmented", default=None,
              help="transformers: feed words (PhoBERT) or syllables (XLM-R); default: detect.")
@click.option("--device", default=None, help="transformers: cpu or cuda (default: cuda when available).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--verbose", is_flag=True, help="Print the trainer's log (crfsuite: one line per L-BFGS iteration).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors and warnings (metrics.json keeps the scores).")
def train(kind, train_path, corpus, data_path, train_split, eval_split, dev_split, map_labels, level, dev_path,
          test_path, out_dir, model_path, labels, label_source, c1, c2, max_iterations, train_gazetteer,
          word_segmentation, gazetteer_path, features, epochs, learning_rate, batch_size, max_length,
          word_segmented, device, seed, verbose, quiet) -> None:
    """Train a tagger on corpus records, print per-label P/R/F1 and save it to --out.

    \b
    Examples:
      vimednlp train --kind crf --train train.jsonl --dev dev.jsonl --out models/crf
      vimednlp train --kind crf --features phi --labels NAME,AGE,DATE,LOCATION \\
          --train phi_train.jsonl --out models/phi-crf   # then: vimednlp deid note.txt --model models/phi-crf
      vimednlp train --kind crf --train phoner/syllable/train_syllable.conll \\
          --dev phoner/syllable/dev_syllable.conll --out ~/models/phoner-crf --word-segmentation
      vimednlp train --kind spacy --train train.jsonl --dev dev.jsonl --out models/spacy --epochs 20
      vimednlp train --kind transformers --model ~/models/phobert-base --train train.jsonl \\
          --dev dev.jsonl --out models/phobert-ner --epochs 5

    \b
    A public corpus, read as published (its own labels), trained on its train split and scored on its
    test split (per-label and micro F1, strict span match as seqeval):
      vimednlp train --corpus vimq --data ~/data/ViMQ/data
      vimednlp train --corpus vimedner --data ~/data/ViMedNER --kind spacy --out models/vimedner-spacy
      vimednlp train --corpus vietmed_ner --data ~/data/VietMed-NER/dataset.txt
      vimednlp train --corpus vimq --data ~/data/ViMQ/data --split train --eval-split dev --map-labels

    Load the result with `vimednlp.taggers.load_tagger(DIR)`; a tagger of PHI labels runs in
    `vimednlp deid --model DIR`, one of clinical labels in `vimednlp extract --tagger DIR`.
    """
    from .evaluate import entity_scores

    keep = [x.strip() for x in labels.split(",") if x.strip()] if labels else None

    def say(msg: str, err: bool = True) -> None:
        if not quiet:
            click.echo(msg, err=err)

    if kind == "transformers" and not model_path:
        raise click.UsageError("--kind transformers needs --model <local checkpoint folder>")
    if bool(train_path) == bool(corpus):
        raise click.UsageError("give --train FILE, or --corpus NAME --data DIR (one of them)")
    if corpus and not data_path:
        raise click.UsageError("--corpus needs --data <where your copy of the corpus is>")
    if corpus and (dev_path or test_path or label_source):
        raise click.UsageError("with --corpus the splits come from the corpus: use --dev-split / --eval-split "
                               "(and --map-labels instead of --label-source)")
    if not corpus and not out_dir:
        raise click.UsageError("--train needs --out <folder for the model>")
    out = Path(out_dir) if out_dir else None
    if out is not None and out.exists() and any(out.iterdir()) and not (out / "meta.json").exists():
        raise click.UsageError(f"--out {out} exists and is not a tagger folder; choose an empty folder")
    t0 = time.perf_counter()
    if corpus:
        from ..corpus.loaders import corpus_info

        parts = _corpus_splits(corpus, data_path, level, map_labels, seed, say)
        eval_split = eval_split or corpus_info(corpus).get("test_split", "test")
        for opt, name in (("--split", train_split), ("--eval-split", eval_split), ("--dev-split", dev_split)):
            if name and name not in parts:
                raise click.BadParameter(f"no split {name!r} in {data_path}; found: {', '.join(parts)}",
                                         param_hint=opt)
        train_path = f"{data_path} [{corpus}, split {train_split}]"
        train_docs = parts[train_split]
        dev_docs = parts[dev_split] if dev_split else None
        test_docs = parts[eval_split]
        if keep:
            for d in [*train_docs, *(dev_docs or []), *test_docs]:
                d.spans = [s for s in d.spans if s.label in keep]
    else:
        train_docs = _read(train_path, label_source, keep)
        dev_docs = _read(dev_path, label_source, keep) if dev_path else None
        test_docs = _read(test_path, label_source, keep) if test_path else None
    n_spans = sum(len(d.spans) for d in train_docs)
    say(f"read {len(train_docs)} training documents ({n_spans} spans)"
        + (f", {len(dev_docs)} dev" if dev_docs else "") + (f", {len(test_docs)} test" if test_docs else ""))
    if dev_docs:
        warn_label_mismatch({s.label for d in train_docs for s in d.spans}, {s.label for d in dev_docs for s in d.spans})
    if kind == "crf":
        from .crf import CRFTagger

        try:
            tagger = CRFTagger(c1=c1, c2=c2, max_iterations=max_iterations, train_gazetteer=train_gazetteer,
                               word_segmentation=word_segmentation, labels=keep, seed=seed, verbose=verbose,
                               features=features,
                               gazetteers=_parse_gazetteer(gazetteer_path) if gazetteer_path else None)
        except ValueError as e:
            raise click.UsageError(str(e)) from None
    elif kind == "spacy":
        from .spacy_ner import SpacyNERTagger

        kw = {"n_iter": epochs} if epochs else {}
        if learning_rate:
            kw["learn_rate"] = learning_rate
        tagger = SpacyNERTagger(labels=keep, seed=seed, verbose=verbose or not quiet, **kw)
    else:
        from .transformer import TransformerTagger

        kw = {"epochs": epochs} if epochs else {}
        if learning_rate:
            kw["learning_rate"] = learning_rate
        tagger = TransformerTagger(model=model_path, word_segmented=word_segmented, batch_size=batch_size,
                                   max_length=max_length, device=device, labels=keep, seed=seed,
                                   verbose=verbose or not quiet, **kw)
    say(f"training a {kind} tagger ...")
    # (the CRF has no use for dev during training: its labels were compared above)
    tagger.fit(train_docs, dev=dev_docs if kind != "crf" else None)
    fit_s = time.perf_counter() - t0
    metrics: dict = {"kind": kind, "train": str(train_path), "n_train": len(train_docs), "fit_seconds": round(fit_s, 1)}
    if corpus:
        metrics.update(corpus=corpus, split=train_split, eval_split=eval_split,
                       labels="vimednlp" if map_labels else "published")
    for name, docs in (("dev", dev_docs), ("test", test_docs)):
        if docs:
            # with --corpus every gold label of the split is scored (a label the model never learnt scores 0)
            scored = sorted(set(tagger.labels) | {s.label for d in docs for s in d.spans}) if corpus else tagger.labels
            rep = entity_scores(docs, tagger.predict(docs), scored)
            title = (f"{dev_split if name == 'dev' else eval_split} split of {corpus} ({len(docs)} records)"
                     if corpus else name)
            say(rep.format(f"\n{title} (entity level, strict span match as seqeval)"), err=False)
            metrics[name] = rep.to_dict()
    if out is None:
        say(f"trained a {kind} tagger ({len(tagger.labels)} labels) in {fit_s:.0f}s; not saved (no --out)")
        return
    tagger.save(out)
    (out / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")
    say(f"saved {kind} tagger ({len(tagger.labels)} labels) to {out} in {fit_s:.0f}s")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(train())
