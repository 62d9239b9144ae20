"""Hypothesis strategies: Vietnamese documents with spans, incl. decomposed letters and non-BMP characters."""
from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

from vimednlp.corpus.tokens import tokens_to_text
from vimednlp.schema import ALL_LABELS, Document, Span

_NFC = ["bệnh", "nhân", "sốt", "ho", "khó", "thở", "Nguyễn", "Thị", "Hương", "Hà", "Nội", "tăng", "huyết", "áp",
        "đái", "tháo", "đường", "viêm", "phổi", "ngày", "12/03/2024", "BN1234", "45", "tuổi", "Bạch", "Mai",
        "uống", "Paracetamol", "500mg", "x", "2", "lần", "ư", "ỹ", "ở", "Đà", "Nẵng", ",", ".", "(", ")", "-",
        "%", "SpO2", "98", "COVID-19", "quận", "Cầu", "Giấy", "điều", "trị", "kháng", "sinh"]
_NFD = [unicodedata.normalize("NFD", w) for w in ("bệnh", "Nguyễn", "huyết", "đường", "Hương", "ỹ")]
_ASTRAL = ["😷", "💊", "𠀀", "𡨸", "𤾓", "a😷b", "🩺"]  # emoji and CJK Extension B: surrogate pairs in UTF-16
SYLLABLES = st.sampled_from(_NFC + _NFD + _ASTRAL)
LABELS = st.sampled_from(ALL_LABELS)
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=8),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3), max_leaves=6)
ATTRS = st.dictionaries(st.sampled_from(["negated", "uncertain", "kind", "orig_label", "note", "family", "n"]),
                        st.booleans() | st.sampled_from(["cccd", "SYMPTOM_AND_DISEASE", "ghi chú có dấu", "😷"])
                        | st.integers(0, 9), max_size=3)


@st.composite
def token_documents(draw, level: str = "syllable", doc_id: str = "doc-00001"):
    """A record as a token format reads it: text = tokens joined by spaces, non-overlapping token spans."""
    n_words = draw(st.integers(1, 14))
    words = []
    for _ in range(n_words):
        k = draw(st.integers(1, 3)) if level == "word" else 1
        words.append("_".join(draw(SYLLABLES) for _ in range(k)))
    text, offsets, joins = tokens_to_text(words, level)
    spans = []
    i = 0
    while i < n_words:
        if draw(st.booleans()):
            j = draw(st.integers(i + 1, min(n_words, i + 4)))
            a, b = offsets[i][0], offsets[j - 1][1]
            spans.append(Span(a, b, draw(LABELS), text[a:b]))
            i = j
        else:
            i += 1
    return Document(doc_id, text, spans, {"word_joins": joins} if joins else {})


@st.composite
def free_documents(draw, overlaps: bool = True):
    """Any record: free whitespace (newlines, tabs, runs), NFD and astral characters, overlapping spans,
    attrs/source/score, JSON meta."""
    pieces = draw(st.lists(st.tuples(SYLLABLES, st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "", " \n "])),
                           min_size=1, max_size=14))
    lead = draw(st.sampled_from(["", " ", "\n"]))
    text = lead + "".join(w + s for w, s in pieces)
    n = len(text)
    spans = []
    for _ in range(draw(st.integers(0, 5))):
        a = draw(st.integers(0, n - 1))
        b = draw(st.integers(a + 1, n))
        sp = Span(a, b, draw(LABELS), text[a:b], draw(st.sampled_from(["", "gold", "regex:phone"])),
                  draw(st.sampled_from([1.0, 0.5, 0.875])), draw(ATTRS))
        if not overlaps and any(sp.overlaps(o) for o in spans):
            continue
        spans.append(sp)
    meta = draw(st.dictionaries(st.sampled_from(["source", "split", "patient_id", "annotator", "genre", "x"]),
                                JSONISH, max_size=4))
    doc_id = draw(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=10))
    return Document(doc_id, text, spans, meta)


@st.composite
def safe_id_documents(draw, overlaps: bool = True):
    doc = draw(free_documents(overlaps))
    doc.id = draw(st.from_regex(r"[a-z0-9][a-z0-9_\-]{0,10}", fullmatch=True))
    return doc
