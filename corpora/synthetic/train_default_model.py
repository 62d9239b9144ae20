"""Train the default PHI tagger shipped in the package, ONLY on the project's synthetic corpus.

    python corpora/synthetic/train_default_model.py            # 1500 docs, seed 13 -> src/vimednlp/resources/deid/model/
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from corpora.synthetic.generate import generate
from vimednlp.deid.tagger import DEFAULT_MODEL_DIR, PhiTagger


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--iterations", type=int, default=80)
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR)
    args = ap.parse_args(argv)
    docs = generate(args.n, args.seed)
    tagger = PhiTagger(max_iterations=args.iterations).fit(docs, progress=True)
    tagger.meta.update({"trained_on": f"vimednlp synthetic corpus (corpora/synthetic/generate.py, n={args.n}, seed={args.seed})"})
    out = tagger.save(args.out)
    size = sum(f.stat().st_size for f in out.iterdir())
    print(f"saved to {out} ({size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
