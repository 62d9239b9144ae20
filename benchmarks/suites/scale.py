"""Scale: de-identify 100,000 synthetic documents with `vimednlp deid --workers 2`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, write_result
from notes import generator

TITLE = "Scale: 100,000 documents, --workers 2"


BATCH = 5000


def _batch(start: int, size: int) -> tuple[str, int]:
    """Batch `start` of the input as JSONL text and its word count (seeded by its start: any process makes the
    same bytes)."""
    lines, words = [], 0
    for d in generator().generate(size, seed=100 + start):
        words += len(d.text.split())
        lines.append(json.dumps({"id": f"{start}-{d.id}", "text": d.text}, ensure_ascii=False) + "\n")
    return "".join(lines), words


def write_input(path: Path, n: int, processes: int = 2) -> tuple[int, float]:
    """The n synthetic documents, generated in batches by `processes` processes and written in batch order;
    (words, seconds)."""
    import multiprocessing as mp

    t0 = time.perf_counter()
    words = 0
    jobs = [(start, min(BATCH, n - start)) for start in range(0, n, BATCH)]
    with path.open("w", encoding="utf-8") as f, mp.get_context("fork").Pool(processes) as pool:
        for text, w in pool.starmap(_batch, jobs, chunksize=1):
            f.write(text)
            words += w
    return words, time.perf_counter() - t0


def run(quick: bool = False, command: str = "") -> dict:
    n = 5000 if quick else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp, "in.jsonl")
        words, gen_s = write_input(inp, n)
        out = Path(tmp, "out.jsonl")
        cmd = [sys.executable, "-m", "vimednlp", "deid", str(inp), "--out", str(out), "--field", "text",
               "--operator", "tag", "--workers", "2"]
        t0 = time.perf_counter()
        if os.path.exists("/usr/bin/time"):
            r = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, cwd=ROOT)
        else:
            r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        secs = time.perf_counter() - t0
        if r.returncode != 0:
            raise RuntimeError(f"vimednlp deid failed: {(r.stderr.strip().splitlines() or ['?'])[-1]}")
        written = sum(1 for _ in out.open(encoding="utf-8"))
        import re

        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
        peak = int(m.group(1)) / 1024 if m else float("nan")
    res = {"docs": n, "written": written, "mean_words": round(words / n), "generate_s": round(gen_s, 1),
           "seconds": round(secs, 1),
           "docs_per_s": round(n / secs, 1), "peak_rss_mb_largest_process": round(peak)}
    print(f"  {res}")
    write_result("scale", {"command": command, **res})
    return res


def render(res: dict) -> str:
    return "\n".join([
        "| documents | written | words/doc (mean) | wall time (s) | docs/s | peak RSS of the largest process (MB) |",
        "|---|---|---|---|---|---|",
        f"| {res['docs']:,} | {res['written']:,} | {res['mean_words']} | {res['seconds']} | {res['docs_per_s']} | "
        f"{res['peak_rss_mb_largest_process']} |",
        "",
        "Wall time includes process start, model loading and writing; input from `corpora/synthetic/generate.py` "
        f"(generated beforehand in {res.get('generate_s', '?')} s, 2 processes, not in the wall time).",
    ])
