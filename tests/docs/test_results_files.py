"""benchmarks/RESULTS.md names no machine's paths, and the hand-kept results/*.md that the docs cite say that
they are historical and when they were measured (benchmarks/run.py regenerates RESULTS.md only)."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"


def _run_module():
    import sys

    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_run_for_test", BENCH / "run.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod
    finally:
        sys.path.remove(str(BENCH))


def test_results_md_has_no_machine_path():
    text = (BENCH / "RESULTS.md").read_text(encoding="utf-8")
    found = re.findall(r"(?<![\w$])/(?:work|home|root|Users|mnt)/[^\s`)]*", text)
    assert not found, f"machine paths in benchmarks/RESULTS.md (write $VIMEDNLP_SHARED): {found[:5]}"


def test_the_renderer_writes_the_shared_folder_as_the_variable(monkeypatch, tmp_path):
    mod = _run_module()
    monkeypatch.setenv("VIMEDNLP_SHARED", str(tmp_path / "shared"))
    got = mod.without_machine_paths(f"--phoner {tmp_path}/shared/data/phoner_covid19 and {tmp_path}/shared2/x")
    assert got == f"--phoner $VIMEDNLP_SHARED/data/phoner_covid19 and {tmp_path}/shared2/x"


def test_every_cited_results_note_is_marked_historical_with_its_date():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    cited = sorted({m for p in pages for m in re.findall(r"results/([a-z_]+\.md)", p.read_text(encoding="utf-8"))})
    assert cited, "the docs cite no results note: this test would check nothing"
    unmarked = [name for name in cited
                if not re.search(r"^> \*\*Historical record, dated \d{4}-\d{2}-\d{2}\*\*",
                                 "\n".join((BENCH / "results" / name).read_text(encoding="utf-8").splitlines()[:6]),
                                 re.MULTILINE)]
    assert not unmarked, f"results notes cited by the docs without a dated historical mark: {unmarked}"
