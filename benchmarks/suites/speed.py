"""Speed and peak memory of every pipeline and of the peers, on the same 300-word notes."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH, ROOT, fresh_process, run_peer, write_result
from notes import notes_of_words

TITLE = "Speed and memory (300-word notes)"
PIPELINES = ["text", "deid_detect", "deid_tag", "deid_strict", "deid_surrogate", "extract_rules", "spacy_full"]
# underthesea's NER runs ~5 notes/s here: it times the first 300 of the same notes (its rate is steady over a
# run; all 1000 would take ~3.5 of the 30 minutes `run.py all` may use). Every other row uses all the notes.
PEER_DOCS = {"underthesea": 300}


def run_worker(name: str, path: Path) -> dict:
    r = subprocess.run(fresh_process([sys.executable, str(BENCH / "speed_worker.py"), name, str(path)]),
                       capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        return {"error": r.stderr.strip().splitlines()[-1][:200] if r.stderr.strip() else "failed"}
    return json.loads(r.stdout.strip().splitlines()[-1])


def run_cli_workers(path: Path, workers: int, out_dir: Path) -> dict:
    """`vimednlp deid --workers N` over a JSONL: wall time and the peak RSS of the biggest process."""
    out = out_dir / f"out_w{workers}.jsonl"
    cmd = [sys.executable, "-m", "vimednlp", "deid", str(path), "--out", str(out), "--field", "text",
           "--operator", "tag", "--workers", str(workers)]
    t0 = time.perf_counter()
    timed = os.path.exists("/usr/bin/time")
    r = subprocess.run(["/usr/bin/time", "-v", *cmd] if timed else cmd, capture_output=True, text=True, cwd=ROOT)
    secs = time.perf_counter() - t0
    if r.returncode != 0:
        return {"error": (r.stderr.strip().splitlines() or ["failed"])[-1][:200]}
    n = sum(1 for _ in open(path, encoding="utf-8"))
    # GNU time: the largest resident set of the command's process tree (main process or a worker)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr) if timed else None
    return {"docs": n, "seconds": secs, "peak_rss_mb": round(int(m.group(1)) / 1024, 1) if m else None,
            "note": "wall time including process start and model loading"}


def compile_package() -> None:
    """Byte-compile vimednlp's sources first, as `pip install` does for an installed package (the peers are
    installed that way): an editable checkout under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every
    module again in each timed process."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "vimednlp")], capture_output=True,
                   check=False)


def run(quick: bool = False, command: str = "") -> dict:
    n = 100 if quick else 1000
    compile_package()
    docs = notes_of_words(n, 300)
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "notes.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n")
        for name in PIPELINES:
            rows[name] = run_worker(name, path)
            print(f"  {name}: {rows[name]}")
        for w in (1, 2):
            rows[f"deid CLI --workers {w}"] = run_cli_workers(path, w, Path(tmp))
            print(f"  cli w{w}: {rows[f'deid CLI --workers {w}']}")
        for peer in ("vipii", "presidio", "underthesea"):
            got = run_peer(peer, docs[:PEER_DOCS.get(peer, len(docs))])
            rows[f"peer: {peer}"] = got[1] if got else {"error": "not available"}
            print(f"  {peer}: {rows[f'peer: {peer}']}")
    for v in rows.values():
        if "docs" in v and v.get("seconds"):
            v["docs_per_s"] = round(v["docs"] / v["seconds"], 1)
    write_result("speed", {"command": command, "docs": n, "words_per_doc": 300, "pipelines": rows})
    return rows


def render(res: dict) -> str:
    rows = res["pipelines"]
    base = rows.get("deid_tag", {}).get("docs_per_s")
    lines = [f"{res['docs']} notes of about {res['words_per_doc']} words each; one process per row "
             "(peak RSS is that process's own; CLI rows: the largest process of the run). The docs column says "
             "how many of the notes a row timed: a slow peer times the first ones only. vimednlp's sources are "
             "byte-compiled first (`python -m compileall src/vimednlp`), as pip does for an installed package and "
             "did for the peers.", "",
             "| pipeline | docs | docs/s | peak RSS MB | load s | throughput ratio to vimednlp deid_tag |",
             "|---|---|---|---|---|---|"]
    for name, v in rows.items():
        if "error" in v:
            lines.append(f"| {name} | | error: {v['error']} | | | |")
            continue
        ratio = f"{v['docs_per_s'] / base:.2f}" if base and v.get("docs_per_s") else "-"
        load = v.get("load_seconds")
        rss = v.get("peak_rss_mb")
        lines.append(f"| {name} | {v.get('docs', '')} | {v.get('docs_per_s')} | {'-' if rss is None else round(rss)} | "
                     f"{'' if load is None else round(load, 1)} | {ratio} |")
    cli, vip = rows.get("deid CLI --workers 2", {}), rows.get("peer: vipii", {})
    if cli.get("seconds") and vip.get("seconds") and vip.get("docs") == cli.get("docs"):
        # like for like: the CLI row's wall time includes process start and model loading, a peer row's does
        # not, so the peer's load time is added back before comparing
        vip_all = vip["docs"] / (vip["seconds"] + (vip.get("load_seconds") or 0.0))
        lines += ["", f"`vimednlp deid --workers 2` against vipii on the same {cli['docs']} notes, both counting "
                  f"process start and model loading: {cli['docs_per_s']} / {vip_all:.1f} docs/s = "
                  f"**{cli['docs_per_s'] / vip_all:.2f}x** (against vipii's rate without its loading, "
                  f"{vip['docs_per_s']} docs/s: {cli['docs_per_s'] / vip['docs_per_s']:.2f}x)."]
    return "\n".join(lines)
