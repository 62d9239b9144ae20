"""Corpus statistics: documents per split, tokens, per-label counts and span lengths, label co-occurrence."""
from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from ..schema import Document


@dataclass
class CorpusStats:
    n_docs: int = 0
    n_tokens: int = 0
    n_chars: int = 0
    n_spans: int = 0
    docs_per_split: Counter = field(default_factory=Counter)
    label_counts: Counter = field(default_factory=Counter)
    label_docs: Counter = field(default_factory=Counter)  # documents containing the label
    span_tokens: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    span_chars: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    cooccurrence: Counter = field(default_factory=Counter)  # (label_a, label_b) -> documents with both
    doc_tokens: list[int] = field(default_factory=list)
    sources: Counter = field(default_factory=Counter)
    docs_with_spans: int = 0

    def to_dict(self) -> dict:
        return {
            "documents": self.n_docs, "tokens": self.n_tokens, "characters": self.n_chars, "spans": self.n_spans,
            "documents_per_split": dict(self.docs_per_split),
            "labels": {lab: {"spans": n, "documents": self.label_docs[lab],
                             "mean_tokens": round(statistics.fmean(self.span_tokens[lab]), 2),
                             "max_tokens": max(self.span_tokens[lab]),
                             "mean_chars": round(statistics.fmean(self.span_chars[lab]), 2)}
                       for lab, n in sorted(self.label_counts.items())},
            "cooccurrence": {f"{a}+{b}": n for (a, b), n in sorted(self.cooccurrence.items())},
        }


def compute_stats(docs: Iterable[Document], label_source: str = "label", progress: bool = False) -> CorpusStats:
    """One pass over the records. Tokens are whitespace-separated syllables of the text."""
    from tqdm import tqdm

    st = CorpusStats()
    for doc in tqdm(docs, desc="stats", unit="doc", disable=None if progress else True):
        st.n_docs += 1
        st.docs_per_split[str(doc.meta.get("split", "-"))] += 1
        if doc.meta.get("source"):
            st.sources[str(doc.meta["source"])] += 1
        ntok = len(doc.text.split())
        st.n_tokens += ntok
        st.doc_tokens.append(ntok)
        st.n_chars += len(doc.text)
        labels = set()
        for s in doc.spans:
            lab = str(s.attrs.get("orig_label") or s.label) if label_source == "orig" else s.label
            labels.add(lab)
            st.n_spans += 1
            st.label_counts[lab] += 1
            st.span_tokens[lab].append(len(doc.text[s.start:s.end].split()))
            st.span_chars[lab].append(s.end - s.start)
        st.docs_with_spans += bool(labels)
        for lab in labels:
            st.label_docs[lab] += 1
        for a, b in combinations(sorted(labels), 2):
            st.cooccurrence[(a, b)] += 1
    return st


def table(rows: list[list], header: list[str]) -> str:
    """A plain aligned text table (numbers right-aligned, thousands separated), by tabulate."""
    from tabulate import tabulate

    return tabulate(rows, headers=header, tablefmt="simple", intfmt=",", floatfmt=".2f", numalign="right")


def format_stats(st: CorpusStats, cooc_top: int = 15) -> str:
    out = [f"documents: {st.n_docs:,}   tokens: {st.n_tokens:,}   spans: {st.n_spans:,}   "
           f"tokens/doc: {statistics.fmean(st.doc_tokens) if st.doc_tokens else 0:.1f}"]
    out.append("")
    out.append(table([[k, v] for k, v in sorted(st.docs_per_split.items())], ["split", "documents"]))
    out.append("")
    rows = []
    for lab, n in sorted(st.label_counts.items(), key=lambda x: (-x[1], x[0])):
        toks = st.span_tokens[lab]
        rows.append([lab, n, st.label_docs[lab], round(100 * n / st.n_spans, 1) if st.n_spans else 0.0,
                     statistics.fmean(toks), float(statistics.median(toks)), max(toks),
                     statistics.fmean(st.span_chars[lab])])
    rows.append(["TOTAL", st.n_spans, st.docs_with_spans, 100.0 if st.n_spans else 0.0,
                 statistics.fmean([x for v in st.span_tokens.values() for x in v]) if st.n_spans else 0.0,
                 float(statistics.median([x for v in st.span_tokens.values() for x in v])) if st.n_spans else 0.0,
                 max([x for v in st.span_tokens.values() for x in v], default=0),
                 statistics.fmean([x for v in st.span_chars.values() for x in v]) if st.n_spans else 0.0])
    out.append(table(rows, ["label", "spans", "docs", "%", "mean tok", "median tok", "max tok", "mean chars"]))
    if st.cooccurrence:
        out.append("")
        out.append(f"label co-occurrence (documents with both, top {cooc_top}):")
        rows = [[f"{a} + {b}", n] for (a, b), n in st.cooccurrence.most_common(cooc_top)]
        out.append(table(rows, ["labels", "documents"]))
    return "\n".join(out)


def plot_stats(st: CorpusStats, path: str | Path) -> Path:
    """A PNG with label counts and span-length distribution (matplotlib, Agg backend: no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [lab for lab, _ in st.label_counts.most_common()]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 4.5))
    a1.barh(labels[::-1], [st.label_counts[x] for x in labels[::-1]], color="#4C72B0")
    a1.set_xlabel("spans")
    a1.set_title(f"spans per label ({st.n_docs:,} documents)")
    a2.boxplot([st.span_tokens[x] for x in labels[::-1]], orientation="horizontal", tick_labels=labels[::-1], showfliers=False)
    a2.set_xlabel("span length (syllables)")
    a2.set_title("span length")
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
