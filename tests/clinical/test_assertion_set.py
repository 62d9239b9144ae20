"""The assertion test set in corpora/assertions: well formed, and the rules hold their measured level."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "corpora" / "assertions" / "assertions.jsonl"


def rows():
    return [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines()]


def test_set_is_well_formed():
    rs = rows()
    assert len(rs) >= 300
    assert sum(r["diacritics"] for r in rs) >= 150 and sum(not r["diacritics"] for r in rs) >= 80
    assert {r["split"] for r in rs} == {"dev", "test"}
    for r in rs:
        for t in r["targets"]:
            assert r["text"][t["start"]:t["end"]] == t["text"]
            assert set(t["assertions"]) <= {"negated", "uncertain", "historical", "family", "hypothetical"}


def test_build_is_reproducible(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "corpora" / "assertions"))
    import build

    before = DATA.read_text(encoding="utf-8")
    assert build.main() == 0
    assert DATA.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("split", ["dev", "test"])
def test_per_class_f1(split):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_clinical

    res = bench_clinical.score(bench_clinical.load(split))
    for c in bench_clinical.CLASSES:
        assert res[c]["f1"] >= 0.92, (split, c, res[c])
