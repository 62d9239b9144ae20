"""Train/dev/test splits by document: grouped by `meta.patient_id`, stratified by label presence, seeded.

Groups (one patient's documents, or a lone document) are assigned whole. Groups are visited rarest
label first (seeded shuffle within equal rarity) and each goes to the split that most lacks its
rarest label relative to the target ratios, the way iterative stratification does for multi-label
data. The same input and seed give the same split on every machine (no hash randomization used).
"""
from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..schema import Document


def split_documents(docs: Sequence[Document], ratios: dict[str, float] | None = None, seed: int = 13,
                    group_key: str = "patient_id", label_source: str = "label") -> dict[str, list[Document]]:
    ratios = ratios or {"train": 0.8, "dev": 0.1, "test": 0.1}
    total = sum(ratios.values())
    if total <= 0 or any(r < 0 for r in ratios.values()):
        raise ValueError("split ratios must be non-negative with a positive sum")
    names = list(ratios)
    frac = {k: v / total for k, v in ratios.items()}

    groups: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        g = d.meta.get(group_key)
        groups[f"g:{g}" if g not in (None, "") else f"d:{i}"].append(i)

    def labels_of(idx: list[int]) -> set[str]:
        out = set()
        for i in idx:
            for s in docs[i].spans:
                out.add(str(s.attrs.get("orig_label") or s.label) if label_source == "orig" else s.label)
        return out

    glabels = {g: labels_of(ix) for g, ix in groups.items()}
    freq = Counter(lab for ls in glabels.values() for lab in ls)
    rng = random.Random(seed)
    keys = sorted(groups)
    rng.shuffle(keys)

    def rarity(g: str) -> tuple:
        ls = glabels[g]
        return (min((freq[x] for x in ls), default=10**12), )

    keys.sort(key=rarity)  # stable: ties keep the seeded order
    # wanted documents per split and per (split, label)
    n_docs = len(docs)
    want_docs = {k: frac[k] * n_docs for k in names}
    want_lab = {(k, lab): frac[k] * freq[lab] for k in names for lab in freq}
    have_docs: Counter = Counter()
    have_lab: Counter = Counter()
    assign: dict[str, str] = {}
    for g in keys:
        ls = glabels[g]
        size = len(groups[g])
        if ls:
            rare = min(ls, key=lambda x: (freq[x], x))
            score = {k: want_lab[(k, rare)] - have_lab[(k, rare)] for k in names}
        else:
            score = {k: want_docs[k] - have_docs[k] for k in names}
        # ties go to the split that lacks the most documents, then to the order given
        best = max(names, key=lambda k: (round(score[k], 9), want_docs[k] - have_docs[k], -names.index(k)))
        if frac[best] == 0:
            best = max(names, key=lambda k: want_docs[k] - have_docs[k])
        assign[g] = best
        have_docs[best] += size
        for lab in ls:
            have_lab[(best, lab)] += 1
    out: dict[str, list[Document]] = {k: [] for k in names}
    for i, d in enumerate(docs):
        g = d.meta.get(group_key)
        key = f"g:{g}" if g not in (None, "") else f"d:{i}"
        out[assign[key]].append(d)
    return out
