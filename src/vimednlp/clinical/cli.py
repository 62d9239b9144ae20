"""`vimednlp extract`: clinical entities with assertions and sections, over text or JSONL files."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ..schema import CLINICAL_LABELS, Document


def _labels(value: str | None) -> list[str] | None:
    if not value:
        return None
    labels = [x.strip().upper() for x in value.split(",") if x.strip()]
    bad = [x for x in labels if x not in CLINICAL_LABELS]
    if bad:
        raise click.BadParameter(f"unknown label(s) {bad}; choose from {', '.join(CLINICAL_LABELS)}")
    return labels


def _unicode_problem(value: str) -> str | None:
    """Why `value` cannot be written as UTF-8 (a lone surrogate from a JSON escape), else None."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        return f"not valid Unicode (a lone surrogate at character {e.start})"
    return None


def _read_input(path: str) -> tuple[str, str]:
    # the decoder `vimednlp deid` uses: UTF-8 (BOM or not), UTF-16/32 (BOM or not), legacy TCVN3/VNI/cp1258
    from ..outputs import read_input

    if path != "-" and not Path(path).exists():
        raise click.BadParameter(f"{path}: no such file", param_hint="INPUTS")
    try:
        return read_input(path), ("stdin" if path == "-" else Path(path).name)
    except UnicodeDecodeError as e:
        raise click.ClickException(f"{e.reason}; convert it to UTF-8 first") from None


def _input_kind(fmt: str, name: str) -> str:
    if fmt != "auto":
        return fmt
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return "csv" if name.endswith(".csv") else "text"


def _records(path: str, fmt: str, field: str, id_field: str, on_error: str,
             errors: list[str]) -> Iterator[tuple[str, str, str]]:
    """(id, text, where) of each record of one input; problems are reported with file and line, never the text."""
    data, name = _read_input(path)
    kind = _input_kind(fmt, name)

    def bad(where: str, why: str) -> None:
        msg = f"{name}:{where}: {why}"
        if on_error == "fail":
            raise click.ClickException(msg + " (use --on-error skip to go on)")
        errors.append(msg)

    if kind == "text":
        why = _unicode_problem(data)
        if why:
            bad("1", why)
            return
        yield (Path(name).stem if path != "-" else "stdin"), data, name
        return
    if kind == "csv":
        import csv
        import io

        reader = csv.DictReader(io.StringIO(data, newline=""))
        if reader.fieldnames is None or field not in reader.fieldnames:
            raise click.ClickException(f"{name}: no column {field!r} (columns: {', '.join(reader.fieldnames or [])});"
                                       " pick one with --text-column")
        first = 2  # the header is line 1; a quoted field may span lines, so count from the reader
        for row in reader:
            line, first = first, reader.line_num + 1
            text = row.get(field)
            if not isinstance(text, str):
                bad(str(line), f"the row has no {field!r} value")
                continue
            why = _unicode_problem(text)
            if why:
                bad(str(line), why)
                continue
            yield str(row.get(id_field) or f"{name}:{line}"), text, f"{name}:{line}"
        return
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
            text = rec.get(field)
            if not isinstance(text, str):
                raise ValueError(f"field {field!r} missing or not a string")
            why = _unicode_problem(text) or _unicode_problem(str(rec.get(id_field, "")))
            if why:
                raise ValueError(why)
        except ValueError as e:
            bad(str(lineno), str(e).split(":")[0] if isinstance(e, json.JSONDecodeError) else str(e))
            continue
        yield str(rec.get(id_field, f"{name}:{lineno}")), text, f"{name}:{lineno}"


_CSV_COLUMNS = ("id", "start", "end", "label", "text", "source", "negated", "uncertain", "historical", "family",
                "hypothetical", "section", "codes", "attrs")


def _output_format(out: str | None, to: str | None) -> str:
    if to:
        return to
    if not out or out == "-":
        return "jsonl"
    suffix = Path(out).suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if Path(out).exists() and not Path(out).is_file():  # /dev/stdout, a FIFO: JSONL, as on stdout
        return "jsonl"
    raise click.UsageError(f"cannot tell the output format of {out} from its extension: "
                           "use .jsonl or .csv, or pass --to jsonl|csv")


class _CsvSink:
    """One row per span (a text without spans gets one row with its id only), attrs flattened."""

    def __init__(self, f):
        import csv

        self.w = csv.writer(f, lineterminator="\n")
        self.w.writerow(_CSV_COLUMNS)

    def write(self, doc: Document) -> None:
        if not doc.spans:
            self.w.writerow([doc.id] + [""] * (len(_CSV_COLUMNS) - 1))
        for s in doc.spans:
            a = dict(s.attrs)
            flat = [a.pop(k, None) for k in ("negated", "uncertain", "historical", "family", "hypothetical",
                                             "section")]
            flat = ["" if v is None else v for v in flat]
            codes = a.pop("codes", None)
            self.w.writerow([doc.id, s.start, s.end, s.label, s.text, s.source, *flat,
                             json.dumps(codes, ensure_ascii=False) if codes else "",
                             json.dumps(a, ensure_ascii=False) if a else ""])


