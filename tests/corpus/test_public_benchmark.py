"""benchmarks/bench_public_corpora.py and the `public` suite of benchmarks/run.py, run on the published-layout
fixtures (tiny: the code path, not the numbers)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PUB = Path(__file__).parent / "fixtures" / "published"
ENV_KEYS = ("VIMEDNLP_VIMQ", "VIMEDNLP_VIMEDNER", "VIMEDNLP_VIETMED", "VIMEDNLP_PHONER")


def _env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ENV_KEYS}
    env.update(extra)
    return env


def test_bench_trains_both_taggers_per_corpus_beside_the_anchors_and_skips_absent_paths(tmp_path):
    out = tmp_path / "public.json"
    cmd = [sys.executable, "benchmarks/bench_public_corpora.py", "--vimq", str(PUB / "vimq"), "--vietmed",
           str(PUB / "vietmed_ner" / "dataset.txt"), "--phoner", str(tmp_path / "no-phoner"), "--quick",
           "--json", str(out)]
    # ViMedNER's path comes from its environment variable, as `run.py public` gives it
    r = subprocess.run(cmd, cwd=ROOT, env=_env(VIMEDNLP_VIMEDNER=str(PUB / "vimedner")), capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    md = r.stdout
    assert "| ViMQ | published split (test) | 8 / 2 | CRF |" in md
    assert "| ViMQ | published split (test) | 8 / 2 | spaCy tagger |" in md and "ViPubmedDeBERTa 0.807" in md
    assert "| ViMedNER | published split (test) | 8 / 3 | CRF |" in md and "XLM-R-large 0.725" in md
    assert "VietMed-NER | no published split: 80/10/10 seeded shuffle" in md
    assert f"skipped: phoner_covid19: {tmp_path / 'no-phoner'} does not exist" in md
    assert "issue #18" in md  # where the anchors come from
    res = json.loads(out.read_text(encoding="utf-8"))
    by = {x["corpus"]: x for x in res["results"]}
    assert set(by) == {"vimq", "vimedner", "vietmed_ner"}
    assert [row["kind"] for row in by["vimedner"]["rows"]] == ["crf", "spacy"]
    assert set(by["vimedner"]["rows"][0]["per_label"]) == {
        "ten_benh", "trieu_chung_benh", "nguyen_nhan_benh", "bien_phap_chan_doan", "bien_phap_dieu_tri"}
    assert by["vimq"]["report"]["overlaps_skipped"] == 2 and by["vimedner"]["report"]["empty_tokens"] == 1


def test_public_suite_skips_with_a_reason_when_no_corpus_path_is_set():
    code = ("import sys; sys.path.insert(0, 'benchmarks'); from suites import public; "
            "r = public.run(quick=True); print(r)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "public: skipped (no corpus path given: set VIMEDNLP_VIMQ, VIMEDNLP_VIMEDNER, VIMEDNLP_VIETMED" in r.stdout
    assert not (ROOT / "benchmarks" / "results" / "quick" / "public.json").exists()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run  # noqa: PLC0415 - benchmarks/run.py
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert "public" in run.SUITES
