"""Real Unicode Vietnamese text from the shared corpora (read in place, never copied): legacy
detection never fires, and normalization changes nothing but tone position and spacing."""
from __future__ import annotations

import json
import re
import unicodedata

from tests.conftest import shared_path

from vimednlp.text import detect_legacy, fold, normalize, tokenize


def _check(texts: list[str]) -> tuple[int, int]:
    changed = 0
    for i, text in enumerate(texts):
        assert detect_legacy(text) is None, f"legacy detection fired on sentence {i}"
        res = normalize(text)
        if res.text != text:
            changed += 1
            # letters and digits are the same up to tone position (punctuation and spaces unified)
            assert re.findall(r"\w+", fold(res.text)) == re.findall(r"\w+", fold(unicodedata.normalize("NFC", text))), i
        if res.text != text or i % 10 == 0:  # token mapping: every edited sentence, a sample of others
            for t in tokenize(res.text):
                s, e = res.to_original(t.start, t.end)
                assert normalize(text[s:e], legacy=None).text == t.text, i
    return changed, len(texts)


def test_phoner_covid19_sentences():
    path = shared_path("data", "phoner_covid19", "syllable", "test_syllable.json")
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(" ".join(json.loads(line)["words"]))
    changed, n = _check(texts)
    assert n > 2000
    # news text mixes new-style tones (Hoà, khoẻ) and decomposed words: those are what changes
    assert 0 < changed < n


def test_acrdraid_radiology_sentences():
    path = shared_path("data", "acrdraid", "test", "data.json")
    texts = sorted({r["text"] for r in json.loads(path.read_text(encoding="utf-8"))})
    _changed, n = _check(texts)
    assert n > 500
