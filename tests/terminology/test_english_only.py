"""A fresh install without Vietnamese titles: English titles + our synonyms, and a hint how to build."""
from __future__ import annotations

import logging

from vimednlp.terminology import code, open_store, search


def test_works_without_vietnamese_titles(en_cache, caplog, monkeypatch):
    monkeypatch.setattr(search, "_WARNED", False)
    with caplog.at_level(logging.WARNING, logger="vimednlp.terminology.search"):
        top = code("tăng huyết áp")[0]
    assert not open_store().has_vietnamese()
    assert top.code == "I10" and top.title == "Essential (primary) hypertension"
    assert "terminology build --source gnuhealth" in caplog.text
    assert code("cao huyet ap")[0].code == "I10"
    assert code("pneumonia")[0].code.startswith("J18")
    assert code("acute myocardial infarction")[0].code.startswith("I21")
    assert "E11" in [c.code[:3] for c in code("ĐTĐ type 2", k=3)]
