"""`vimednlp deid`: de-identify text files, folders, JSONL or CSV."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..schema import DEFAULT_DEID_LABELS, PHI_LABELS
from .operators import OPERATOR_NAMES


def _labels(value: str | None) -> list[str] | None:
    if not value:
        return None
    labels = [x.strip().upper() for x in value.split(",") if x.strip()]
    bad = [x for x in labels if x not in PHI_LABELS]
    if bad:
        raise click.BadParameter(f"unknown label(s) {bad}; choose from {', '.join(PHI_LABELS)}")
    return labels


def _per_label(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        lab, sep, op = v.partition("=")
        if not sep or lab.strip().upper() not in PHI_LABELS or op.strip() not in OPERATOR_NAMES:
            raise click.BadParameter(f"{v!r}: write LABEL=OPERATOR, e.g. DATE=surrogate")
        out[lab.strip().upper()] = op.strip()
    return out


@click.command("deid", context_settings={"help_option_names": ["-h", "--help"]}, epilog="""\b
Examples:
  vimednlp deid note.txt                          # print the de-identified note
  vimednlp deid note.txt --out note_deid.txt      # one file in, one file out
  echo "BN Nguyễn Văn An, 45 tuổi" | vimednlp deid -
  cat notes.jsonl | vimednlp deid - --format jsonl > deid.jsonl
  vimednlp deid notes/ --out deid/ --operator surrogate --key-file key.txt --workers 2
  vimednlp deid notes.jsonl --field text --out deid.jsonl --audit audit.jsonl --on-error skip
  vimednlp deid export.csv --columns note,summary --out export_deid.csv --vault pseudonyms.sqlite
  vimednlp deid notes.jsonl --out deid.jsonl --patient-field patient_id --operator surrogate \\
      --set NAME=tag --set DATE=surrogate
