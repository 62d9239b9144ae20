"""De-identification accuracy: vimednlp beside vipii, Presidio and underthesea NER on the same documents."""
from __future__ import annotations

import time

from common import (PHONER_ID_TYPES, DeidScore, EvalDoc, ROOT, jsonl_docs, phoner_docs, run_peer,
                    write_result, plots_dir)

TITLE = "De-identification (token level)"
PEERS = ("vipii", "presidio", "underthesea")
OUR_ID_TYPES = ("NAME", "AGE", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "LOCATION", "ORGANIZATION", "PROFESSION")
CLINICAL = ("DISEASE", "SYMPTOM", "DRUG", "DOSAGE", "TEST", "RESULT", "PROCEDURE")


def datasets(quick: bool) -> dict[str, tuple[list[EvalDoc], tuple, tuple]]:
    """name -> (docs, identifier types, clinical types) using each set's own labels."""
    out = {}
    ph = phoner_docs("test")
    out["phoner_test"] = (ph[:300] if quick else ph, PHONER_ID_TYPES, ("SYMPTOM_AND_DISEASE",))
    hand = ROOT / "corpora" / "handwritten" / "notes.jsonl"
    if hand.exists():
        out["handwritten"] = (jsonl_docs(hand), OUR_ID_TYPES, CLINICAL)
    synth = synthetic_heldout(100 if quick else 500)
    if synth:
        out["synthetic_heldout"] = (synth, OUR_ID_TYPES, CLINICAL)
    return out


def synthetic_heldout(n: int) -> list[EvalDoc]:
    """Documents from the generator with a seed the shipped model never saw."""
    import importlib.util

    gen = ROOT / "corpora" / "synthetic" / "generate.py"
    if not gen.exists():
        return []
    spec = importlib.util.spec_from_file_location("vimednlp_synthetic", gen)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    docs = mod.generate(n, seed=HELDOUT_SEED)
    return [EvalDoc(d.id, d.text, [(s.start, s.end, s.label) for s in d.spans]) for d in docs]


HELDOUT_SEED = 20261122  # the default model is trained on other seeds (corpora/synthetic/README.md)


def score(docs, preds, id_types, clinical):
    sc = DeidScore()
    for d in docs:
        sc.add(d.text, d.gold, [(s, e) for s, e, *_ in preds.get(d.id, [])], id_types, clinical)
    return sc


def vimednlp_predict(docs, tagger=None):
    from vimednlp.deid.analyzer import Analyzer

    an = Analyzer()
    t0 = time.perf_counter()
    preds = {d.id: [(s.start, s.end, s.label) for s in an.analyze(d.text)] for d in docs}
    secs = time.perf_counter() - t0
    if tagger is not None:
        t1 = time.perf_counter()
        for d, spans in zip(docs, tagger.predict([d.text for d in docs])):
            preds[d.id] += [(s.start, s.end, s.label) for s in spans]
        secs += time.perf_counter() - t1
    return preds, {"docs": len(docs), "seconds": secs}


def phoner_tagger(quick: bool):  # kept for reruns; the PhoNER-trained setting is in suites/deid_detail
    """A CRF trained at benchmark time on PhoNER train identifier types (never shipped)."""
    from vimednlp.schema import Document, Span
    from vimednlp.taggers import CRFTagger

    train = phoner_docs("train")
    if quick:
        train = train[:800]
    recs = [Document(d.id, d.text, [Span(s, e, lab) for s, e, lab in d.gold if lab in PHONER_ID_TYPES])
            for d in train]
    return CRFTagger(train_gazetteer=True).fit(recs)


