"""Score the assertion rules on the forms development set (`forms_dev.txt`: family history in prose, chats and
pedigree lines, history in problem lists, uncertainty in chats, section scope across lines).

    python corpora/assertions/forms.py            # per-class table, gold targets and end to end
    python corpora/assertions/forms.py --errors   # also each wrong target (labels and ids only on stderr)

Development data: the rules were written while looking at it; `assertions.jsonl` (split test) stays the held-out set.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FORMS = HERE / "forms_dev.txt"


def load(path: Path = FORMS) -> list[dict]:
    """Records of `path` in the form of `assertions.jsonl` (`\\n` in a line is a line break of the note)."""
    sys.path.insert(0, str(HERE))
    from build import parse

    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        text, targets = parse(line.replace("\\n", "\n"))
        if not targets:
            raise ValueError(f"{path.name}:{lineno}: no target")
        rows.append({"id": f"{path.stem}-{lineno}", "text": text, "targets": targets, "split": "dev"})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_clinical

    rows = load()
    print(bench_clinical.table("forms_dev: gold targets", bench_clinical.score(rows, show_errors=args.errors)))
    print()
    print(bench_clinical.table("forms_dev: end to end (lexicon spans)", bench_clinical.score(rows, end_to_end=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
