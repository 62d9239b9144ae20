"""Train the default PHI tagger shipped in the package, ONLY on data the project owns: the synthetic corpus
and the hand-written DEVELOPMENT notes (corpora/handwritten/dev_notes.jsonl and dev_heldout.jsonl, plus the blind
batches of blind_notes.jsonl whose first-sight score is recorded in benchmarks/results/first_sight/, repeated
`--dev-repeat` times so that 100-odd real-looking notes weigh against 1,500 generated ones). The hand-written
TEST notes (corpora/handwritten/notes.jsonl) are never trained on: the script refuses a test note.

    python corpora/synthetic/train_default_model.py            # 1500 docs, seed 13, dev notes x3 -> src/vimednlp/resources/deid/model/
    python corpora/synthetic/train_default_model.py --dev-repeat 0   # synthetic only (the model shipped before)
    python corpora/synthetic/train_default_model.py --forms 1800     # plus 1800 many-form documents (forms.py)
    python corpora/synthetic/train_default_model.py --forms 3600 --blind-upto dev-472 --out /tmp/m  # batches 28-31 unseen
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from corpora.synthetic.forms import generate_forms
from corpora.synthetic.generate import generate
from vimednlp.deid.tagger import DEFAULT_MODEL_DIR, phi_crf
from vimednlp.schema import Document

HANDWRITTEN = ROOT / "corpora" / "handwritten"
DEV_FILES = ("dev_notes.jsonl", "dev_heldout.jsonl")
# a blind batch (blind_notes.jsonl) joins the training data only once its first-sight score is recorded here
FIRST_SIGHT = ROOT / "benchmarks" / "results" / "first_sight"


def scored_blind_ids() -> set[str]:
    import json

    ids: set[str] = set()
    for p in FIRST_SIGHT.glob("b*_default.json"):
        ids.update(n["id"] for n in json.loads(p.read_text(encoding="utf-8"))["notes"])
    return ids


def _id_number(note_id: str) -> int:
    return int(note_id.rsplit("-", 1)[1])


def dev_notes(blind_upto: str | None = None) -> list[Document]:
    """The hand-written development notes, and the blind batches already scored at first sight (only those with an
    id up to `blind_upto`, e.g. 'dev-472', when given: the later ones stay unseen to measure generalisation); fails
    if one of them is also a test note."""
    docs = []
    for name in DEV_FILES:
        path = HANDWRITTEN / name
        if path.exists():
            docs += [Document.from_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    blind = HANDWRITTEN / "blind_notes.jsonl"
    if blind.exists():
        scored = scored_blind_ids()
        if blind_upto:
            scored = {i for i in scored if _id_number(i) <= _id_number(blind_upto)}
        docs += [d for d in (Document.from_json(line) for line in blind.read_text(encoding="utf-8").splitlines()
                             if line.strip()) if d.id in scored]
    test = [Document.from_json(line) for line in (HANDWRITTEN / "notes.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    clash = {d.id for d in test} & {d.id for d in docs} or {d.text for d in test} & {d.text for d in docs}
    if clash:
        raise SystemExit(f"refusing to train: {len(clash)} development note(s) are also test notes")
    return docs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--iterations", type=int, default=80)
    ap.add_argument("--dev-repeat", type=int, default=3,
                    help="times the hand-written development notes are added (0: synthetic only)")
    ap.add_argument("--forms", type=int, default=0,
                    help="also this many documents of the many-form generator (corpora/synthetic/forms.py), all genres")
    ap.add_argument("--forms-seed", type=int, default=31, help="seed of the many-form documents (never an evaluation seed)")
    ap.add_argument("--blind-upto", metavar="ID",
                    help="train only on the scored blind batches with an id up to this one, e.g. dev-472, so that "
                         "the later batches measure generalisation (default: every scored batch)")
    ap.add_argument("--c1", type=float, default=None,
                    help="L1 penalty (default: phi_crf's); a larger one zeroes more weights, so the model is smaller")
    ap.add_argument("--c2", type=float, default=None, help="L2 penalty (default: phi_crf's)")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR)
    ap.add_argument("--verbose", action="store_true", help="print crfsuite's optimizer log")
    args = ap.parse_args(argv)
    docs = generate(args.n, args.seed)
    if args.forms:
        docs += generate_forms(args.forms, args.forms_seed)
    dev = dev_notes(args.blind_upto) if args.dev_repeat > 0 else []
    # the one CRF (vimednlp.taggers.crf.CRFTagger) with the PHI feature set, saved in the common folder format
    penalties = {k: v for k, v in (("c1", args.c1), ("c2", args.c2)) if v is not None}
    tagger = phi_crf(max_iterations=args.iterations, verbose=args.verbose, **penalties).fit(docs + dev * args.dev_repeat,
                                                                                progress=True)
    what = f"vimednlp synthetic corpus (corpora/synthetic/generate.py, n={args.n}, seed={args.seed})"
    if args.forms:
        what += f" + many-form corpus (corpora/synthetic/forms.py, n={args.forms}, seed={args.forms_seed})"
    if dev:
        what += f" + {len(dev)} hand-written development notes x{args.dev_repeat} (corpora/handwritten, no test note"
        what += f", blind batches up to {args.blind_upto})" if args.blind_upto else ")"
    tagger.info["trained_on"] = what
    out = tagger.save(args.out)
    size = sum(f.stat().st_size for f in out.iterdir())
    print(f"saved to {out} ({size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
