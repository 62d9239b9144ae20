"""Suites whose numbers come from a room's own benchmark script: run it, keep its Markdown output.

The script's command line is recorded beside its output, so RESULTS.md says how each number was made.
"""
from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
import time

from common import ROOT, fresh_process, shared_dir, write_result


# CRFsuite's trainer writes its iteration log to stdout from C; it is not a result
_CRF_LOG = re.compile(r"^(Iter \d+ |Feature generation|type: CRF|feature\.|0\.\.\.\.1|Number of |Seconds required|"
                      r"L-BFGS|c1: |c2: |num_memories|max_iterations|epsilon|stop: |delta: |linesearch|"
                      r"Total seconds|Storing the model|Writing |\*\*\*\*\* |Optimization terminated|"
                      r"The line search|Start time|End time|Holdout group|Filling)")


# two trainings at once (bench_taggers --jobs 2) interleave their logs mid-line: progress dots, iteration lines
_CRF_MIXED = re.compile(r"^[\d.]+$|Iter \d+ +time=")


def _clean(out: str) -> str:
    kept: list[str] = []
    for line in out.splitlines():
        if _CRF_LOG.match(line) or _CRF_MIXED.search(line) or (not line.strip() and (not kept or not kept[-1].strip())):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def run_scripts(suite: str, commands: list[str], command: str, timeout: int = 1500) -> dict:
    runs = []
    # a fixed hash seed: set iteration order (e.g. of gazetteer entries, hence CRF feature order) is the same in
    # every run, so a rerun reproduces each number
    env = dict(os.environ, VIMEDNLP_SHARED=str(shared_dir()), HF_HUB_OFFLINE="1", PYTHONUNBUFFERED="1")
    env.setdefault("PYTHONHASHSEED", "0")
    for cmd in commands:
        argv = shlex.split(cmd.replace("$VIMEDNLP_SHARED", str(shared_dir())))
        if argv[0] == "python":
            argv[0] = sys.executable
        t0 = time.perf_counter()
        # from a forked shell (scripts that print their own max RSS must not inherit run.py's), in its own
        # process group so that a timeout ends the script and any processes it started
        proc = subprocess.Popen(fresh_process(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                cwd=ROOT, env=env, start_new_session=True)
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
            out, ok = _clean(stdout), proc.returncode == 0
            err = "" if ok else (stderr.strip().splitlines() or ["failed"])[-1][:300]
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            out, ok, err = "", False, f"timed out after {timeout} s"
        runs.append({"command": cmd, "ok": ok, "error": err, "seconds": round(time.perf_counter() - t0, 1),
                     "markdown": out.strip()})
        print(f"  {cmd}: {'ok' if ok else 'FAILED ' + err} ({runs[-1]['seconds']} s)")
    write_result(suite, {"command": command, "runs": runs})
    if not all(r["ok"] for r in runs):
        raise RuntimeError(f"{sum(not r['ok'] for r in runs)} script(s) failed")
    return {"runs": runs}


def render_scripts(res: dict) -> str:
    parts = []
    for r in res["runs"]:
        parts.append(f"`{r['command']}` ({r['seconds']} s)")
        parts.append("")
        # a script's own headings sit below the suite's heading in RESULTS.md
        out = "\n".join("###" + line.lstrip("#") if line.startswith("#") else line for line in r["markdown"].splitlines())
        if r["ok"] and not any(line.startswith("|") for line in out.splitlines()):
            out = f"```text\n{out}\n```"  # plain console output: keep its columns
        parts.append(out if r["ok"] else f"**failed**: {r['error']}")
        parts.append("")
    return "\n".join(parts)