def run(quick: bool = False, command: str = "") -> dict:
    results = {}
    sets = datasets(quick)
    for name, (docs, id_types, clinical) in sets.items():
        rows = {}
        preds, timing = vimednlp_predict(docs)
        rows["vimednlp"] = {**score(docs, preds, id_types, clinical).to_dict(),
                            "docs_per_s": round(timing["docs"] / timing["seconds"], 1)}
        for peer in PEERS:
            got = run_peer(peer, docs)
            if got is None:
                rows[peer] = {"error": "not available"}
                continue
            preds, timing = got
            rows[peer] = {**score(docs, preds, id_types, clinical).to_dict(),
                          "docs_per_s": round(timing["docs"] / max(timing["seconds"], 1e-9), 1)}
        results[name] = {"docs": len(docs), "systems": rows}
        print(f"  {name}: " + ", ".join(f"{k} R={v.get('recall')} P={v.get('precision')}" for k, v in rows.items()))
    plot(results)
    write_result("deid", {"command": command, "datasets": results})
    return results


def plot(results: dict) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = plots_dir()
    for name, res in results.items():
        systems = [s for s, v in res["systems"].items() if "per_type_recall" in v]
        types = sorted({t for s in systems for t in res["systems"][s]["per_type_recall"]})
        if not types:
            continue
        fig, ax = plt.subplots(figsize=(max(6, len(types) * 1.1), 3.8))
        w = 0.8 / max(1, len(systems))
        for i, s in enumerate(systems):
            vals = [res["systems"][s]["per_type_recall"].get(t) or 0 for t in types]
            ax.bar([x + i * w for x in range(len(types))], vals, w, label=s)
        ax.set_xticks([x + w * (len(systems) - 1) / 2 for x in range(len(types))], types, rotation=30, ha="right")
        ax.set_ylabel("token recall")
        ax.set_ylim(0, 1.05)
        ax.set_title(f"Per-type recall: {name}")
        ax.legend(fontsize=7, loc="lower right")
        fig.tight_layout()
        fig.savefig(out / f"deid_recall_{name}.png", dpi=110)
        plt.close(fig)


def render(res: dict) -> str:
    lines = []
    for name, d in res["datasets"].items():
        rows = d["systems"]
        base = rows.get("vimednlp", {})
        lines.append(f"### {name} ({d['docs']} documents)")
        lines.append("")
        lines.append("| system | token recall | precision | F2 | leaked entities | clinical tokens removed % | "
                     "docs/s | recall ratio | precision ratio | speed ratio |")
        lines.append("|---|---|---|---|---|---|---|---|---|---|")
        for sys_name, v in rows.items():
            if "error" in v:
                lines.append(f"| {sys_name} | {v['error']} |||||||||")
                continue

            def ratio(k):
                return f"{v[k] / base[k]:.2f}" if base.get(k) else "-"

            lines.append(f"| {sys_name} | {v['recall']:.4f} | {v['precision']:.4f} | {v['f2']:.4f} | "
                         f"{v['leaks']}/{v['entities']} | {v.get('clinical_removed_pct', '-')} | {v['docs_per_s']} | "
                         f"{ratio('recall')} | {ratio('precision')} | {ratio('docs_per_s')} |")
        lines.append("")
        types = sorted({t for v in rows.values() for t in v.get("per_type_recall", {})})
        if types:
            lines.append("| per-type recall | " + " | ".join(types) + " |")
            lines.append("|---|" + "---|" * len(types))
            for sys_name, v in rows.items():
                if "per_type_recall" in v:
                    lines.append(f"| {sys_name} | " + " | ".join(
                        f"{v['per_type_recall'].get(t):.3f}" if v['per_type_recall'].get(t) is not None else "-"
                        for t in types) + " |")
            lines.append("")
            lines.append(f"![per-type recall, {name}](plots/deid_recall_{name}.png)")
            lines.append("")
    lines.append("Ratios are peer / vimednlp. Token = syllable or punctuation-free token of `vimednlp.text.tokenize`; "
                 "a gold identifier token counts as caught when any predicted span overlaps it. PhoNER GENDER and "
                 "TRANSPORTATION are opt-in quasi-identifiers and count neither way; SYMPTOM_AND_DISEASE tokens removed "
                 "count as false positives (clinical text lost).")
    return "\n".join(lines)
