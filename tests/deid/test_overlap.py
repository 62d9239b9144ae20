"""The one overlap resolver (vimednlp.overlap): each named policy on realistic overlaps, and each caller using it."""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pytest

from vimednlp.deid.analyzer import Analyzer
from vimednlp.deid.recognizers import Candidate
from vimednlp.overlap import POLICIES, resolve
from vimednlp.schema import Span


def cand(text: str, piece: str, label: str, score: float, source: str = "rule", nth: int = 0) -> Candidate:
    s = -1
    for _ in range(nth + 1):
        s = text.index(piece, s + 1)
    return Candidate(s, s + len(piece), label, score, source, f"test {label}")


def test_policies_are_named():
    assert set(POLICIES) == {"deid", "longest", "longest_priority", "preferred", "given_order"}
    with pytest.raises(ValueError, match="unknown overlap policy 'widest'"):
        resolve([], policy="widest")
    with pytest.raises(TypeError, match="takes no option"):
        resolve([], policy="longest", source_rank={})


# --- deid: score first, a surer containing span takes over, parts outside an overlap ---------------------
ADDR = "Địa chỉ: số 12 phố Nguyễn Văn An, quận Ba Đình, Hà Nội."


def test_deid_higher_score_wins_over_longer():
    t = "BS Trần Minh Đức khám lúc 14h30 ngày 12/3/2024"
    date = cand(t, "14h30 ngày 12/3/2024", "DATE", 0.95)
    clock = cand(t, "14h30", "DATE", 0.7)
    name = cand(t, "Trần Minh Đức", "NAME", 0.85)
    got = resolve([clock, name, date], policy="deid")
    assert [(t[c.start:c.end], c.label) for c in got] == [("Trần Minh Đức", "NAME"), ("14h30 ngày 12/3/2024", "DATE")]


def test_deid_containing_span_takes_over_inner_ones():
    # the street name looks like a person's name; the address contains it and scores >= 0.6: the address wins
    name = cand(ADDR, "Nguyễn Văn An", "NAME", 0.9)
    loc = cand(ADDR, "số 12 phố Nguyễn Văn An, quận Ba Đình, Hà Nội", "LOCATION", 0.8)
    got = resolve([name, loc], policy="deid")
    assert [c.label for c in got] == ["LOCATION"]
    # below 0.6 it does not
    weak = Candidate(loc.start, loc.end, "LOCATION", 0.55, "rule", "weak")
    assert [c.label for c in resolve([name, weak], policy="deid")] == ["NAME"]


def test_deid_partial_overlap_keeps_part_outside_with_text():
    t = "Chuyển từ Bệnh viện Đa khoa huyện Nho Quan, Ninh Bình lúc 8h"
    org = cand(t, "Bệnh viện Đa khoa huyện Nho Quan", "ORGANIZATION", 0.9)
    loc = cand(t, "huyện Nho Quan, Ninh Bình", "LOCATION", 0.8)
    without = resolve([org, loc], policy="deid")
    assert [t[c.start:c.end] for c in without] == ["Bệnh viện Đa khoa huyện Nho Quan"]
    got = resolve([org, loc], policy="deid", text=t)
    assert [(t[c.start:c.end], c.label) for c in got] == [("Bệnh viện Đa khoa huyện Nho Quan", "ORGANIZATION"),
                                                         ("Ninh Bình", "LOCATION")]
    vetoed = resolve([org, loc], policy="deid", text=t, keep_part=lambda text, s, e, c, o: False)
    assert len(vetoed) == 1


def test_deid_analyzer_drops_a_lone_cue_word_left_over():
    # the analyzer's keep_part: a leftover that is only a unit word ('phường') is not kept
    from vimednlp.deid.analyzer import resolve as analyzer_resolve

    t = "Nhà ở phường Ngọc Hà, Ba Đình"
    loc = cand(t, "Ngọc Hà, Ba Đình", "LOCATION", 0.9)
    weak = cand(t, "phường Ngọc Hà", "LOCATION", 0.7)
    got = analyzer_resolve([loc, weak], t)
    assert [t[c.start:c.end] for c in got] == ["Ngọc Hà, Ba Đình"]


# --- longest (deid.api: given spans) -------------------------------------------------------------------
def test_longest_then_score():
    t = "Liên hệ chị Lan 0912 345 678"
    a = Span(12, 15, "NAME", "Lan", score=0.99)
    b = Span(8, 15, "NAME", "chị Lan", score=0.5)
    c = Span(16, 28, "PHONE", "0912 345 678", score=0.9)
    d = Span(16, 28, "ID", "0912 345 678", score=0.6)
    got = resolve([a, d, b, c], policy="longest")
    assert [(s.text, s.label) for s in got] == [("chị Lan", "NAME"), ("0912 345 678", "PHONE")]
    assert t[got[0].start:got[0].end] == "chị Lan"


