"""De-identification speed: documents/s of ~300 words through `vimednlp deid` with N workers, peak
memory of the main process and of the workers, and a per-stage profile (which recognizer costs what).

    python benchmarks/bench_deid_speed.py --docs 400 --workers 2 --operator surrogate
    python benchmarks/bench_deid_speed.py --profile-only --docs 100

The documents are generated here from our own templates and the surrogate word lists (fictitious
people and places), so the benchmark needs no corpus. Results go to benchmarks/results/deid_speed.md
by hand, with the command.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

SENTENCES = [
    "Bệnh nhân {name}, {age} tuổi, nghề nghiệp {job}, địa chỉ {addr}.",
    "Vào viện lúc {h}h{m:02d} ngày {date} vì đau ngực trái lan ra sau lưng, khó thở khi gắng sức, vã mồ hôi.",
    "Tiền sử tăng huyết áp 10 năm, đái tháo đường type 2 đang dùng Metformin 850mg ngày 2 lần, không hút thuốc lá.",
    "Khám lúc vào: tỉnh, tiếp xúc tốt, mạch {pulse} lần/phút, huyết áp {sys}/{dia} mmHg, nhiệt độ 37,2 độ C, SpO2 96%.",
    "Tim đều, T1 T2 rõ, không nghe tiếng thổi; phổi thông khí đều hai bên, không ran; bụng mềm, gan lách không sờ thấy.",
    "Điện tâm đồ: ST chênh lên ở DII, DIII, aVF; Troponin T hs 245 ng/L; Creatinin 98 µmol/L; Glucose 8,4 mmol/L.",
    "Chẩn đoán: nhồi máu cơ tim cấp thành dưới giờ thứ 6, theo dõi suy tim, tăng huyết áp, đái tháo đường type 2.",
    "Xử trí: Aspirin 300mg nhai, Clopidogrel 600mg uống, Heparin 5000 UI tiêm tĩnh mạch, chuyển phòng can thiệp mạch vành.",
    "Người nhà liên hệ: {rel} {name2}, số điện thoại {phone}, CCCD {cccd}, thẻ BHYT {bhyt}.",
    "Bác sĩ điều trị: BS. {doc}, {org}. Ngày ra viện dự kiến {date2}, hẹn tái khám sau 2 tuần tại phòng khám tim mạch.",
    "Diễn biến: ngày thứ hai bệnh nhân hết đau ngực, ăn cháo được, đi lại nhẹ nhàng trong phòng, nước tiểu 1500 ml/24 giờ.",
    "Siêu âm tim: giảm vận động thành dưới, phân suất tống máu 48%, không tràn dịch màng ngoài tim, van hai lá hở nhẹ.",
    "Dặn dò: dùng thuốc đều đặn, ăn nhạt, tập thể dục nhẹ, tái khám ngay khi đau ngực, khó thở hoặc phù chân.",
]


def make_docs(n: int, seed: int = 0, words: int = 300) -> list[str]:
    from vimednlp.deid.surrogates import admin_units, lists

    L, au = lists(), admin_units()
    rng = random.Random(seed)
    docs = []

    def name(g):
        return f"{rng.choice(L['surnames'])} {'Văn' if g == 'M' else 'Thị'} {rng.choice(L['given_male' if g == 'M' else 'given_female'])}"

    for _ in range(n):
        parts, count = [], 0
        while count < words:
            for tpl in SENTENCES:
                r = rng.choice(au["legacy"])
                s = tpl.format(
                    name=name(rng.choice("MF")), age=rng.randrange(18, 90), job=rng.choice(L["professions"]),
                    addr=f"số {rng.randrange(1, 200)} {rng.choice(L['streets'])}, {r[7].lower()} {r[6]}, {r[4].lower()} {r[3]}, {r[1]}",
                    h=rng.randrange(24), m=rng.randrange(60), date=f"{rng.randrange(1, 28):02d}/{rng.randrange(1, 13):02d}/2024",
                    pulse=rng.randrange(60, 120), sys=rng.randrange(100, 180), dia=rng.randrange(60, 100),
                    rel=rng.choice(["vợ là chị", "con trai là anh", "chồng là ông"]), name2=name(rng.choice("MF")),
                    phone=f"09{rng.randrange(10)}{rng.randrange(10)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}",
                    cccd=f"0{rng.choice(['01', '79', '48', '31'])}{rng.randrange(2)}{rng.randrange(40, 99)}{rng.randrange(10**6):06d}",
                    bhyt=f"{rng.choice(['DN', 'HT', 'GD', 'HC'])}{rng.randrange(1, 6)}01{rng.randrange(10**10):010d}",
                    doc=name(rng.choice("MF")), org=rng.choice(["Bệnh viện Bạch Mai", "Bệnh viện Chợ Rẫy", "Bệnh viện Đa khoa tỉnh Nghệ An"]),
                    date2=f"{rng.randrange(1, 28)}/{rng.randrange(1, 13)}/2024",
                )
                parts.append(s)
                count += len(s.split())
                if count >= words:
                    break
        docs.append(" ".join(parts))
    return docs


def profile(docs: list[str], operator: str) -> dict:
    """Seconds per stage over all docs, in this process (one core)."""
    from vimednlp.deid import Deidentifier
    from vimednlp.deid.analyzer import resolve
    from vimednlp.deid.recognizers import Context
    from vimednlp.deid.recognizers.allow import allow_spans

    eng = Deidentifier(operator, key="bench-key-khoa-do-toc-2024")
    an = eng.analyzer
    eng(docs[0])  # warm up lexicons
    t = defaultdict(float)
    for d in docs:
        t0 = time.perf_counter()
        ctx = Context(d)
        t["context (tokenize, fold)"] += time.perf_counter() - t0
        cands = []
        for r in an.recognizers:
            t0 = time.perf_counter()
            cands.extend(r.analyze(ctx))
            t[f"recognizer {getattr(r, 'name', type(r).__name__)}"] += time.perf_counter() - t0
        if an.tagger is not None:
            t0 = time.perf_counter()
            cands.extend(an.tagger.candidates(ctx, cands))
            t["tagger"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        allow_spans(ctx)
        t["allow-list"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        resolve(cands)
        t["resolve overlaps"] += time.perf_counter() - t0
    t0 = time.perf_counter()
    spans = [eng.detect(d) for d in docs]
    detect_total = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d, sp in zip(docs, spans):
        eng(d, spans=sp)
    t[f"transform ({operator}, incl. normalize)"] = time.perf_counter() - t0
    t["= detection total (Analyzer.analyze)"] = detect_total
    return dict(sorted(t.items(), key=lambda kv: -kv[1]))


def leak_check(path: Path) -> dict:
    """Gold identifiers (3+ chars) still in the output, per operator: with gold spans (transformation
    alone) and with the default detector (end to end). Also: surrogate IDs that fail the validators."""
    import re as _re

    from vimednlp.deid import Deidentifier
    from vimednlp.schema import DEFAULT_DEID_LABELS, Document
    from vimednlp.text.fold import fold_lower

    docs = [Document.from_json(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    res: dict = {"corpus": str(path), "docs": len(docs)}
    for op in ("tag", "mask", "redact", "hash", "encrypt", "surrogate"):
        eng = Deidentifier(op, key="bench-key-khoa-do-toc-2024")
        row = {}
        for mode in ("gold_spans", "detector"):
            total = left = 0
            for d in docs:
                gold = [s for s in d.spans if s.label in DEFAULT_DEID_LABELS]
                out = eng(d.text, spans=gold if mode == "gold_spans" else None, patient_id=d.id).text
                out = fold_lower(out)
                for s in gold:
                    if len(s.text.strip()) >= 3:
                        total += 1
                        left += bool(_re.search(r"(?<!\w)" + _re.escape(fold_lower(s.text)) + r"(?!\w)", out))
            row[mode] = f"{left}/{total} survive"
        res[op] = row
    return res


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--operator", default="surrogate")
    ap.add_argument("--model", default="default")
    ap.add_argument("--profile-only", action="store_true")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--leaks", metavar="JSONL", help="only run the leak check on corpus records with gold spans")
    a = ap.parse_args(argv)
    if a.leaks:
        json.dump(leak_check(Path(a.leaks)), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    docs = make_docs(a.docs, words=a.words)
    words = sum(len(d.split()) for d in docs) / len(docs)
    out: dict = {"docs": len(docs), "mean_words": round(words, 1), "mean_chars": round(sum(map(len, docs)) / len(docs))}
    if not a.profile_only:
        from vimednlp.deid.batch import run_batch

        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp, "in.jsonl")
            src.write_text("".join(json.dumps({"id": i, "text": d}, ensure_ascii=False) + "\n" for i, d in enumerate(docs)),
                           encoding="utf-8")
            t0 = time.perf_counter()
            ru0 = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
            rep = run_batch([src], Path(tmp, "out.jsonl"), engine_kwargs=dict(operator=a.operator, key="bench-key-khoa-do-toc-2024",
                            model=None if a.model == "none" else a.model), workers=a.workers, progress_bar=False,
                            chunksize=8)
            wall = time.perf_counter() - t0
            ru1 = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
            cpu = sum((b.ru_utime + b.ru_stime) - (a0.ru_utime + a0.ru_stime) for a0, b in zip(ru0, ru1))
        self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        out.update({"workers": a.workers, "operator": a.operator, "wall_s": round(wall, 2),
                    "docs_per_s": round(rep.processed / wall, 1), "cpu_s": round(cpu, 2),
                    "docs_per_cpu_s": round(rep.processed / cpu, 1), "loadavg_1min": os.getloadavg()[0],
                    "spans": rep.spans, "errors": len(rep.errors),
                    "peak_rss_main_mb": round(self_mb), "peak_rss_largest_worker_mb": round(child_mb),
                    "peak_rss_total_upper_bound_mb": round(self_mb + a.workers * child_mb)})
    if not a.no_profile:
        n = min(len(docs), 100)
        prof = profile(docs[:n], a.operator)
        out["profile_docs"] = n
        out["profile_ms_per_doc"] = {k: round(v * 1000 / n, 2) for k, v in prof.items()}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    main()
