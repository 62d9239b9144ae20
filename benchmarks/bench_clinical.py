"""Clinical rules benchmark: assertion F1 on corpora/assertions and extract() speed.

Usage:
  python benchmarks/bench_clinical.py assertions --split dev      # the part used while writing rules
  python benchmarks/bench_clinical.py assertions --split test     # held out
  python benchmarks/bench_clinical.py speed --docs 300 --words 300
  python benchmarks/bench_clinical.py phoner                      # lexicon vs PhoNER SYMPTOM_AND_DISEASE (needs ../shared)
  python benchmarks/bench_clinical.py all                         # assertions and speed, markdown for results/clinical_rules.md

Assertions are scored per class over gold targets (the ConText setting: the target span is given,
the rules decide its classes) and end to end (the lexicon must find a span overlapping the target;
a missed target counts as all-false).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "corpora" / "assertions" / "assertions.jsonl"
CLASSES = ("negated", "uncertain", "historical", "family", "hypothetical")


def load(split: str) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if split == "all" or r["split"] == split]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    from vimednlp.taggers.evaluate import prf as _prf

    return _prf(tp, fp, fn, empty=1.0)  # a class with nothing to find and nothing found scores 1


def score(rows: list[dict], end_to_end: bool = False, show_errors: bool = False) -> dict:
    from vimednlp.clinical import ClinicalExtractor
    from vimednlp.schema import Span

    ex = ClinicalExtractor()
    counts = {c: [0, 0, 0] for c in CLASSES}
    found = total = 0
    errors = []
    for r in rows:
        text = r["text"]
        if end_to_end:
            pred = ex.extract(text)
        else:
            gold_spans = [Span(t["start"], t["end"], t["label"], t["text"]) for t in r["targets"]]
            pred = ex.annotate(text, gold_spans)
        for t in r["targets"]:
            total += 1
            gold = set(t["assertions"])
            match = [s for s in pred if s.start < t["end"] and t["start"] < s.end and s.label in ("DISEASE", "SYMPTOM")]
            got = set()
            if match:
                found += 1
                best = max(match, key=lambda s: min(s.end, t["end"]) - max(s.start, t["start"]))
                got = {c for c in CLASSES if best.attrs.get(c)}
            for c in CLASSES:
                tp, fp, fn = (c in got and c in gold), (c in got and c not in gold), (c not in got and c in gold)
                counts[c][0] += tp
                counts[c][1] += fp
                counts[c][2] += fn
            if got != gold:
                errors.append((r["id"], text, t["text"], sorted(gold), sorted(got)))
    res = {c: dict(zip(("p", "r", "f1"), prf(*counts[c])), support=counts[c][0] + counts[c][2]) for c in CLASSES}
    res["_targets"] = total
    res["_found"] = found
    res["_sentences"] = len(rows)
    res["_exact"] = total - len(errors)
    if show_errors:
        for e in errors:
            print(f"{e[0]}: {e[1]!r} target={e[2]!r} gold={e[3]} got={e[4]}", file=sys.stderr)
    return res


def table(name: str, res: dict) -> str:
    lines = [f"**{name}** — {res['_sentences']} sentences, {res['_targets']} targets"
             + (f", {res['_found']} found by the lexicon" if res['_found'] != res['_targets'] else "")
             + f", all classes right on {res['_exact']}", "",
             "| class | support | precision | recall | F1 |", "|---|---:|---:|---:|---:|"]
    for c in CLASSES:
        r = res[c]
        lines.append(f"| {c} | {r['support']} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} |")
    return "\n".join(lines)


# --- speed ----------------------------------------------------------------------------------------
SENTENCES = [
    "Bệnh nhân nam {age} tuổi, tiền sử tăng huyết áp {y} năm, đái tháo đường type 2 điều trị Metformin 500mg x 2 lần/ngày.",
    "Cách vào viện {d} ngày bệnh nhân xuất hiện sốt cao 39 độ, ho khạc đờm vàng, đau ngực trái, khó thở khi gắng sức.",
    "Không buồn nôn, không nôn, đại tiện bình thường, tiểu buốt tiểu rắt.",
    "Khám: mạch {p} lần/phút, HA {s}/{dd} mmHg, nhiệt độ 38,5 độ C, SpO2 {o}%.",
    "Phổi ran ẩm đáy phổi phải, rì rào phế nang giảm. Tim đều, không có tiếng thổi.",
    "Bụng mềm, ấn đau vùng thượng vị, gan lách không to, phản ứng thành bụng (-).",
    "Xét nghiệm: bạch cầu {w} G/L, CRP {c} mg/L, creatinin {cr} µmol/L, glucose {g} mmol/L, HbA1c {h}%.",
    "XQ phổi: đám mờ thùy dưới phổi phải. Siêu âm ổ bụng chưa phát hiện bất thường.",
    "Chẩn đoán: viêm phổi cộng đồng / theo dõi lao phổi / tăng huyết áp.",
    "Điều trị: Ceftriaxon 2g tiêm tĩnh mạch 1 lần/ngày, Paracetamol 500mg 1 viên khi sốt trên 38,5 độ, Amlodipin 5mg 1 viên/ngày.",
    "Tiền sử gia đình: mẹ bị đái tháo đường, bố mất vì nhồi máu cơ tim.",
    "Dặn bệnh nhân tái khám ngay khi có sốt cao, khó thở tăng hoặc ho ra máu.",
    "Nghi ngờ nhiễm khuẩn huyết, chưa loại trừ lao phổi, đề nghị cấy máu và xét nghiệm AFB đờm.",
    "Benh nhan khong sot, ho khan nhieu ve dem, dau hong, chua phat hien ton thuong tren phim XQ.",
]


def make_docs(n: int, words: int, seed: int = 13) -> list[str]:
    rnd = random.Random(seed)
    docs = []
    for _ in range(n):
        parts, count = ["Lý do vào viện: sốt, ho.\nBệnh sử:"], 6
        while count < words:
            s = rnd.choice(SENTENCES).format(
                age=rnd.randint(18, 90), y=rnd.randint(1, 20), d=rnd.randint(1, 10), p=rnd.randint(60, 130),
                s=rnd.randint(90, 190), dd=rnd.randint(50, 110), o=rnd.randint(85, 99), w=rnd.randint(3, 25),
                c=rnd.randint(1, 200), cr=rnd.randint(50, 400), g=rnd.randint(4, 20), h=rnd.randint(5, 12))
            parts.append(s)
            count += len(s.split())
        docs.append(" ".join(parts))
    return docs


def speed(n_docs: int, words: int, repeats: int = 3) -> dict:
    from vimednlp.clinical import extract

    docs = make_docs(n_docs, words)
    extract(docs[0])  # load lexicons once
    best = best_cpu = None
    n_spans = 0
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        n_spans = sum(len(extract(d)) for d in docs)
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        best = dt if best is None else min(best, dt)
        best_cpu = dc if best_cpu is None else min(best_cpu, dc)
    # memory in a separate pass: tracing slows Python down several times
    tracemalloc.start()
    for d in docs[:50]:
        extract(d)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    avg_words = sum(len(d.split()) for d in docs) / len(docs)
    return {"docs": n_docs, "avg_words": avg_words, "seconds": best, "docs_per_s": n_docs / best,
            "cpu_seconds": best_cpu, "docs_per_cpu_s": n_docs / best_cpu,
            "spans": n_spans, "peak_traced_mb": peak / 1e6}


# --- PhoNER_COVID19 SYMPTOM_AND_DISEASE: how much of it the lexicon alone finds ---------------------
def phoner_lexicon(shared: str | None = None) -> dict:
    """Overlap P/R/F1 of lexicon DISEASE+SYMPTOM spans against PhoNER_COVID19 test SYMPTOM_AND_DISEASE
    (news about COVID-19 patients, not clinical notes; read from ../shared, never copied)."""
    from vimednlp.clinical import extract

    root = Path(shared or os.environ.get("VIMEDNLP_SHARED") or ROOT.parent / "shared")
    path = root / "data" / "phoner_covid19" / "syllable" / "test_syllable.json"
    tp_p = n_p = tp_g = n_g = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        words, tags = rec["words"], rec["tags"]
        text, offs = "", []
        for w in words:
            if text:
                text += " "
            offs.append((len(text), len(text) + len(w)))
            text += w
        gold, cur = [], None
        for (s, e), t in zip(offs, tags):
            if t == "B-SYMPTOM_AND_DISEASE":
                cur = [s, e]
                gold.append(cur)
            elif t == "I-SYMPTOM_AND_DISEASE" and cur is not None:
                cur[1] = e
            else:
                cur = None
        pred = [(x.start, x.end) for x in extract(text, labels=["DISEASE", "SYMPTOM"])]
        n_p += len(pred)
        n_g += len(gold)
        tp_p += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in pred)
        tp_g += sum(any(s < ge and gs < e for s, e in pred) for gs, ge in gold)
    p, r = tp_p / max(n_p, 1), tp_g / max(n_g, 1)
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": n_g, "pred": n_p}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["assertions", "speed", "phoner", "all"])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--errors", action="store_true", help="print each wrong target (dev only while tuning)")
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--words", type=int, default=300)
    args = ap.parse_args(argv)
    if args.what in ("assertions", "all"):
        splits = [args.split] if args.what == "assertions" else ["dev", "test"]
        for sp in splits:
            rows = load(sp)
            print(table(f"{sp}: gold targets", score(rows, show_errors=args.errors)))
            print()
            print(table(f"{sp}: end to end (lexicon spans)", score(rows, end_to_end=True)))
            print()
    if args.what == "phoner":
        r = phoner_lexicon()
        print(f"PhoNER_COVID19 test SYMPTOM_AND_DISEASE, lexicon only, overlap match: P {r['p']:.3f} R {r['r']:.3f} "
              f"F1 {r['f1']:.3f} ({r['gold']} gold, {r['pred']} predicted spans)")
    if args.what in ("speed", "all"):
        r = speed(args.docs, args.words)
        print(f"extract() lexicon + rules: {r['docs']} docs of {r['avg_words']:.0f} words in {r['seconds']:.2f} s "
              f"= **{r['docs_per_s']:.0f} docs/s** wall clock, {r['docs_per_cpu_s']:.0f} docs per CPU-second "
              f"({r['spans']} spans; peak traced memory {r['peak_traced_mb']:.1f} MB; load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