def test_api_replace_uses_longest_policy():
    from vimednlp.deid.api import _resolve_overlaps

    spans = [Span(0, 4, "NAME", "Hùng", score=0.9), Span(0, 9, "NAME", "Hùng Vũ X", score=0.6)]
    assert [s.end for s in _resolve_overlaps(spans)] == [9]


# --- longest_priority (clinical extractor) -------------------------------------------------------------
@dataclass
class _C:
    start: int
    end: int
    label: str
    source: str
    attrs: dict = field(default_factory=dict)
    priority: int = 0


def test_longest_priority_then_source_rank():
    t = "đau ngực trái, tăng huyết áp"
    rank = {"lexicon": 3, "pattern": 2, "tagger": 1}
    sym = _C(0, 8, "SYMPTOM", "pattern", priority=1)
    dis = _C(0, 8, "DISEASE", "lexicon", priority=1)
    short = _C(0, 3, "SYMPTOM", "lexicon", priority=9)
    htn = _C(15, 28, "DISEASE", "tagger")
    got = resolve([short, sym, htn, dis], policy="longest_priority", source_rank=rank)
    assert [(t[c.start:c.end], c.label) for c in got] == [("đau ngực", "DISEASE"), ("tăng huyết áp", "DISEASE")]
    higher = _C(0, 8, "SYMPTOM", "tagger", priority=2)
    assert resolve([dis, higher], policy="longest_priority", source_rank=rank)[0].label == "SYMPTOM"


def test_clinical_extractor_uses_the_resolver():
    from vimednlp.clinical.extractor import resolve_overlaps

    a = _C(0, 8, "SYMPTOM", "pattern")
    b = _C(4, 12, "DISEASE", "lexicon")
    assert [c.label for c in resolve_overlaps([a, b])] == ["DISEASE"]


# --- preferred (spaCy resolver) ------------------------------------------------------------------------
@dataclass
class _Tok:
    start: int
    end: int
    label_: str
    score: float = 1.0


def test_preferred_group_first_then_longer_then_input_order():
    phi = _Tok(2, 4, "NAME")
    clin = _Tok(0, 6, "DISEASE")
    def is_phi(s):
        return s.label_ in ("NAME", "DATE")

    assert [s.label_ for s in resolve([clin, phi], policy="preferred", preferred=is_phi)] == ["NAME"]
    assert [s.label_ for s in resolve([clin, phi], policy="preferred", preferred=lambda s: not is_phi(s))] == ["DISEASE"]
    # equal keys: the input order decides (stable)
    x, y = _Tok(0, 2, "NAME"), _Tok(1, 3, "DATE")
    assert resolve([y, x], policy="preferred", preferred=is_phi) == [y]
    with pytest.raises(ValueError, match="preferred="):
        resolve([x], policy="preferred")


def test_spacy_resolver_prefers_phi():
    pytest.importorskip("spacy")
    from spacy.tokens import Span as SpacySpan

    from vimednlp.pipeline import blank
    from vimednlp.pipeline import resolve as spacy_resolve

    doc = blank().make_doc("Bệnh nhân Nguyễn Văn An bị đái tháo đường")
    name = doc.char_span(10, 23, label="NAME")
    disease = SpacySpan(doc, name.start - 1, len(doc), label="DISEASE")  # longer, overlapping the name
    doc.spans["phi"] = [name]
    doc.spans["clinical"] = [disease]
    assert [s.label_ for s in spacy_resolve(doc)] == ["NAME"]
    assert [s.label_ for s in spacy_resolve(doc, prefer="clinical")] == ["DISEASE"]


# --- given_order (adjudication) ------------------------------------------------------------------------
def test_given_order_first_wins():
    a = Span(0, 13, "NAME", "Nguyễn Văn An")
    b = Span(7, 20, "NAME", "Văn An, 45 tu")
    c = Span(15, 22, "AGE", "45 tuổi")
    assert resolve([b, a, c], policy="given_order") == [b]
    assert resolve([a, b, c], policy="given_order") == [a, c]


def test_empty_spans_are_never_chosen():
    assert resolve([Span(3, 3, "NAME", "")], policy="longest") == []
    assert resolve([Candidate(3, 3, "NAME", 0.9, "x", "")], policy="deid") == []


def test_analyzer_output_never_overlaps():
    t = "BN Nguyễn Văn An, 45 tuổi, ở số 12 phố Nguyễn Văn An, quận Ba Đình, Hà Nội, SĐT 0912 345 678"
    spans = Analyzer(model=None).analyze(t)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert {"NAME", "AGE", "PHONE", "LOCATION"} <= {s.label for s in spans}
