"""ICD-10 Vietnamese titles join the DISEASE lexicon when the user's terminology store has them."""
from __future__ import annotations

import pytest


@pytest.mark.slow
def test_titles_from_a_built_store(shared, tmp_path, monkeypatch):
    tsv = shared("terminology", "icd10_vi_gnuhealth", "icd10_vi_gnuhealth_5.0.4.tsv")
    from vimednlp.clinical import extractor, resources
    from vimednlp.terminology import store
    from vimednlp.terminology.build import build

    def clear():
        store.reset_store_cache()
        resources.lexicon_trie.cache_clear()
        resources.surfaces.cache_clear()
        extractor.default_extractor.cache_clear()

    monkeypatch.setenv("VIMEDNLP_CACHE", str(tmp_path))
    clear()
    try:
        from vimednlp.clinical import extract

        text = "Viêm họng do liên cầu, nhiễm độc giáp. Ho, sốt."
        before = {s.text for s in extract(text)}
        assert "viêm họng do liên cầu" not in {t.lower() for t in before}
        build(source="tsv", path=str(tsv))
        clear()
        got = {s.text.lower(): s for s in extract(text)}
        assert got["viêm họng do liên cầu"].attrs["icd10_hint"] == "J02.0"
        assert got["ho"].label == "SYMPTOM"          # curated lists keep their labels
        # an encounter title (Z01.3 `Đo huyết áp`) names no problem: the measurement is a test with its reading
        spans = [(s.label, s.text) for s in extract("em đo huyết áp ở nhà được 180/100")]
        assert ("TEST", "huyết áp") in spans and ("RESULT", "180/100") in spans
        assert not [t for lab, t in spans if lab == "DISEASE"]
    finally:
        monkeypatch.undo()
        clear()