\b
Keys: --key, --key-file or $VIMEDNLP_DEID_KEY (same key -> same hashes, surrogates and date shifts);
make one with `vimednlp keygen KEYFILE` (16+ characters, common passwords refused).
'-' is stdin as an input and stdout as --out; special files (/dev/stdout, FIFOs) are written in place.
Rerunning the same command resumes: finished records are skipped (see <out>.progress); a rerun with
other settings processes everything again. The run ends with its accounting: records in = written +
skipped (listed in the report with file, line and reason) + done by an earlier run.
File names and record ids are copied as they are, unless --hash-names.
Exit codes: 0 done (with --on-error skip, skipped records are listed in the report), 1 failure,
2 usage (a missing input, --out inside the input), 130 interrupted (rerun to resume).""")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", type=click.Path(), help="Output folder (text files), a file (one text input, "
              "JSONL or CSV), or - for stdout (the default).")
@click.option("--operator", default="tag", show_default=True, type=click.Choice(OPERATOR_NAMES),
              help="How identifiers are replaced.")
@click.option("--set", "per_label", multiple=True, metavar="LABEL=OP", help="Operator for one label (repeatable).")
@click.option("--labels", help=f"Comma-separated PHI labels to remove (default: {','.join(DEFAULT_DEID_LABELS)}).")
@click.option("--numbered", is_flag=True, help="Tags carry a number per distinct value: [NAME_1], [NAME_2].")
@click.option("--key", "key", envvar=None, help="Secret key (prefer --key-file or $VIMEDNLP_DEID_KEY).")
@click.option("--key-file", type=click.Path(exists=True, dir_okay=False), help="File whose first line is the key.")
@click.option("--vault", type=click.Path(dir_okay=False), help="SQLite pseudonym vault (created if missing).")
@click.option("--format", "fmt", default="auto", show_default=True, type=click.Choice(["auto", "text", "jsonl", "csv"]))
@click.option("--field", "field_name", default="text", show_default=True, help="JSONL field holding the text.")
@click.option("--columns", help="CSV columns to de-identify (comma-separated).")
@click.option("--id-field", default="id", show_default=True, help="JSONL field / CSV column with the record id.")
@click.option("--patient-field", help="JSONL field / CSV column with the patient id (consistent surrogates).")
@click.option("--keep-field", "keep_fields", multiple=True, metavar="NAME",
              help="JSONL: keep this field although it holds the original text or offsets into it "
              "(spans, tokens, entities, annotations, ... are dropped otherwise). Repeatable.")
@click.option("--hash-names", is_flag=True, help="Replace file names and record ids in output names, the id "
              "field, audit, progress and report by their SHA-256 (keyed with HMAC when a key is given).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--on-error", type=click.Choice(["skip", "fail"]), default="fail", show_default=True,
              help="A bad record stops the run (fail) or is skipped and reported (skip).")
@click.option("--audit", "audit_path", type=click.Path(dir_okay=False), help="Append one PHI-free audit record per document (JSONL).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Write the run report (counts, skipped records with line numbers); default <out>.report.json.")
@click.option("--model", default="default", show_default=True, help="PHI tagger: 'default', a path, or 'none' (rules only).")
@click.option("--rules", "rules", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Your own rule pack (YAML: recognizers, deny, allow; see docs/deid.md). Repeatable.")
@click.option("--threshold", default=0.5, show_default=True, type=float, help="Minimum detector score.")
@click.option("--profile", type=click.Choice(["default", "strict"]), default="default", show_default=True,
              help="strict: recall first, also removes what is not known safe (docs/deid.md, Profiles).")
@click.option("--no-date-shift", is_flag=True, help="With surrogates, tag dates instead of shifting them.")
@click.option("--restart", is_flag=True, help="Ignore earlier progress and process everything again.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def deid(inputs, out, operator, per_label, labels, numbered, key, key_file, vault, fmt, field_name, columns,
         id_field, patient_field, keep_fields, hash_names, workers, on_error, audit_path, report_path, model,
         threshold, no_date_shift, restart, quiet, rules=(), profile="default"):
    """De-identify Vietnamese clinical text: files, folders, JSONL (a field) or CSV (columns).

    Identifiers (names, ages, dates, phones, IDs, addresses, organisations, ...) are found by
    vimednlp's detector and replaced by the chosen operator. Audits and reports hold labels,
    counts and offsets only, never the text.
    """
    from .vault import Keyring, Vault, load_key

    for src in inputs:  # the same usage error (exit 2) in every mode, before any key or vault work
        if src != "-" and not Path(src).exists() and not Path(src).is_symlink():
            raise click.UsageError(f"input {src} does not exist")
    try:  # a missing, empty or weak key, a wrong key or an old vault: a message, not a traceback
        raw_key = load_key(key, key_file)
        if raw_key is not None:
            Keyring(raw_key)
        if vault and raw_key is not None:
            Vault(vault, raw_key).close()
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    engine_kwargs = dict(operator=operator, labels=_labels(labels), operators=_per_label(per_label) or None,
                         key=raw_key, vault=vault, date_shift=not no_date_shift, numbered=numbered,
                         model=None if model.lower() == "none" else model, threshold=threshold,
                         rules=list(rules) or None, profile=profile)
    if rules:  # a pack that fails its schema: the file, the rule and the field, before any work
        from .recognizers.rules import RuleError, load_pack

        for path in rules:
            try:
                load_pack(path)
            except RuleError as e:
                raise click.UsageError(str(e)) from None
    if raw_key is None and (operator in ("hash", "encrypt") or vault):
        raise click.UsageError(f"--operator {operator} and --vault need a key: --key-file, --key or $VIMEDNLP_DEID_KEY")

    from ..outputs import is_stdio, writes_in_place
    from .batch import BatchError, UsageProblem, run_batch

    out = out or "-"
    if out == "-" and len(inputs) != 1:
        raise click.UsageError("without --out give exactly one input (a file or - for stdin)")
    if out == "-" and fmt in ("auto", "text") and inputs[0] != "-" and Path(inputs[0]).is_dir():
        raise click.UsageError(f"{inputs[0]} is a folder: give --out FOLDER")
    if report_path is None and not writes_in_place(out):
        p = Path(out)
        report_path = str(p) + ".report.json" if not p.is_dir() and p.suffix else str(p / "deid-report.json")
    try:
        rep = run_batch(list(inputs), out, engine_kwargs=engine_kwargs, fmt=fmt, field_name=field_name,
                        columns=[c.strip() for c in columns.split(",")] if columns else None, id_field=id_field,
                        patient_field=patient_field, workers=workers, on_error=on_error, audit_path=audit_path,
                        report_path=report_path, resume=not restart, progress_bar=not quiet,
                        keep_fields=keep_fields, hash_names=hash_names)
    except UsageProblem as e:
        raise click.UsageError(str(e)) from None
    except FileNotFoundError as e:
        raise click.UsageError(str(e)) from None
    except (BatchError, ValueError, OSError) as e:
        raise click.ClickException(str(e)) from None
    except KeyboardInterrupt:
        click.echo("interrupted: rerun the same command to resume", err=True)
        sys.exit(130)
    if is_stdio(out) and rep.records_in == 1 and not rep.errors:
        return  # one note printed: nothing else to say
    if rep.restarted:
        click.echo(f"processed everything again: {rep.restarted}", err=True)
    msg = (f"de-identified {rep.processed} record(s), {rep.spans} identifier(s)"
           + (f"; {rep.skipped_done} already done" if rep.skipped_done else "")
           + (f"; {rep.empty} empty" if rep.empty else ""))
    click.echo(msg, err=True)
    if rep.errors:
        click.echo(f"skipped {len(rep.errors)} bad record(s)" + (f": see {report_path}" if report_path else ""),
                   err=True)
        for e in rep.errors[:10]:
            where = f"{e['source']}:{e['line']}" if "line" in e else e["source"]
            click.echo(f"  {where}: {e['error']}", err=True)
    if rep.duplicate_ids:
        click.echo(f"note: {rep.duplicate_ids} record id(s) repeat an earlier record's; every record was "
                   "processed (progress is kept by line)", err=True)
    click.echo(rep.accounting(report_path), err=True)
