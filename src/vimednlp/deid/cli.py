"""`vimednlp deid`: de-identify text files, folders, JSONL or CSV."""
from __future__ import annotations

import json
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
  echo "BN Nguyễn Văn An, 45 tuổi" | vimednlp deid -
  vimednlp deid notes/ --out deid/ --operator surrogate --key-file key.txt --workers 2
  vimednlp deid notes.jsonl --field text --out deid.jsonl --audit audit.jsonl --on-error skip
  vimednlp deid export.csv --columns note,summary --out export_deid.csv --vault pseudonyms.sqlite
  vimednlp deid notes.jsonl --out deid.jsonl --patient-field patient_id --operator surrogate \\
      --set NAME=tag --set DATE=surrogate
\b
Keys: --key, --key-file or $VIMEDNLP_DEID_KEY (same key -> same hashes, surrogates and date shifts).
Rerunning the same command resumes: finished records are skipped (see <out>.progress).
Exit codes: 0 done (with --on-error skip, skipped records are listed in the report), 1 failure, 2 usage.""")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", type=click.Path(), help="Output folder (text files), JSONL or CSV file. "
              "Without it, one input text is printed to stdout.")
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
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--on-error", type=click.Choice(["skip", "fail"]), default="fail", show_default=True,
              help="A bad record stops the run (fail) or is skipped and reported (skip).")
@click.option("--audit", "audit_path", type=click.Path(dir_okay=False), help="Append one PHI-free audit record per document (JSONL).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Write the run report (counts, skipped records with line numbers); default <out>.report.json.")
@click.option("--model", default="default", show_default=True, help="PHI tagger: 'default', a path, or 'none' (rules only).")
@click.option("--threshold", default=0.5, show_default=True, type=float, help="Minimum detector score.")
@click.option("--no-date-shift", is_flag=True, help="With surrogates, tag dates instead of shifting them.")
@click.option("--restart", is_flag=True, help="Ignore earlier progress and process everything again.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def deid(inputs, out, operator, per_label, labels, numbered, key, key_file, vault, fmt, field_name, columns,
         id_field, patient_field, workers, on_error, audit_path, report_path, model, threshold, no_date_shift,
         restart, quiet):
    """De-identify Vietnamese clinical text: files, folders, JSONL (a field) or CSV (columns).

    Identifiers (names, ages, dates, phones, IDs, addresses, organisations, ...) are found by
    vimednlp's detector and replaced by the chosen operator. Audits and reports hold labels,
    counts and offsets only, never the text.
    """
    from .vault import load_key

    raw_key = load_key(key, key_file)
    engine_kwargs = dict(operator=operator, labels=_labels(labels), operators=_per_label(per_label) or None,
                         key=raw_key, vault=vault, date_shift=not no_date_shift, numbered=numbered,
                         model=None if model.lower() == "none" else model, threshold=threshold)
    if raw_key is None and (operator in ("hash", "encrypt") or vault):
        raise click.UsageError(f"--operator {operator} and --vault need a key: --key-file, --key or $VIMEDNLP_DEID_KEY")
    if vault:  # create / check the vault once here (a wrong key fails before any work)
        from .vault import Vault

        Vault(vault, raw_key).close()

    if out is None:
        if len(inputs) != 1:
            raise click.UsageError("without --out give exactly one input (a file or - for stdin)")
        src = inputs[0]
        if src == "-":
            text = sys.stdin.read()
        else:
            p = Path(src)
            if not p.is_file():
                raise click.UsageError(f"{src} is not a file; give --out to process folders, JSONL or CSV")
            from .batch import read_text_file

            text = read_text_file(p)
        from .api import Deidentifier

        res = Deidentifier(**engine_kwargs)(text)
        click.echo(res.text, nl=not res.text.endswith("\n"))
        if audit_path:
            with open(audit_path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(res.audit, ensure_ascii=False) + "\n")
        return

    from .batch import BatchError, run_batch

    report_path = report_path or (str(Path(out)) + ".report.json" if not Path(out).is_dir() and Path(out).suffix
                                  else str(Path(out) / "deid-report.json"))
    try:
        rep = run_batch(list(inputs), out, engine_kwargs=engine_kwargs, fmt=fmt, field_name=field_name,
                        columns=[c.strip() for c in columns.split(",")] if columns else None, id_field=id_field,
                        patient_field=patient_field, workers=workers, on_error=on_error, audit_path=audit_path,
                        report_path=report_path, resume=not restart, progress_bar=not quiet)
    except (BatchError, ValueError, FileNotFoundError) as e:
        raise click.ClickException(str(e)) from None
    msg = (f"de-identified {rep.processed} record(s), {rep.spans} identifier(s)"
           + (f"; {rep.skipped_done} already done" if rep.skipped_done else "")
           + (f"; {rep.empty} empty" if rep.empty else ""))
    click.echo(msg, err=True)
    if rep.errors:
        click.echo(f"skipped {len(rep.errors)} bad record(s): see {report_path}", err=True)
        for e in rep.errors[:10]:
            where = f"{e['source']}:{e['line']}" if "line" in e else e["source"]
            click.echo(f"  {where}: {e['error']}", err=True)
