"""Build `assertions.jsonl` from the two marked-up sentence files (run: python corpora/assertions/build.py).

Markup: `[target|L:classes]`, L = D (DISEASE) or S (SYMPTOM), classes a comma list of
neg, unc, hist, fam, hyp (empty = affirmed). Each sentence gets a fixed split: `dev` (used while
writing the rules) or `test` (held out: never looked at while tuning), decided by a hash of its text.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {"sentences_vi.txt": True, "sentences_noaccent.txt": False}
CLASSES = {"neg": "negated", "unc": "uncertain", "hist": "historical", "fam": "family", "hyp": "hypothetical"}
LABELS = {"D": "DISEASE", "S": "SYMPTOM"}
MARK = re.compile(r"\[([^\[\]|]+)\|([DS]):([a-z,]*)\]")


def parse(line: str) -> tuple[str, list[dict]]:
    text, targets, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(line):
        before = line[pos:m.start()]
        text.append(before)
        out_len += len(before)
        term = m.group(1)
        classes = [CLASSES[c] for c in m.group(3).split(",") if c]
        targets.append({"start": out_len, "end": out_len + len(term), "label": LABELS[m.group(2)],
                        "text": term, "assertions": sorted(classes)})
        text.append(term)
        out_len += len(term)
        pos = m.end()
    text.append(line[pos:])
    return "".join(text), targets


def split_of(text: str) -> str:
    return "test" if int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 100 < 40 else "dev"


def main() -> int:
    out = []
    for name, accented in FILES.items():
        for lineno, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            text, targets = parse(line)
            if "[" in text or "]" in text.replace("(", "").replace(")", ""):
                raise SystemExit(f"{name}:{lineno}: broken markup")
            if not targets:
                raise SystemExit(f"{name}:{lineno}: no target")
            for t in targets:
                for c in t["assertions"]:
                    if c not in CLASSES.values():
                        raise SystemExit(f"{name}:{lineno}: unknown class {c}")
            out.append({"id": f"{name.split('.')[0]}-{lineno}", "text": text, "targets": targets,
                        "diacritics": accented, "split": split_of(text)})
    with open(HERE / "assertions.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in out)
    n_t = sum(len(r["targets"]) for r in out)
    print(f"{len(out)} sentences, {n_t} targets -> assertions.jsonl "
          f"(dev {sum(r['split'] == 'dev' for r in out)}, test {sum(r['split'] == 'test' for r in out)})",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
