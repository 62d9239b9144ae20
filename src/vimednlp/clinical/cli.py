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


def _records(path: str, fmt: str, field: str, id_field: str, on_error: str,
             errors: list[str]) -> Iterator[tuple[str, str]]:
    """(id, text) pairs of one input; JSONL problems are reported with line numbers, never the text."""
    if path == "-":
        data = sys.stdin.read()
        name = "stdin"
    else:
        p = Path(path)
        if not p.exists():
            raise click.BadParameter(f"{path}: no such file", param_hint="INPUTS")
        try:
            data = p.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            raise click.ClickException(f"{path}: not UTF-8 text (byte {e.start}); convert it first "
                                       "(legacy TCVN3/VNI text: see vimednlp.text.legacy)") from None
        name = p.name
    kind = fmt if fmt != "auto" else ("jsonl" if name.endswith((".jsonl", ".ndjson")) else "text")
    if kind == "text":
        yield (Path(name).stem if path != "-" else "stdin"), data
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
        except ValueError as e:
            msg = f"{name}:{lineno}: {str(e).split(':')[0] if isinstance(e, json.JSONDecodeError) else e}"
            if on_error == "fail":
                raise click.ClickException(msg + " (use --on-error skip to go on)") from None
            errors.append(msg)
            continue
        yield str(rec.get(id_field, f"{name}:{lineno}")), text


@click.command("extract", context_settings={"help_option_names": ["-h", "--help"]}, epilog="""\b
Examples:
  vimednlp extract note.txt                          # JSON record with spans, assertions, sections
  echo "Không sốt, ho khan. TD viêm phổi." | vimednlp extract -
  vimednlp extract notes.jsonl --field text --out spans.jsonl --on-error skip
  vimednlp extract a.txt b.txt --labels DISEASE,SYMPTOM --out out.jsonl
  vimednlp extract note.txt --tagger models/crf-clinical  # lexicon + rules + a trained tagger
\b
Output: one JSON record per input text (`Document`: id, text, spans). Each span has start/end
(code points into the input), label, text, source, and attrs: negated, uncertain, historical,
family, hypothetical, section, codes, concept, icd10_hint / ingredient.
Exit codes: 0 ok (skipped JSONL lines are listed on stderr), 1 failure, 2 usage.""")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", type=click.Path(dir_okay=False), help="Write JSONL here (default: stdout).")
@click.option("--format", "fmt", default="auto", show_default=True, type=click.Choice(["auto", "text", "jsonl"]),
              help="Input format; auto: .jsonl/.ndjson are JSONL, anything else one text per file.")
@click.option("--field", default="text", show_default=True, help="JSONL field holding the text.")
@click.option("--id-field", default="id", show_default=True, help="JSONL field holding the record id.")
@click.option("--labels", help=f"Comma-separated labels to keep (default: all of {','.join(CLINICAL_LABELS)}).")
@click.option("--tagger", "tagger_dir", type=click.Path(exists=True, file_okay=False),
              help="A tagger directory saved by `vimednlp train`; its spans are merged with the lexicon's.")
@click.option("--on-error", type=click.Choice(["skip", "fail"]), default="fail", show_default=True,
              help="What to do with a broken JSONL line.")
@click.option("--pretty", is_flag=True, help="Indented JSON (one input text only).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def extract(inputs, out, fmt, field, id_field, labels, tagger_dir, on_error, pretty, quiet):
    """Extract clinical entities (DISEASE, SYMPTOM, DRUG, DOSAGE, TEST, RESULT, PROCEDURE) with
    assertions (negated, uncertain, historical, family, hypothetical) and note sections."""
    from tqdm import tqdm

    from . import extract as run_extract

    label_list = _labels(labels)
    tagger = None
    if tagger_dir:
        try:
            from ..taggers.base import load_tagger
            tagger = load_tagger(tagger_dir)
        except Exception as e:  # noqa: BLE001 - any load problem is a clear failure
            raise click.ClickException(f"could not load the tagger in {tagger_dir}: {type(e).__name__}: {e}")
    errors: list[str] = []
    sink = open(out, "w", encoding="utf-8") if out else sys.stdout
    n = 0
    try:
        bar = tqdm(desc="extract", unit="doc", disable=quiet, file=sys.stderr)
        for path in inputs:
            for rid, text in _records(path, fmt, field, id_field, on_error, errors):
                try:
                    spans = run_extract(text, labels=label_list, tagger=tagger)
                except (ValueError, TypeError) as e:
                    msg = f"{rid}: {e}"
                    if on_error == "fail":
                        raise click.ClickException(msg) from None
                    errors.append(msg)
                    continue
                rec = Document(id=rid, text=text, spans=spans).to_dict()
                sink.write(json.dumps(rec, ensure_ascii=False, indent=1 if pretty else None) + "\n")
                n += 1
                bar.update(1)
        bar.close()
    finally:
        if out:
            sink.close()
    for msg in errors:
        click.echo(f"skipped {msg}", err=True)
    if not quiet:
        click.echo(f"{n} document(s) written{' to ' + out if out else ''}; {len(errors)} skipped", err=True)
