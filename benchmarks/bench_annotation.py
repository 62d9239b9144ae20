"""Annotation loop against a real local Label Studio: N synthetic notes pushed with pre-annotations,
two simulated annotators with scheduled disagreements (+ an adjudicator on the edited notes), pull,
agreement, adjudication, validation. Reports the figures, the expected ones and the wall time of each step.

    VIMEDNLP_LS_BIN=/work/venvs/labelstudio/bin/label-studio python benchmarks/bench_annotation.py --docs 50 \
        --out benchmarks/results/annotation.md
"""
from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="write the Markdown result here")
    ap.add_argument("--predictor", choices=["pipeline", "lexicon"], default="pipeline",
                    help="pre-annotations from vimednlp's pipeline (default) or the simulation's lexicon")
    args = ap.parse_args(argv)

    from vimednlp.annotation.adjudicate import adjudicate
    from vimednlp.annotation.agreement import PRF, agreement, span_prf
    from vimednlp.annotation.predict import get_predictor
    from vimednlp.schema import ALL_LABELS
    from vimednlp.annotation.client import LabelStudioClient
    from vimednlp.annotation.server import (
        LocalLabelStudio,
        default_template_dir,
        ensure_label_studio,
        label_studio_version,
    )
    from vimednlp.annotation.simulate import controlled_annotator, lexicon_predictor, make_notes
    from vimednlp.annotation.store import PullStore
    from vimednlp.corpus.validate import validate_records

    times: dict[str, float] = {}
    exe = ensure_label_studio()
    scratch = Path(tempfile.mkdtemp(prefix="bench-ls-"))
    t = time.perf_counter()
    with LocalLabelStudio(exe=exe, data_dir=scratch, template=default_template_dir(exe)) as srv:
        times["server start"] = time.perf_counter() - t
        c = LabelStudioClient(srv.url, srv.token)
        docs = make_notes(args.docs, seed=args.seed)
        pid = c.ensure_project("bench annotation", "all")
        predictor = get_predictor("all") if args.predictor == "pipeline" else lexicon_predictor(docs)
        t = time.perf_counter()
        ids = c.push(pid, docs, predictor)
        times[f"push {len(docs)} tasks with predictions ({predictor.model_version})"] = time.perf_counter() - t
        # how close the pre-annotations are to the gold: the work they save annotators
        pre = PRF()
        for d in docs:
            pre.add(span_prf(d.spans, predictor(d.text), "strict", ALL_LABELS)["ALL"])
        ua, ub, lead = (c.ensure_user(f"{x}@example.com") for x in ("sim-a", "sim-b", "sim-lead"))
        b_spans, counts, edited = controlled_annotator(docs)
        t = time.perf_counter()
        n_ann = 0
        for i, (tid, d) in enumerate(zip(ids, docs)):
            c.annotate(tid, d.text, d.spans, completed_by=ua)
            c.annotate(tid, d.text, b_spans[i], completed_by=ub)
            n_ann += 2
            if i in edited:
                c.annotate(tid, d.text, d.spans, completed_by=lead)
                n_ann += 1
        times[f"create {n_ann} annotations (API)"] = time.perf_counter() - t
        store = PullStore(scratch / "state")
        t = time.perf_counter()
        r1 = c.pull(pid, store)
        times[f"pull ({r1.new} new versions)"] = time.perf_counter() - t
        t = time.perf_counter()
        r2 = c.pull(pid, PullStore(scratch / "state"))
        times[f"pull again ({r2.new} new, {r2.unchanged} already pulled)"] = time.perf_counter() - t
    pulled = store.documents()
    t = time.perf_counter()
    rep = agreement(pulled, annotators=["sim-a@example.com", "sim-b@example.com"])
    times["agreement"] = time.perf_counter() - t
    m = rep.pair("sim-a@example.com", "sim-b@example.com")
    n_a, n_b = counts.spans, counts.spans - counts.dropped
    exp_strict = 2 * (counts.spans - counts.dropped - counts.relabeled - counts.shifted) / (n_a + n_b)
    exp_overlap = 2 * (counts.spans - counts.dropped - counts.relabeled) / (n_a + n_b)
    gold = adjudicate(pulled, "adjudicator", adjudicator="sim-lead@example.com")
    same = sum(1 for g, d in zip(sorted(gold, key=lambda x: x.id), docs)
               if [(s.start, s.end, s.label) for s in g.spans] == [(s.start, s.end, s.label) for s in d.spans])
    val = validate_records(((None, g) for g in gold), "gold")

    lines = [
        "# Annotation loop (Label Studio, simulated annotators)", "",
        f"Command: `VIMEDNLP_LS_BIN=... python benchmarks/bench_annotation.py --docs {args.docs} --seed {args.seed}"
        f" --predictor {args.predictor}"
        f"{' --out ' + str(args.out) if args.out else ''}`", "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, label-studio "
        f"{label_studio_version(exe)}; a shared 2-core machine, timings are wall clock; the server starts "
        "from the cached migrated database when one exists (the first start ever migrates: minutes).", "",
        f"{len(docs)} synthetic notes (`vimednlp.annotation.simulate`, seed {args.seed}), {counts.spans} gold spans; "
        f"annotator B departs on a schedule: {counts.dropped} dropped, {counts.relabeled} relabelled, "
        f"{counts.shifted} boundaries shifted; an adjudicator re-annotates the {len(edited)} edited notes.", "",
        "| figure | measured | expected from the schedule |", "|---|---|---|",
        f"| strict span F1 (A vs B) | {m['strict']['ALL']['f1']:.4f} | {exp_strict:.4f} |",
        f"| overlap span F1 (A vs B) | {m['overlap']['ALL']['f1']:.4f} | {exp_overlap:.4f} |",
        f"| token Cohen's kappa | {m['kappa']['ALL']:.4f} | — |",
        f"| token Krippendorff's alpha | {rep.alpha['ALL']:.4f} | — |",
        f"| adjudicated notes equal to the gold | {same}/{len(docs)} | {len(docs)}/{len(docs)} |",
        f"| `vimednlp.corpus` validation of the adjudicated corpus | {'ok' if val.ok() else 'FAILED'}, "
        f"{len(val.errors)} errors, {len(val.warnings)} warnings | ok |", "",
        f"Pre-annotations ({predictor.model_version}) against the gold, strict: precision {pre.precision:.3f}, "
        f"recall {pre.recall:.3f}, F1 {pre.f1:.3f} (on synthetic template notes: an indication, not an evaluation).", "",
        "| step | seconds |", "|---|---|",
    ] + [f"| {k} | {v:.1f} |" for k, v in times.items()] + [""]
    text = "\n".join(lines)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0 if val.ok() and same == len(docs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
