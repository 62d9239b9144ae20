"""Corpus I/O speed and memory: read + write N standard records (JSONL, CoNLL, Label Studio, DocBin).

Records are synthetic Vietnamese clinical sentences made here (no third-party text): ~30 syllables and
3 spans each. Throughput is measured without tracing; peak Python memory in a second pass under
tracemalloc. Streaming JSONL read (iter_read) keeps memory flat; `read()` holds every record.

    python benchmarks/bench_corpus.py --n 100000 --phoner $VIMEDNLP_SHARED/data/phoner_covid19 \
        --out benchmarks/results/corpus.md
"""
from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from vimednlp.corpus import iter_read, write
from vimednlp.schema import Document, Span

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc"]
GIVEN = ["An", "Bình", "Hương", "Lan", "Dũng", "Mai", "Tuấn", "Hà"]
SYMPTOMS = ["sốt cao", "ho khan", "khó thở", "đau ngực", "đau đầu", "buồn nôn", "mệt mỏi kéo dài"]
PLACES = ["quận Cầu Giấy , Hà Nội", "phường Bến Nghé , quận 1", "huyện Củ Chi", "thành phố Đà Nẵng"]


def make_record(i: int, rng: random.Random) -> Document:
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    age = f"{rng.randint(1, 95)} tuổi"
    sym = rng.choice(SYMPTOMS)
    place = rng.choice(PLACES)
    parts = ["Bệnh nhân", name, ",", age, ", địa chỉ", place, ", vào viện ngày", f"{rng.randint(1, 28)}/"
             f"{rng.randint(1, 12)}/2024", "vì", sym, ", đã được xét nghiệm và theo dõi tại khoa Nội ."]
    text = " ".join(parts)
    spans = []
    for t, lab in ((name, "NAME"), (age, "AGE"), (sym, "SYMPTOM")):
        a = text.index(t)
        spans.append(Span(a, a + len(t), lab, t))
    return Document(f"syn-{i:06d}", text, spans, {"source": "bench", "patient_id": f"P{i // 4}"})


def _time(fn):
    """(result, wall seconds, CPU seconds of this process): CPU time is the steady figure on a shared box."""
    gc.collect()
    t, c = time.perf_counter(), time.process_time()
    n = fn()
    return n, time.perf_counter() - t, time.process_time() - c


def _peak(fn) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--formats", default="jsonl,conll,labelstudio,docbin")
    ap.add_argument("--docbin-n", type=int, default=2_000,
                    help="records for DocBin (spaCy's msgpack setup scans entry points per document: slow)")
    ap.add_argument("--out", help="write a Markdown table here")
    ap.add_argument("--phoner", help="PhoNER_COVID19 folder (e.g. $VIMEDNLP_SHARED/data/phoner_covid19): "
                    "also measure its lossless round trip and counts")
    args = ap.parse_args(argv)
    rng = random.Random(0)
    docs = [make_record(i, rng) for i in range(args.n)]
    tmp = Path(tempfile.mkdtemp(prefix="vimednlp-bench-"))
    ext = {"jsonl": ".jsonl", "conll": ".conll", "labelstudio": ".json", "docbin": ".spacy"}
    rows = []
    for fmt in args.formats.split(","):
        path = tmp / f"bench{ext[fmt]}"
        n = min(args.n, args.docbin_n) if fmt == "docbin" else args.n
        subset = docs[:n]

        def do_write():
            if fmt == "conll":
                return write(iter(subset), path, fmt, label_source="label")
            return write(iter(subset), path, fmt)

        def do_read_stream():
            n = 0
            for _ in iter_read(path, fmt):
                n += 1
            return n

        write(docs[:5], tmp / f"warm{ext[fmt]}", fmt)  # imports (spaCy for DocBin) stay out of the timing
        list(iter_read(tmp / f"warm{ext[fmt]}", fmt))
        n_w, t_w, c_w = _time(do_write)
        n_r, t_r, c_r = _time(do_read_stream)
        assert n_w == n_r == n, (fmt, n_w, n_r)
        m_w = _peak(do_write)
        m_r = _peak(do_read_stream)
        size = path.stat().st_size / 2**20
        rows.append((fmt, n, n / c_w, n / c_r, n / t_w, n / t_r, m_w, m_r, size))
        print(f"{fmt:12s} n={n:,} CPU: write {n / c_w:9,.0f} rec/s read {n / c_r:9,.0f} rec/s | wall: write "
              f"{n / t_w:9,.0f} read {n / t_r:9,.0f} | "
              f"peak write {m_w:7.1f} MiB  peak read {m_r:7.1f} MiB  file {size:6.1f} MiB", flush=True, file=sys.stderr)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cmd = "python benchmarks/bench_corpus.py " + " ".join(sys.argv[1:] if argv is None else argv)
    md = [
        "# Corpus I/O benchmark",
        "",
        f"Reading and writing {args.n:,} synthetic standard records (~30 syllables, 3 spans each).",
        f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
        "shared development VM with other engineers' jobs running.",
        "Peak memory is Python allocations under tracemalloc during that step alone (the input records, "
        f"~{sum(sys.getsizeof(d.text) for d in docs) / 2**20:.0f} MiB of text, were already in memory); "
        f"process max RSS {rss:,.0f} MiB.",
        "",
        "Rates are records per second of process CPU time (the steady figure here) and of wall-clock time",
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the end of the run).",
        "",
        "| format | records | write rec/s (CPU) | read rec/s (CPU, streaming) | write rec/s (wall) | "
        "read rec/s (wall) | peak MiB write | peak MiB read | file MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ] + [f"| {f} | {n:,} | {cw:,.0f} | {cr:,.0f} | {w:,.0f} | {r:,.0f} | {mw:.1f} | {mr:.1f} | {s:.1f} |"
         for f, n, cw, cr, w, r, mw, mr, s in rows] + [
        "",
        "Label Studio JSON and DocBin are whole-file formats: reading and writing them holds every record.",
        "JSONL and CoNLL stream: their peak memory does not grow with the corpus.",
        "DocBin runs on fewer records: spaCy's DocBin.add builds a msgpack packer per document, and srsly looks",
        "its encoders up through package entry points every time (most of the DocBin write time here).",
        "",
        f"Command: `{cmd}`",
        "",
    ]
    if args.phoner:
        md += phoner_section(Path(args.phoner))
    if args.out:
        Path(args.out).write_text("\n".join(md), encoding="utf-8")
    else:
        print("\n".join(md[2:]))  # the table for benchmarks/run.py (the heading is the suite's)
    return 0


