"""Is cost linear in document length? De-identification throughput from 50 to 50,000 words per document."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from common import plots_dir, write_result
from notes import notes_of_words
from suites.speed import run_worker

TITLE = "Scaling with document length"
LENGTHS = (50, 500, 5000, 50000)
PIPELINES = ("deid_tag", "extract_rules")


def run(quick: bool = False, command: str = "") -> dict:
    budget = 20000 if quick else 100000  # words per length point
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for length in LENGTHS:
            n = max(1, budget // length)
            docs = notes_of_words(n, length, seed=length)
            path = Path(tmp, f"len{length}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for d in docs:
                    f.write(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n")
            for pipe in PIPELINES:
                r = run_worker(pipe, path)
                if "error" not in r:
                    r["words_per_s"] = round(r["words"] / r["seconds"])
                    r["mean_words"] = round(r["words"] / r["docs"])
                rows.append({"length": length, "pipeline": pipe, **r})
                print(f"  {pipe} {length} words: {r.get('words_per_s')} words/s, {r.get('peak_rss_mb', 0):.0f} MB")
    plot(rows)
    write_result("scaling", {"command": command, "rows": rows})
    return {"rows": rows}


def plot(rows) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = plots_dir()
    fig, ax = plt.subplots(figsize=(6, 3.8))
    for pipe in PIPELINES:
        pts = [(r["mean_words"], r["words_per_s"]) for r in rows if r["pipeline"] == pipe and "words_per_s" in r]
        if pts:
            ax.plot(*zip(*pts), marker="o", label=pipe)
    ax.set_xscale("log")
    ax.set_xlabel("words per document")
    ax.set_ylabel("words per second")
    ax.set_ylim(bottom=0)
    ax.set_title("Throughput against document length (flat = linear cost)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "scaling.png", dpi=110)
    plt.close(fig)


def render(res: dict) -> str:
    lines = ["| pipeline | words/doc (mean) | docs | words/s | peak RSS MB |", "|---|---|---|---|---|"]
    for r in res["rows"]:
        if "error" in r:
            lines.append(f"| {r['pipeline']} | {r['length']} | error: {r['error']} | | |")
        else:
            lines.append(f"| {r['pipeline']} | {r['mean_words']} | {r['docs']} | {r['words_per_s']} | "
                         f"{r['peak_rss_mb']:.0f} |")
    lines += ["", "Constant words/s across lengths means cost is linear in length.", "",
              "![throughput against document length](plots/scaling.png)"]
    return "\n".join(lines)
