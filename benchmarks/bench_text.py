"""Throughput of the text layer: normalize + tokenize on synthetic 300-word clinical notes.

Notes are generated here from templates (no real patient text): admission notes with history,
examination, labs, diagnosis and treatment, with the mess real exports carry (CRLF line ends, NBSP,
new-style tones such as ``hoà``, some decomposed Unicode).

    python benchmarks/bench_text.py                    # 2000 notes, normalize + tokenize
    python benchmarks/bench_text.py --n 500 --segment  # also time word segmentation (underthesea)
    python benchmarks/bench_text.py --n 100 --repeats 1 \
        --seg-eval ../shared/data/phoner_covid19/word/test_word.json   # segmentation agreement
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import sys
import time
import unicodedata

from vimednlp.text import normalize, tokenize, word_segment

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Hữu", "Quang"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hoà", "Thuý", "Lan", "Mai", "Nam", "Phúc", "Tùng", "Yến"]
REASONS = ["đau ngực trái", "khó thở", "sốt cao", "đau bụng vùng thượng vị", "ho kéo dài",
           "chóng mặt, buồn nôn", "yếu nửa người phải", "phù hai chân", "tiêu chảy nhiều lần"]
HISTORY = ["tăng huyết áp", "đái tháo đường típ 2", "suy tim", "viêm gan B", "hen phế quản",
           "bệnh phổi tắc nghẽn mạn tính", "rối loạn lipid máu", "loét dạ dày tá tràng", "gút"]
DIAG = [("Nhồi máu cơ tim cấp", "I21.9"), ("Viêm phổi cộng đồng", "J18.9"), ("Đái tháo đường típ 2", "E11"),
        ("Tăng huyết áp vô căn", "I10"), ("Suy tim sung huyết", "I50.0"), ("Xuất huyết tiêu hoá", "K92.2"),
        ("Nhồi máu não", "I63.9"), ("Viêm dạ dày cấp", "K29.1")]
DRUGS = ["Paracetamol 500mg x 3 lần/ngày", "Amlodipin 5mg 1 viên/ngày", "Metformin 850mg x2 lần/ngày",
         "Ceftriaxon 2g tiêm tĩnh mạch 1 lần/ngày", "Aspirin 81mg 1 viên sau ăn", "Atorvastatin 20mg tối",
         "Omeprazol 40mg trước ăn sáng", "Furosemid 40mg sáng", "Clopidogrel 75mg 1 viên/ngày"]
FREE = [
    "Bệnh nhân tỉnh, tiếp xúc tốt, da niêm mạc hồng, không phù, không xuất huyết dưới da.",
    "Tim đều, T1 T2 rõ, không nghe tiếng thổi bệnh lý.",
    "Phổi rì rào phế nang rõ, có ran ẩm rải rác đáy phổi hai bên.",
    "Bụng mềm, không chướng, gan lách không sờ thấy, ấn đau nhẹ vùng thượng vị.",
    "Không có dấu hiệu thần kinh khu trú, cổ mềm, không có dấu hiệu màng não.",
    "Gia đình cho biết bệnh nhân ăn uống kém, ngủ ít, mệt mỏi nhiều trong tuần qua.",
    "Đã được điều trị tại tuyến dưới nhưng triệu chứng không cải thiện nên chuyển viện.",
    "Người bệnh được giải thích về tình trạng bệnh và đồng ý điều trị.",
    "Dặn dò chế độ ăn nhạt, hạn chế mỡ động vật, tập thể dục nhẹ nhàng, tái khám đúng hẹn.",
    "Theo dõi sát mạch, huyết áp, nhịp thở, SpO2 và lượng nước tiểu mỗi 6 giờ.",
    "Tiền sử gia đình: bố mất vì tai biến mạch máu não, mẹ bị đái tháo đường.",
    "Không hút thuốc lá, uống rượu bia ít, không dị ứng thuốc và thức ăn.",
]


def make_note(rng: random.Random, words: int = 300) -> str:
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2025)
    dx, code = rng.choice(DIAG)
    parts = [
        f"BỆNH ÁN NỘI KHOA\nHọ tên: {name}\u00a0\u00a0Tuổi: {rng.randint(18, 95)}\tMã BN: BN{rng.randint(1000, 99999)}",
        f"Ngày vào viện: {d:02d}/{m:02d}/{y} lúc {rng.randint(0, 23)}h{rng.randint(0, 59):02d}",
        f"Lý do vào viện: {rng.choice(REASONS)}.",
        (f"Bệnh sử: cách vào viện {rng.randint(1, 10)} ngày, bệnh nhân xuất hiện {rng.choice(REASONS)}, "
         f"kèm {rng.choice(REASONS)}, đã dùng thuốc không đỡ."),
        f"Tiền sử: {rng.choice(HISTORY)} {rng.randint(2, 20)} năm, {rng.choice(HISTORY)}.",
        (f"Khám: mạch {rng.randint(60, 130)} l/p, HA {rng.randint(90, 190)}/{rng.randint(50, 110)} mmHg, "
         f"nhiệt độ {rng.randint(36, 40)},{rng.randint(0, 9)}°C, SpO2 {rng.randint(85, 100)}%, "
         f"cân nặng {rng.randint(40, 90)} kg."),
        (f"Cận lâm sàng: BC {rng.randint(3, 25)},{rng.randint(0, 9)} G/L, Hb {rng.randint(70, 160)} g/L, "
         f"glucose {rng.randint(4, 20)},{rng.randint(0, 9)} mmol/L, "
         f"HbA1c {rng.randint(5, 12)},{rng.randint(0, 9)}%, "
         f"CRP {rng.randint(1, 200)} mg/L, creatinin {rng.randint(50, 400)} µmol/L."),
        f"Chẩn đoán: {dx} ({code}). Theo dõi {rng.choice(HISTORY)}.",
        "Điều trị: " + "; ".join(rng.sample(DRUGS, 3)) + ".",
    ]
    text = "\r\n".join(parts)
    while len(text.split()) < words:
        text += "\r\n" + " ".join(rng.sample(FREE, 2))
    toks = text.split(" ")
    text = " ".join(toks[: words + (len(toks) - len(text.split()))])  # ~`words` words
    if rng.random() < 0.2:  # some systems export decomposed Unicode
        text = unicodedata.normalize("NFD", text)
    return text


def bench(fn, docs, repeats: int) -> tuple[float, float]:
    """(documents/s by wall clock, documents/s by process CPU time), medians over repeats.

    On a shared machine the CPU-time figure is the steadier one; both are single-threaded.
    """
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            fn(d)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return len(docs) / statistics.median(wall), len(docs) / statistics.median(cpu)


def segmentation_agreement(path: str, n: int) -> list[tuple[str, float, float]]:
    """Word-span F1 against a word-segmented corpus in PhoNER_COVID19 JSON-lines form
    (``{"words": ["bệnh_nhân", ...]}``, read in place): all words, and multi-syllable words only."""
    import json

    from vimednlp.taggers.evaluate import prf
    from vimednlp.text.segment import CompoundDictionary

    sents = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                sents.append(json.loads(line)["words"])
            if len(sents) >= n:
                break
    variants = [("underthesea only", CompoundDictionary([])), ("underthesea + medical dictionary", None)]
    rows = []
    for name, dic in variants:
        tp = n_pred = n_gold = tp_m = n_pred_m = n_gold_m = 0
        for words in sents:
            text, gold, pos = [], set(), 0
            for w in words:
                syl = w.replace("_", " ")
                gold.add((pos, pos + len(syl), " " in syl))
                text.append(syl)
                pos += len(syl) + 1
            pred = {(w.start, w.end, " " in w.text) for w in word_segment(" ".join(text), dictionary=dic)}
            tp += len(pred & gold)
            n_pred += len(pred)
            n_gold += len(gold)
            tp_m += sum(1 for x in pred & gold if x[2])
            n_pred_m += sum(1 for x in pred if x[2])
            n_gold_m += sum(1 for x in gold if x[2])
        f1 = prf(tp, n_pred - tp, n_gold - tp)[2]
        f1_m = prf(tp_m, n_pred_m - tp_m, n_gold_m - tp_m)[2]
        rows.append((name, f1, f1_m))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="number of notes (default 2000)")
    ap.add_argument("--words", type=int, default=300, help="words per note (default 300)")
    ap.add_argument("--repeats", type=int, default=3, help="timed repeats; the median is reported")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--segment", action="store_true", help="also time word_segment (underthesea)")
    ap.add_argument("--seg-eval", metavar="JSONL", help="word-segmented corpus (PhoNER_COVID19 word-level "
                    "JSON lines) to report word-span agreement of word_segment on")
    ap.add_argument("--seg-n", type=int, default=500, help="sentences of --seg-eval to use (default 500)")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    docs = [make_note(rng, args.words) for _ in range(args.n)]
    n_words = statistics.mean(len(d.split()) for d in docs)
    n_chars = statistics.mean(len(d) for d in docs)
    # warm caches once (regex compilation, tone cache) outside the timing
    for d in docs[:50]:
        tokenize(normalize(d).text)

    rows = [
        ("normalize", bench(normalize, docs, args.repeats)),
        ("tokenize", bench(tokenize, docs, args.repeats)),
        ("normalize + tokenize", bench(lambda d: tokenize(normalize(d).text), docs, args.repeats)),
    ]
    if args.segment:
        sub = docs[: max(1, min(len(docs), 200))]
        word_segment(sub[0])  # load underthesea
        rows.append(("word_segment (underthesea + dictionary)", bench(word_segment, sub, 1)))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"notes: {len(docs)}, mean {n_words:.0f} words / {n_chars:.0f} characters each")
    print(f"python {platform.python_version()}, {platform.machine()}, peak RSS {peak_mb:.0f} MB")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average at the end: {load:.1f} on {os.cpu_count()} CPUs")
    print("| step | documents/s (wall) | documents/s (CPU time) | words/s (CPU time) |")
    print("|---|---:|---:|---:|")
    for name, (wall, cpu) in rows:
        print(f"| {name} | {wall:,.0f} | {cpu:,.0f} | {cpu * n_words:,.0f} |")
    if args.seg_eval:
        print(f"\nword segmentation agreement, first {args.seg_n} sentences of {args.seg_eval}")
        print("| variant | word F1 | multi-syllable word F1 |")
        print("|---|---:|---:|")
        for name, f1, f1_m in segmentation_agreement(args.seg_eval, args.seg_n):
            print(f"| {name} | {f1:.3f} | {f1_m:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