class _JsonlSink:
    def __init__(self, f, pretty: bool):
        self.f, self.pretty = f, pretty

    def write(self, doc: Document) -> None:
        self.f.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=1 if self.pretty else None) + "\n")


@click.command("extract", context_settings={"help_option_names": ["-h", "--help"]}, epilog="""\b
Examples:
  vimednlp extract note.txt                          # JSON record with spans, assertions, sections
  echo "Không sốt, ho khan. TD viêm phổi." | vimednlp extract -
  vimednlp extract notes.jsonl --field text --out spans.jsonl --on-error skip
  vimednlp extract export.csv --text-column note --id-column visit --out spans.csv
  vimednlp extract a.txt b.txt --labels DISEASE,SYMPTOM --out out.jsonl
  vimednlp extract note.txt --tagger models/crf-clinical  # lexicon + rules + a trained tagger
\b
Output: one JSON record per input text (`Document`: id, text, spans). Each span has start/end
(code points into the input), label, text, source, and attrs: negated, uncertain, historical,
family, hypothetical, section, codes, concept, icd10_hint / ingredient.
Exit codes: 0 ok (skipped JSONL lines are listed on stderr), 1 failure, 2 usage.""")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", help="Write here, JSONL or CSV by the extension (default and '-': stdout, JSONL).")
@click.option("--to", type=click.Choice(["jsonl", "csv"]),
              help="Output format (default: from --out's extension). CSV has one row per span.")
@click.option("--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", "text", "jsonl", "csv"]),
              help="Input format; auto: .jsonl/.ndjson are JSONL, .csv is CSV, anything else one text per file.")
@click.option("--field", "--text-column", "field", default="text", show_default=True,
              help="JSONL field / CSV column holding the text.")
@click.option("--id-field", "--id-column", "id_field", default="id", show_default=True,
              help="JSONL field / CSV column holding the record id.")
@click.option("--labels", help=f"Comma-separated labels to keep (default: all of {','.join(CLINICAL_LABELS)}).")
@click.option("--tagger", "tagger_dir", type=click.Path(exists=True, file_okay=False),
              help="A tagger directory saved by `vimednlp train`; its spans are merged with the lexicon's.")
@click.option("--spans", "convention", type=click.Choice(["guidelines", "public"]), default="guidelines",
              show_default=True, help="Span convention: the annotation guidelines', or the public corpora's wider "
                                      "one (modifiers, body site and side inside a DISEASE / SYMPTOM span).")
@click.option("--on-error", type=click.Choice(["skip", "fail"]), default="fail", show_default=True,
              help="A bad record (broken JSON, missing text, invalid Unicode): skip it and list it on stderr "
                   "with file and line, or stop.")
@click.option("--pretty", is_flag=True, help="Indented JSON (one input text only).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def extract(inputs, out, to, fmt, field, id_field, labels, tagger_dir, convention, on_error, pretty, quiet):
    """Extract clinical entities (DISEASE, SYMPTOM, DRUG, DOSAGE, TEST, RESULT, PROCEDURE) with
    assertions (negated, uncertain, historical, family, hypothetical) and note sections."""
    from tqdm import tqdm

    from ..outputs import open_output
    from . import extract as run_extract

    label_list = _labels(labels)
    out_fmt = _output_format(out, to)
    tagger = None
    if tagger_dir:
        try:
            from ..taggers.base import load_tagger
            tagger = load_tagger(tagger_dir)
        except Exception as e:  # noqa: BLE001 - any load problem is a clear failure
            raise click.ClickException(f"could not load the tagger in {tagger_dir}: {type(e).__name__}: {e}")
    errors: list[str] = []
    n = 0
    # a file is replaced only when the run succeeds; '-' is stdout; a device is written into, never replaced
    with open_output(out or "-", newline="") as f:
        sink = _CsvSink(f) if out_fmt == "csv" else _JsonlSink(f, pretty)
        bar = tqdm(desc="extract", unit="doc", disable=quiet, file=sys.stderr)
        for src in inputs:
            for rid, text, where in _records(src, fmt, field, id_field, on_error, errors):
                try:
                    spans = run_extract(text, labels=label_list, tagger=tagger, spans=convention)
                except Exception as e:  # noqa: BLE001 - one bad record must not stop a batch under skip
                    # our ValueError/TypeError messages name offsets and labels; others may quote the text
                    why = str(e) if isinstance(e, (ValueError, TypeError)) else "failed"
                    msg = f"{where} (id {rid}): {type(e).__name__}: {why}"
                    if on_error == "fail":
                        raise click.ClickException(msg) from None
                    errors.append(msg)
                    continue
                sink.write(Document(id=rid, text=text, spans=spans))
                n += 1
                bar.update(1)
        bar.close()
    for msg in errors:
        click.echo(f"skipped {msg}", err=True)
    if not quiet:
        shown = f" to {out}" if out and out != "-" else ""
        click.echo(f"{n} document(s) written{shown}; {len(errors)} skipped", err=True)
