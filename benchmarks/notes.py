"""Benchmark inputs of a given length, built from our own synthetic generator (corpora/synthetic)."""
from __future__ import annotations

import importlib.util

from common import ROOT, EvalDoc

_GEN = None


def generator():
    global _GEN
    if _GEN is None:
        path = ROOT / "corpora" / "synthetic" / "generate.py"
        spec = importlib.util.spec_from_file_location("vimednlp_synthetic", path)
        _GEN = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(_GEN)
    return _GEN


def notes_of_words(n: int, words: int, seed: int = 7) -> list[EvalDoc]:
    """n documents of about `words` words, each made of whole synthetic documents (gold spans kept)."""
    gen = generator()
    pool = gen.generate(max(50, n * max(1, words // 80) // 2), seed=seed)
    out, i = [], 0
    for k in range(n):
        text, gold = "", []
        while len(text.split()) < words:
            d = pool[i % len(pool)]
            i += 1
            off = len(text) + (2 if text else 0)
            text = (text + "\n\n" + d.text) if text else d.text
            gold += [(s.start + off, s.end + off, s.label) for s in d.spans]
        out.append(EvalDoc(f"n{k}", text, gold))
    return out
