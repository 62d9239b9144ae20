"""Instructions per note of `deidentify` (callgrind): a speed measure that a busy machine does not blur.

Wall-clock rates on a shared 2-core machine move by 30% between two runs of the same code; callgrind's instruction
count of the same code on the same notes repeats to the last digit (PYTHONHASHSEED=0). Loading is left out: the
child process loads the detector and tags two notes, then callgrind's instrumentation is switched on
(`callgrind_control -i on`) and the notes are tagged.

    python benchmarks/bench_speed_icount.py                      # 8 speed-suite notes, default profile
    python benchmarks/bench_speed_icount.py --profile strict --docs 6
    python benchmarks/bench_speed_icount.py --src /tmp/old/src   # another copy of the package (A/B)
    python benchmarks/bench_speed_icount.py --nogc               # the garbage collector off while counting

--nogc compares code changes without the noise of when a collection happens to fall (a full collection costs
tens of millions of instructions; 8 notes see zero or one). Without it, the count includes the collector.
Needs valgrind. Prints one JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(a: argparse.Namespace) -> None:
    import gc

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from notes import notes_of_words

    from vimednlp import deidentify

    texts = [d.text for d in notes_of_words(a.skip + a.docs, 300)][a.skip:]
    for t in texts[:2]:  # warm-up: lexicons, rule packs, model, lazy analyses
        deidentify(t, operator="tag", profile=a.profile)
    if a.nogc:
        gc.collect()
        gc.disable()
    Path(a.flag + ".ready").touch()
    while not os.path.exists(a.flag + ".go"):
        time.sleep(0.05)
    for t in texts:
        deidentify(t, operator="tag", profile=a.profile)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=8)
    ap.add_argument("--skip", type=int, default=100, help="notes of the speed suite skipped first")
    ap.add_argument("--profile", default="default", choices=["default", "strict"])
    ap.add_argument("--src", default=str(ROOT / "src"), help="the folder holding the vimednlp package to measure")
    ap.add_argument("--nogc", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--flag", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        child(a)
        return
    with tempfile.TemporaryDirectory() as tmp:
        flag = str(Path(tmp, "flag"))
        env = dict(os.environ, PYTHONPATH=a.src, PYTHONHASHSEED="0", HF_HUB_OFFLINE="1")
        cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={tmp}/cg.out",
               sys.executable, __file__, "--child", "--flag", flag, "--docs", str(a.docs), "--skip", str(a.skip),
               "--profile", a.profile] + (["--nogc"] if a.nogc else [])
        proc = subprocess.Popen(cmd, env=env, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        while not os.path.exists(flag + ".ready"):
            if proc.poll() is not None:
                sys.exit(f"the measured process ended early:\n{proc.stdout.read()[-2000:]}")
            time.sleep(0.5)
        subprocess.run(["callgrind_control", "-i", "on", str(proc.pid)], capture_output=True, check=False)
        Path(flag + ".go").touch()
        out = proc.communicate()[0]
    m = re.search(r"Collected : (\d+)", out)
    if proc.returncode != 0 or not m:
        sys.exit(f"callgrind failed:\n{out[-2000:]}")
    print(json.dumps({"profile": a.profile, "docs": a.docs, "src": a.src, "nogc": a.nogc,
                      "M_instructions_per_note": round(int(m.group(1)) / a.docs / 1e6, 2)}))


if __name__ == "__main__":
    main()
