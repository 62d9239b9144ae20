"""`vimednlp corpus ...`: convert, validate, stats, split, merge, relabel, card."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import ON_ERROR, ErrorLog
from .io import FORMATS

_FMT = click.Choice(list(FORMATS))
_LEVEL = click.option("--level", type=click.Choice(["syllable", "word"]), default="syllable", show_default=True,
                      help="Token level of CoNLL / token files (word level joins syllables with `_`).")
# with --corpus the level defaults to the one the corpus is published at (ViMQ: word)
_CORPUS_LEVEL = click.option("--level", type=click.Choice(["syllable", "word"]), default=None,
                             help="Token level of CoNLL / token files (word level joins syllables with `_`); "
                                  "default: syllable, or with --corpus the level the corpus is published at.")


def default_level(corpus: str) -> str:
    from .loaders import corpus_info

    return corpus_info(corpus).get("level", "syllable")


def _progress(it, desc: str):
    from tqdm import tqdm

    return tqdm(it, desc=desc, unit="doc", file=sys.stderr, disable=None, mininterval=0.5)


def _report_errors(log: ErrorLog, limit: int = 50) -> None:
    for e in log.errors[:limit]:
        click.echo(f"skipped: {e}", err=True)
    if len(log) > limit:
        click.echo(f"... and {len(log) - limit} more", err=True)


def _source(path: str, fmt: str | None, level: str | None, corpus: str | None, split: str | None,
            on_error: str, log: ErrorLog, map_labels: bool = False, keep_overlaps: bool = False):
    if corpus:
        from .loaders import load_corpus

        docs = load_corpus(corpus, path, level=level, splits=split, on_error=on_error, errors=log,
                           map_labels=map_labels, overlaps="keep" if keep_overlaps else "skip")
        for line in docs.report.lines():  # counts and labels only: what was read, skipped and kept
            click.echo(line, err=True)
        return iter(docs)
    from .io import iter_read

    return iter_read(path, fmt, level=level, on_error=on_error, errors=log)


class _Group(click.Group):
    """Bad records stop a command with their file and line (exit 1), not a traceback."""

    def invoke(self, ctx):
        from .errors import RecordError
        from .io import FormatError

        try:
            return super().invoke(ctx)
        except RecordError as e:
            raise click.ClickException(str(e)) from None
        except FormatError as e:  # name this command's option, not the Python argument `format=`
            options = _FORMAT_OPTIONS.get(ctx.invoked_subcommand or "", (None, None))
            raise click.ClickException(e.message(options[1] if e.for_writing else options[0])) from None


# the option that gives each command's input and output format (None: the command has none)
_FORMAT_OPTIONS = {"convert": ("--from", "--to"), "validate": ("--format", None), "stats": ("--format", None),
                   "split": ("--format", None), "card": ("--format", None), "merge": (None, None),
                   "relabel": (None, None)}


def _write_safely(docs, dst: str, fmt: str | None = None, **kw) -> int:
    """Write through `io.output_path`: `-` is stdout, a device or FIFO is written into and never replaced,
    a file is replaced only when the run succeeds."""
    from .io import guess_format, output_path, write

    fmt = fmt or ("jsonl" if dst == "-" else guess_format(dst, for_writing=True))
    try:
        with output_path(dst, fmt) as path:
            return write(docs, path, fmt, **kw)
    except ValueError as e:
        if "stdout" in str(e):
            raise click.BadParameter(str(e), param_hint="DST") from None
        raise


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
def corpus() -> None:
    """Convert, validate, describe, split and merge corpora of standard records (JSONL).

    \b
    Examples:
      vimednlp corpus convert train_word.conll train.jsonl --level word
      vimednlp corpus validate corpus.jsonl
      vimednlp corpus stats corpus.jsonl --png stats.png
    """


@corpus.command()
@click.argument("src")
@click.argument("dst")
@click.option("--from", "fmt_in", type=_FMT, help="Input format (default: guessed from the path).")
@click.option("--to", "fmt_out", type=_FMT, help="Output format (default: guessed from the path).")
@click.option("--corpus", "corpus_name", type=click.Choice(["phoner_covid19", "vimq", "vimedner", "vietmed_ner"]),
              help="Read SRC with a public-corpus loader, in its published layout and with its own labels.")
@click.option("--split", help="With --corpus: only this split.")
@click.option("--map-labels", is_flag=True,
              help="With --corpus: map the corpus's labels to vimednlp's (the original kept in attrs.orig_label).")
@click.option("--keep-overlaps", is_flag=True,
              help="With --corpus: keep overlapping spans (JSONL holds them; CoNLL/IOB cannot). Default: the "
                   "longer span of each overlapping pair is kept and the others counted as skipped.")
@_CORPUS_LEVEL
@click.option("--label-source", type=click.Choice(["orig", "label"]), default="orig", show_default=True,
              help="Tags written to CoNLL/HF: the corpus's original label when kept, or ours.")
@click.option("--kind", type=click.Choice(["tokens", "spans"]), default="tokens", show_default=True,
              help="Shape of a Hugging Face dataset written with --to hf.")
@click.option("--labels", "hf_labels",
              help="With --to hf: the fixed BIO label list, comma-separated (default: the schema's labels, or the "
                   "public corpus's own with --label-source orig), so every file gets the same ids.")
@click.option("--ls-predictions", is_flag=True,
              help="With --to labelstudio: the records' spans become predictions (pre-annotations the annotator "
                   "accepts or fixes) instead of annotations.")
@click.option("--by-split", is_flag=True,
              help="With --to hf: write a DatasetDict with one dataset per meta['split'] (train/dev/test).")
@click.option("--on-error", type=click.Choice(list(ON_ERROR)), default="fail", show_default=True,
              help="skip: keep every valid record and report the bad ones by line; fail: stop at the first.")
def convert(src, dst, fmt_in, fmt_out, corpus_name, split, map_labels, keep_overlaps, level, label_source, kind,
            hf_labels, ls_predictions, by_split, on_error):
    """Convert SRC to DST (formats: jsonl, conll, tokens-json, labelstudio, brat, docbin, hf).

    \b
    Examples:
      vimednlp corpus convert train_syllable.conll train.jsonl
      vimednlp corpus convert train.jsonl train.spacy
      vimednlp corpus convert notes.jsonl tasks.json --to labelstudio --ls-predictions
      vimednlp corpus convert bad.jsonl good.jsonl --on-error skip
      vimednlp corpus convert PhoNER_COVID19/data phoner.jsonl --corpus phoner_covid19 --level word
      vimednlp corpus convert PhoNER_COVID19/data phoner_hf --to hf --corpus phoner_covid19 --by-split
      vimednlp corpus convert ViMQ/data vimq_train.conll --corpus vimq --split train --level word
      vimednlp corpus convert ViMedNER vimedner.jsonl --corpus vimedner --map-labels
    """
    from .io import guess_format

    log = ErrorLog()
    level = level or (default_level(corpus_name) if corpus_name else "syllable")
    docs = _progress(_source(src, fmt_in, level, corpus_name, split, on_error, log, map_labels, keep_overlaps),
                     "convert")
    fmt = fmt_out or ("jsonl" if dst == "-" else guess_format(dst, for_writing=True))
    kw = {}
    if fmt in ("conll", "tokens-json"):
        kw["label_source"] = label_source
    if fmt == "labelstudio" and ls_predictions:
        kw["as_predictions"] = True
    if fmt == "hf":
        kw.update(kind=kind, label_source="orig" if label_source == "orig" else "label", by_split=by_split)
        if hf_labels:
            kw["labels"] = [x.strip() for x in hf_labels.split(",") if x.strip()]
    if src != "-" and not Path(src).exists():
        raise click.BadParameter(f"{src} does not exist", param_hint="SRC")
    n = _write_safely(docs, dst, fmt, level=level, on_error=on_error, errors=log, **kw)
    click.echo(f"wrote {n:,} records to {dst}" + (f"; {len(log)} bad records reported below" if len(log) else ""),
               err=True)
    _report_errors(log)


@corpus.command()
@click.argument("path")
@click.option("--format", "fmt", type=_FMT, help="Input format (default: guessed from the path).")
@_LEVEL
@click.option("--labels", default="schema", show_default=True,
              help="Allowed labels: 'schema' (vimednlp labels), 'any', or a comma-separated list.")
@click.option("--allow-overlap", is_flag=True, help="Do not report overlapping spans of one span group.")
@click.option("--near-dup", type=float, default=0.8, show_default=True,
              help="Word 3-gram Jaccard at which two texts are near duplicates (0 turns the check off).")
@click.option("--strict", is_flag=True, help="Warnings (non-NFC text, near duplicates) also fail.")
@click.option("--max-problems", type=int, default=200, show_default=True, help="Problems printed at most.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def validate(path, fmt, level, labels, allow_overlap, near_dup, strict, max_problems, as_json):
    """Check PATH: offsets, span text, overlaps, labels, NFC, empty and duplicate documents.

    Each problem is printed with its line; exit code 1 when there are errors.

    \b
    Examples:
      vimednlp corpus validate corpus.jsonl
      vimednlp corpus validate train_syllable.conll --labels any
      vimednlp corpus validate corpus.jsonl --strict --json
    """
    from ..schema import ALL_LABELS
    from .validate import validate as run

    allowed = None if labels == "any" else (ALL_LABELS if labels == "schema" else
                                            tuple(x.strip() for x in labels.split(",") if x.strip()))
    rep = run(path, fmt, labels=allowed, allow_overlap=allow_overlap, near_dup=near_dup or None, level=level,
              progress=True)
    if as_json:
        click.echo(json.dumps({"path": rep.path, "records": rep.n_records, "ok": rep.ok(strict),
                               "counts": rep.counts(),
                               "problems": [p.__dict__ for p in rep.problems]}, ensure_ascii=False, indent=1))
    else:
        for i, line in enumerate(rep.lines()):
            if i >= max_problems:
                click.echo(f"... {len(rep.problems) - max_problems} more problems", err=True)
                break
            click.echo(line)
        counts = ", ".join(f"{k} {v}" for k, v in sorted(rep.counts().items())) or "none"
        click.echo(f"{rep.n_records:,} records, {len(rep.errors)} errors, {len(rep.warnings)} warnings ({counts})",
                   err=True)
    if not rep.ok(strict):
        sys.exit(1)


@corpus.command()
@click.argument("path")
@click.option("--format", "fmt", type=_FMT, help="Input format (default: guessed from the path).")
@click.option("--corpus", "corpus_name", type=click.Choice(["phoner_covid19", "vimq", "vimedner", "vietmed_ner"]),
              help="Read PATH with a public-corpus loader (its published layout and labels).")
@click.option("--split", help="With --corpus: only this split.")
@click.option("--map-labels", is_flag=True, help="With --corpus: map the corpus's labels to vimednlp's.")
@_CORPUS_LEVEL
@click.option("--label-source", type=click.Choice(["label", "orig"]), default="label", show_default=True,
              help="Count the records' labels or the corpus's original ones (attrs.orig_label).")
@click.option("--png", type=click.Path(dir_okay=False), help="Also save a plot of label counts and span lengths.")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
def stats(path, fmt, corpus_name, split, map_labels, level, label_source, png, as_json):
    """Per-label counts, span lengths, tokens, documents per split and label co-occurrence.

    \b
    Examples:
      vimednlp corpus stats corpus.jsonl
      vimednlp corpus stats train_syllable.conll --png phoner_train.png
      vimednlp corpus stats PhoNER_COVID19/data --corpus phoner_covid19 --split train
    """
    from .stats import compute_stats, format_stats, plot_stats

    log = ErrorLog()
    level = level or (default_level(corpus_name) if corpus_name else "syllable")
    st = compute_stats(_progress(_source(path, fmt, level, corpus_name, split, "skip", log, map_labels), "stats"),
                       label_source=label_source)
    click.echo(json.dumps(st.to_dict(), ensure_ascii=False, indent=1) if as_json else format_stats(st))
    if png:
        plot_stats(st, png)
        click.echo(f"plot saved to {png}", err=True)
    _report_errors(log)
    if len(log):
        sys.exit(1)


@corpus.command()
@click.argument("path")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for the splits.")
@click.option("--ratios", default="train=0.8,dev=0.1,test=0.1", show_default=True,
              help="Split names and shares.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--group-key", default="patient_id", show_default=True,
              help="meta field whose documents stay in one split.")
@click.option("--format", "fmt", type=_FMT, help="Input format (default: guessed from the path).")
@_LEVEL
def split(path, out_dir, ratios, seed, group_key, fmt, level):
    """Split PATH by document into <out>/<split>.jsonl, grouped by patient, stratified by labels, seeded.

    \b
    Examples:
      vimednlp corpus split corpus.jsonl --out splits/
      vimednlp corpus split corpus.jsonl --out splits/ --ratios train=0.7,dev=0.15,test=0.15 --seed 7
    """
    from .io import read, write
    from .split import split_documents

    try:
        rat = {k.strip(): float(v) for k, v in (x.split("=") for x in ratios.split(","))}
    except ValueError:
        raise click.UsageError("--ratios must look like train=0.8,dev=0.1,test=0.1") from None
    docs = read(path, fmt, level=level)
    parts = split_documents(docs, rat, seed=seed, group_key=group_key)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for name, ds in parts.items():
        for d in ds:
            d.meta["split"] = name
        write(ds, Path(out_dir) / f"{name}.jsonl")
        click.echo(f"{name}: {len(ds):,} documents", err=True)


@corpus.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, help="Output file (format from its extension).")
@click.option("--on-duplicate-id", type=click.Choice(["prefix", "fail"]), default="prefix", show_default=True,
              help="A repeated id gets the input's name as a prefix, or stops the merge.")
@_LEVEL
def merge(inputs, out, on_duplicate_id, level):
    """Merge INPUTS (any readable formats) into one corpus.

    \b
    Examples:
      vimednlp corpus merge a.jsonl b.jsonl --out all.jsonl
      vimednlp corpus merge train_syllable.conll dev_syllable.conll --out phoner.jsonl
    """
    from .io import iter_read
    from .ops import merge as run

    srcs = [(Path(p).stem, iter_read(p, level=level)) for p in inputs]
    n = _write_safely(_progress(run(srcs, on_duplicate_id), "merge"), out, level=level)
    click.echo(f"wrote {n:,} records to {out}", err=True)


@corpus.command()
@click.argument("path")
@click.argument("mapping")
@click.option("--out", "out", required=True, help="Output file (format from its extension).")
@click.option("--drop-unmapped", is_flag=True, help="Drop spans whose label is not in the mapping.")
@_LEVEL
def relabel(path, mapping, out, drop_unmapped, level):
    """Rename labels with MAPPING (JSON/YAML object, or TSV OLD<TAB>NEW; empty/null NEW drops the spans).

    \b
    Examples:
      vimednlp corpus relabel phoner.jsonl map.json --out relabelled.jsonl
      printf 'SYMPTOM_AND_DISEASE\\tDISEASE\\nTRANSPORTATION\\t\\n' > map.tsv
      vimednlp corpus relabel train_syllable.conll map.tsv --out train.jsonl
    """
    from .io import iter_read
    from .ops import load_mapping
    from .ops import relabel as run

    m = load_mapping(mapping)
    st: dict = {}
    n = _write_safely(_progress(run(iter_read(path, level=level), m, not drop_unmapped, st), "relabel"), out,
                      level=level)
    click.echo(f"wrote {n:,} records to {out} ({st.get('renamed', 0):,} spans renamed, "
               f"{st.get('dropped', 0):,} dropped)", err=True)


@corpus.command()
@click.argument("path")
@click.option("--name", required=True, help="Corpus name for the card title.")
@click.option("--source", default="", help="Where the text comes from.")
@click.option("--license", "license_", default="", help="License of the corpus.")
@click.option("--guideline-version", default="", help="Version of the annotation guideline used.")
@click.option("--description", default="", help="One paragraph on purpose and content.")
@click.option("--out", "out", type=click.Path(dir_okay=False), help="Write the card here (default: print).")
@click.option("--format", "fmt", type=_FMT, help="Input format (default: guessed from the path).")
@_LEVEL
def card(path, name, source, license_, guideline_version, description, out, fmt, level):
    """Write a Markdown corpus card (datasheet) from the corpus statistics and the metadata given.

    \b
    Examples:
      vimednlp corpus card synthetic.jsonl --name vimednlp-synthetic --license MIT --out CARD.md
    """
    from .card import make_card
    from .io import input_path, iter_read
    from .stats import compute_stats
    from .validate import validate as run

    with input_path(path, fmt) as (src, src_fmt):  # '-' (stdin) is read once into a scratch file: two passes
        st = compute_stats(_progress(iter_read(src, src_fmt, level=level), "card"))
        rep = run(src, src_fmt, labels=None, level=level)
    md = make_card(st, name, source, license_, guideline_version, description, rep.counts(),
                   "stdin" if path == "-" else str(Path(path).name))
    if out:
        Path(out).write_text(md, encoding="utf-8")
        click.echo(f"card written to {out}", err=True)
    else:
        click.echo(md)
