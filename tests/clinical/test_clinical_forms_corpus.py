"""The many-form clinical corpus (corpora/synthetic/clinical_forms.py): exact gold, every genre and form change,
and extract() measured on it (a floor well under the measured value, so a regression in a mechanism shows)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from corpora.synthetic import clinical_forms as CF


@pytest.mark.parametrize("genre", list(CF.GENRES))
def test_every_genre_has_exact_gold(genre):
    for d in CF.generate(6, seed=5, genres=[genre]):
        assert d.spans
        for s in d.spans:
            assert d.text[s.start:s.end] == s.text and s.text == s.text.strip()
            if s.label in ("DISEASE", "SYMPTOM"):
                assert set(s.attrs) == set(CF.ASSERTIONS)


@pytest.mark.parametrize("form", CF.FORM_CHANGES)
def test_every_form_change_keeps_gold_exact(form):
    docs = CF.generate(11, seed=8, forms=(form,))
    assert all(form in d.meta["forms"] for d in docs)
    for d in docs:
        for s in d.spans:
            assert d.text[s.start:s.end] == s.text


def test_same_seed_same_corpus_and_errors_name_the_problem():
    a = [d.to_json() for d in CF.generate(12, seed=3)]
    assert a == [d.to_json() for d in CF.generate(12, seed=3)]
    assert a != [d.to_json() for d in CF.generate(12, seed=4)]
    with pytest.raises(ValueError, match="unknown genre"):
        CF.generate(2, genres=["poetry"])
    with pytest.raises(ValueError, match="unknown form change"):
        CF.generate(2, forms=("shouting",))


def test_spoken_form_writes_doses_in_words():
    docs = CF.generate(20, seed=2, genres=["transcript"], augment=False)
    doses = [s.text for d in docs for s in d.spans if s.label == "DOSAGE"]
    assert doses and not any(ch.isdigit() for t in doses for ch in t)


def test_extract_on_the_many_form_corpus():
    spec = importlib.util.spec_from_file_location("bench_clinical_forms", ROOT / "benchmarks" / "bench_clinical_forms.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    res = bench.run(66, seed=31)   # a seed no error analysis looked at
    assert res["all"]["overlap"]["micro"]["f1"] >= 0.92
    assert res["genre:transcript"]["overlap"]["DOSAGE"]["f1"] >= 0.8
    assert res["genre:bilingual"]["overlap"]["SYMPTOM"]["f1"] >= 0.7
