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


def run(quick: bool = False, command: str = "") -> dict:
    n = 5000 if quick else 100_000
    gen = generator()
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp, "in.jsonl")
        words = 0
        with inp.open("w", encoding="utf-8") as f:
            batch = 5000
            for start in range(0, n, batch):  # generated in batches: memory stays flat
                for d in gen.generate(min(batch, n - start), seed=100 + start):
                    words += len(d.text.split())
                    f.write(json.dumps({"id": f"{start}-{d.id}", "text": d.text}, ensure_ascii=False) + "\n")
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
    res = {"docs": n, "written": written, "mean_words": round(words / n), "seconds": round(secs, 1),
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
        "Wall time includes process start, model loading and writing; input from `corpora/synthetic/generate.py`.",
    ])