def phoner_section(root: Path) -> list[str]:
    """PhoNER_COVID19 (read from the user's copy, never stored): lossless round trip, counts, level agreement."""
    import io

    from vimednlp.corpus import load_corpus
    from vimednlp.corpus.conll import write_conll
    from vimednlp.corpus.validate import validate

    rows, loaded = [], {}
    for level in ("syllable", "word"):
        t, c = time.perf_counter(), time.process_time()
        docs = load_corpus("phoner_covid19", root, level=level)
        t_read, c_read = time.perf_counter() - t, time.process_time() - c
        loaded[level] = docs
        for split in ("train", "dev", "test"):
            part = [d for d in docs if d.meta["split"] == split]
            buf = io.StringIO()
            write_conll(part, buf, level=level, label_source="orig")
            same = buf.getvalue().encode("utf-8") == (root / level / f"{split}_{level}.conll").read_bytes()
            rows.append(f"| {level} | {split} | {len(part):,} | {sum(len(d.spans) for d in part):,} | "
                        f"{'yes' if same else 'NO'} |")
        rows.append(f"| {level} | all | {len(docs):,} | {sum(len(d.spans) for d in docs):,} | read in "
                    f"{t_read:.1f} s wall / {c_read:.1f} s CPU |")
    same = glued = 0
    for a, b in zip(loaded["syllable"], loaded["word"]):
        for x, y in zip(a.spans, b.spans):
            if x.text == y.text.replace("_", " ") and x.attrs["orig_label"] == y.attrs["orig_label"]:
                same += 1
            else:
                glued += 1
    rep = validate(root / "syllable" / "train_syllable.conll", labels=None)
    return [
        "## PhoNER_COVID19 (from `$VIMEDNLP_SHARED/data/phoner_covid19`, never copied)",
        "",
        "CoNLL -> records (labels as published, also in `attrs.orig_label`) -> CoNLL:",
        "",
        "| level | split | sentences | entities | byte-identical |",
        "|---|---|---:|---:|---|",
        *rows,
        "",
        f"Syllable vs word level: {same:,} of {same + glued:,} entities have the same label and text "
        f"(`_` read as a space); {glued} differ because one of the released files glued a neighbouring token "
        "into the entity's token (28 word-level words that also hold the next syllable, one syllable token "
        "that also holds an opening bracket). "
        "The converters keep these as they are (the files round-trip byte for byte).",
        "",
        f"`vimednlp corpus validate train_syllable.conll --labels any`: {rep.n_records:,} sentences, "
        + ", ".join(f"{k} {v}" for k, v in sorted(rep.counts().items())) + ".",
        "",
    ]


if __name__ == "__main__":
    raise SystemExit(main())
