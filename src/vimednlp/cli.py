"""The `vimednlp` command (also `python -m vimednlp`). Exit codes: 0 ok, 1 failure, 2 usage.

Each room owns its commands (`vimednlp.<room>.cli`); this module only assembles them, importing a
room when its command is called so `vimednlp --help` stays fast.
"""
from __future__ import annotations

import importlib
import sys

import click

from . import __version__

# command name -> (module, attribute, one-line help shown in `vimednlp --help`)
LAZY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "deid": ("vimednlp.deid.cli", "deid", "De-identify text files, folders, JSONL or CSV."),
    "keygen": ("vimednlp.deid.keys", "keygen", "Write a random de-identification key file (mode 0600)."),
    "extract": ("vimednlp.clinical.cli", "extract", "Extract clinical entities with assertions and sections."),
    "train": ("vimednlp.taggers.cli", "train", "Train a tagger (CRF, spaCy, transformers) from corpus records."),
    "code": ("vimednlp.terminology.cli", "code", "Rank ICD-10 / drug / lab codes for a mention."),
    "terminology": ("vimednlp.terminology.cli", "terminology", "Build and inspect the code-system store."),
    "corpus": ("vimednlp.corpus.cli", "corpus", "Convert, validate, describe, split and merge corpora."),
    "ls": ("vimednlp.annotation.cli", "ls", "Label Studio: configs, push, pull, agreement, adjudication."),
    "bench": ("vimednlp.benchcli", "bench", "Run a benchmark suite from benchmarks/."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, name: str):
        cmd = super().get_command(ctx, name)
        if cmd is not None or name not in LAZY_COMMANDS:
            return cmd
        module, attr, short = LAZY_COMMANDS[name]
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as e:
            if ctx.resilient_parsing or "--help" in sys.argv[1:2]:
                return click.Command(name, help=short + " (not available in this install)", short_help=short)
            raise click.ClickException(f"the '{name}' command is not available: {e}") from e

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY_COMMANDS and name not in self.commands:
                rows.append((name, LAZY_COMMANDS[name][2]))
            else:
                cmd = self.commands.get(name)
                if cmd is not None and not cmd.hidden:
                    rows.append((name, cmd.get_short_help_str(80)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog="""\b
Examples:
  vimednlp demo
  vimednlp deid notes/ --out deid/ --operator surrogate --workers 2
  vimednlp extract note.txt
  vimednlp code "cao huyet ap"
  vimednlp corpus validate corpus.jsonl
""")
@click.version_option(__version__, prog_name="vimednlp")
def cli() -> None:
    """vimednlp: Vietnamese medical NLP — de-identification, clinical entities, coding, corpora, annotation."""


@cli.command()
def version() -> None:
    """Print the version of vimednlp and its main dependencies.

    \b
    Example:
      vimednlp version
    """
    import platform

    click.echo(f"vimednlp {__version__}")
    click.echo(f"python {platform.python_version()}")
    for dist in ("spacy", "underthesea", "scikit-learn", "transformers", "torch", "label-studio-sdk"):
        try:
            from importlib.metadata import version as v

            click.echo(f"{dist} {v(dist)}")
        except Exception:
            click.echo(f"{dist} (not installed)")


@cli.command()
@click.option("--operator", default="tag", show_default=True,
              type=click.Choice(["tag", "mask", "redact", "surrogate", "hash", "encrypt"]),
              help="How identifiers are replaced.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON record.")
@click.option("--codes/--no-codes", default=None,
              help="Attach ICD-10 / drug / lab codes (default: when the code index is already built).")
def demo(operator: str, as_json: bool, codes: bool | None) -> None:
    """Run the whole pipeline on a bundled sample note and print its spans.

    \b
    Examples:
      vimednlp demo
      vimednlp demo --operator surrogate
      vimednlp demo --codes --json
    """
    from .demo import run_demo

    run_demo(operator=operator, as_json=as_json, codes=codes)


def main(argv: list[str] | None = None) -> None:
    """Entry point: click's exit codes (2 for usage), 1 for any failure, never a traceback for user errors."""
    try:
        rv = cli.main(args=argv, prog_name="vimednlp", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.UsageError as e:
        e.show()
        sys.exit(2)
    except click.ClickException as e:
        e.show()
        sys.exit(1)
    except (ValueError, FileNotFoundError, PermissionError, UnicodeDecodeError, ImportError, OSError) as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    # with standalone_mode=False click returns ctx.exit()'s code; commands return None on success
    sys.exit(rv if isinstance(rv, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
