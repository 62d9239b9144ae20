"""A Markdown corpus card (datasheet) from statistics and what the maintainer tells about the corpus."""
from __future__ import annotations

import datetime as _dt

from ..schema import SCHEMA_VERSION
from .stats import CorpusStats, format_stats


def make_card(st: CorpusStats, name: str, source: str = "", license: str = "", guideline_version: str = "",
              description: str = "", validation: dict | None = None, generated_from: str = "") -> str:
    """Markdown datasheet. Fields left empty are marked *unknown* so a reader sees what is missing."""
    def v(x: str) -> str:
        return x if x else "*unknown — fill in*"

    lines = [
        f"# Corpus card: {name}",
        "",
        description or "*Describe what the corpus is for and what it holds.*",
        "",
        "## Provenance",
        "",
        "| field | value |",
        "|---|---|",
        f"| source | {v(source)} |",
        f"| license | {v(license)} |",
        f"| annotation guideline version | {v(guideline_version)} |",
        f"| record schema version | {SCHEMA_VERSION} |",
        f"| built from | {v(generated_from)} |",
        f"| card generated | {_dt.date.today().isoformat()} |",
        "",
        "## Composition",
        "",
        "```",
        format_stats(st),
        "```",
        "",
    ]
    if st.sources:
        lines += ["Records per source: " + ", ".join(f"{k} {n:,}" for k, n in st.sources.most_common()), ""]
    if validation is not None:
        lines += ["## Validation", ""]
        if validation:
            lines += ["| problem | count |", "|---|---|"] + [f"| {k} | {n:,} |" for k, n in sorted(validation.items())]
        else:
            lines.append("`vimednlp corpus validate` found no problems.")
        lines.append("")
    lines += [
        "## Personal data",
        "",
        "*State whether the text is real or synthetic, how it was de-identified, and who may use it.*",
        "",
        "## Intended use and limits",
        "",
        "*State the tasks it supports, known gaps (genres, regions, label definitions) and what it must not be used for.*",
        "",
    ]
    return "\n".join(lines)
