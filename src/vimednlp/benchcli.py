"""`vimednlp bench`: run benchmark suites from a source checkout (benchmarks/ is not part of the wheel)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click


def find_runner() -> Path | None:
    """benchmarks/run.py in the current directory's checkout, or beside an editable install."""
    for base in (Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[2]):
        p = base / "benchmarks" / "run.py"
        if p.exists():
            return p
    return None


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("suites", nargs=-1)
@click.option("--quick", is_flag=True, help="Small inputs, for a smoke run (numbers not for reporting).")
@click.option("--report-only", is_flag=True, help="Only rebuild benchmarks/RESULTS.md from results/*.json.")
def bench(suites: tuple[str, ...], quick: bool, report_only: bool) -> None:
    """Run benchmark suites and regenerate benchmarks/RESULTS.md (needs a source checkout).

    \b
    Suites: text corpus deid deid_detail clinical_ner assertions acronyms coding speed scaling spark scale,
    or all. Shared corpora come from $VIMEDNLP_SHARED (default ../shared).
    \b
    Examples:
      vimednlp bench all
      vimednlp bench deid speed
      vimednlp bench deid --quick
    """
    runner = find_runner()
    if runner is None:
        raise click.ClickException("benchmarks/run.py not found: run `vimednlp bench` inside a vimednlp checkout")
    args = [sys.executable, str(runner), *suites] + (["--quick"] if quick else []) + (
        ["--report-only"] if report_only else [])
    rc = subprocess.call(args, cwd=runner.parent.parent)
    if rc:
        sys.exit(rc)
