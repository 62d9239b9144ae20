"""Single-process de-identification speed of two source trees, measured in the same run (issue #14's check).

    git worktree add /tmp/base <rev>
    python benchmarks/compare_trees.py --base /tmp/base/src --new src --rounds 12
    python benchmarks/compare_trees.py --base /tmp/base/src --new src --callgrind   # instruction counts

Each round runs `vimednlp.deidentify(text, operator="tag")` over 300 speed notes (`bench_deid_speed.make_docs`,
made once by this process so both trees read the same texts) in a fresh process per tree, alternating, and reports notes per second of CPU time. Wall and CPU time on a shared VM vary by 10-20 % from
run to run; `--callgrind` counts instructions instead (valgrind), per note: (60 notes - 0 notes) / 60.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CODE = r'''
import sys, time, json
docs = json.load(open(sys.argv[1], encoding="utf-8"))[:int(sys.argv[2])]
import vimednlp
vimednlp.deidentify("BN Nguyễn Văn An, SĐT 0912 345 678", operator="tag")
t = time.process_time()
for d in docs:
    vimednlp.deidentify(d, operator="tag")
print(json.dumps(len(docs) / max(time.process_time() - t, 1e-9)))
'''


NOTES = Path(tempfile.gettempdir()) / "vimednlp_compare_trees_notes.json"


def _notes() -> str:
    if not NOTES.exists():
        sys.path.insert(0, str(BENCH))
        from bench_deid_speed import make_docs

        NOTES.write_text(json.dumps(make_docs(300, seed=0, words=300), ensure_ascii=False), encoding="utf-8")
    return str(NOTES)


def _env(src: str) -> dict:
    return dict(os.environ, PYTHONPATH=str(Path(src).resolve()), HF_HUB_OFFLINE="1")


def rate(src: str) -> float:
    out = subprocess.run([sys.executable, "-c", CODE, _notes(), "300"], env=_env(src), capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def instructions(src: str, n: int) -> int:
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c",
                          CODE, _notes(), str(n)], env=_env(src), capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", out.stderr).group(1))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="the old tree's src/ folder")
    ap.add_argument("--new", required=True, help="the new tree's src/ folder")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--callgrind", action="store_true", help="count instructions per note with valgrind")
    a = ap.parse_args(argv)
    if a.callgrind:
        per = {k: (instructions(src, 60) - instructions(src, 0)) / 60 for k, src in (("base", a.base), ("new", a.new))}
        print(f"instructions per note: base {per['base']:,.0f}, new {per['new']:,.0f}, new/base "
              f"{per['new'] / per['base']:.3f}")
        return 0
    res: dict[str, list[float]] = {"base": [], "new": []}
    for _ in range(a.rounds):
        res["base"].append(rate(a.base))
        res["new"].append(rate(a.new))
    for k, v in res.items():
        print(f"{k}: notes/s (CPU) {[round(x, 1) for x in v]}, median {statistics.median(v):.1f}")
    print(f"new/base: median {statistics.median(res['new']) / statistics.median(res['base']):.3f}, "
          f"best {max(res['new']) / max(res['base']):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
