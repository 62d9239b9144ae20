"""Agreement figures against hand-computed values, sklearn and the `krippendorff` package."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vimednlp.annotation.agreement import (
    agreement,
    cohen_kappa,
    consistency,
    krippendorff_alpha_nominal,
    match_spans,
    token_labels,
)
from vimednlp.annotation.report import disagreement_report
from vimednlp.schema import Document, Span

TEXT = "Bệnh nhân Nguyễn Văn An, 45 tuổi, sốt cao."


def sp(sub, label, who, text=TEXT, **attrs):
    i = text.index(sub)
    return Span(i, i + len(sub), label, sub, attrs={"annotator": who, **attrs})


def two_annotators():
    a = [sp("Nguyễn Văn An", "NAME", "a"), sp("45 tuổi", "AGE", "a"), sp("sốt cao", "SYMPTOM", "a")]
    b = [sp("Văn An", "NAME", "b"), sp("45 tuổi", "AGE", "b"), sp("sốt cao", "DISEASE", "b")]
    return Document("d1", TEXT, a + b, {"annotators": ["a", "b"]})


def test_span_f1_by_hand():
    rep = agreement([two_annotators()])
    m = rep.pair("a", "b")
    # strict: only AGE matches -> 2*1/(3+3); overlap: NAME (Văn An inside Nguyễn Văn An) and AGE -> 2*2/6
    assert m["strict"]["ALL"]["f1"] == pytest.approx(1 / 3)
    assert m["overlap"]["ALL"]["f1"] == pytest.approx(2 / 3)
    assert m["strict"]["NAME"]["f1"] == 0 and m["overlap"]["NAME"]["f1"] == 1.0
    assert m["strict"]["SYMPTOM"] == {"tp": 0, "n_a": 1, "n_b": 0, "precision": None, "recall": 0.0, "f1": 0.0}


def test_token_kappa_by_hand():
    # tokens: Bệnh nhân Nguyễn Văn An , 45 tuổi , sốt cao .   (12 tokens)
    d = two_annotators()
    la = token_labels(d.text, [s for s in d.spans if s.attrs["annotator"] == "a"])
    lb = token_labels(d.text, [s for s in d.spans if s.attrs["annotator"] == "b"])
    assert la == ["O", "O", "NAME", "NAME", "NAME", "O", "AGE", "AGE", "O", "SYMPTOM", "SYMPTOM", "O"]
    assert lb == ["O", "O", "O", "NAME", "NAME", "O", "AGE", "AGE", "O", "DISEASE", "DISEASE", "O"]
    # po = 9/12; pe = (O: 5*6 + NAME: 3*2 + AGE: 2*2) / 144 = 40/144
    po, pe = 9 / 12, 40 / 144
    assert agreement([d]).pair("a", "b")["kappa"]["ALL"] == pytest.approx((po - pe) / (1 - pe), abs=1e-6)


def test_kappa_and_alpha_small_fixtures_by_hand():
    a = list("NNOOOOOODD")
    b = list("NOOOOOOODD")
    # po = .9, pe = (2*1 + 6*7 + 2*2)/100 = .48
    assert cohen_kappa(a, b) == pytest.approx(0.42 / 0.52)
    # coincidences: o_xx=2, o_xy=o_yx=1, o_yy=4 -> alpha = 1 - 7*2/(2*3*5)
    units = [("x", "x"), ("x", "y"), ("y", "y"), ("y", "y"), ("x", None)]
    assert krippendorff_alpha_nominal(units) == pytest.approx(1 - 14 / 30)
    assert math.isnan(krippendorff_alpha_nominal([("x", "x"), ("x", "x")]))  # no variation: undefined
    assert math.isnan(cohen_kappa(["O", "O"], ["O", "O"]))
    with pytest.raises(ValueError):
        cohen_kappa(["O"], [])


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=60).flatmap(
    lambda n: st.tuples(st.lists(st.sampled_from(["O", "NAME", "AGE", "DATE"]), min_size=n, max_size=n),
                        st.lists(st.sampled_from(["O", "NAME", "AGE", "DISEASE"]), min_size=n, max_size=n))))
def test_kappa_equals_sklearn(pair):
    import warnings

    from sklearn.metrics import cohen_kappa_score

    a, b = pair
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = cohen_kappa_score(a, b)
    ours = cohen_kappa(a, b)
    if math.isnan(ref):
        assert math.isnan(ours)
    else:
        assert ours == pytest.approx(ref, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), st.sampled_from(["O", "NAME", "AGE"])), min_size=3, max_size=3),
                min_size=2, max_size=30))
def test_alpha_equals_krippendorff_package(units):
    kd = pytest.importorskip("krippendorff")
    import numpy as np

    codes = {"O": 0, "NAME": 1, "AGE": 2}
    data = np.array([[np.nan if u[c] is None else codes[u[c]] for u in units] for c in range(3)], dtype=float)
    ours = krippendorff_alpha_nominal(units)
    try:
        ref = kd.alpha(reliability_data=data, level_of_measurement="nominal")
    except (ValueError, ZeroDivisionError):
        ref = math.nan
    if math.isnan(ours) or math.isnan(ref):
        assert math.isnan(ours) == math.isnan(ref)
    else:
        assert ours == pytest.approx(ref, abs=1e-9)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 11), st.integers(1, 4), st.sampled_from(["NAME", "AGE"])), max_size=5),
       st.lists(st.tuples(st.integers(0, 11), st.integers(1, 4), st.sampled_from(["NAME", "AGE"])), max_size=5))
def test_token_kappa_on_random_spans_equals_sklearn(raw_a, raw_b):
    """The report's token kappa equals sklearn on the token label sequences of random span sets."""
    import warnings

    from sklearn.metrics import cohen_kappa_score

    from vimednlp.text.tokenizer import tokenize

    toks = [t for t in tokenize(TEXT) if t.text.strip()]

    def spans(raw, who):
        out = []
        for i, n, lab in raw:
            j = min(i + n, len(toks)) - 1
            out.append(Span(toks[i].start, toks[j].end, lab, attrs={"annotator": who}))
        return out

    d = Document("r", TEXT, spans(raw_a, "a") + spans(raw_b, "b"), {"annotators": ["a", "b"]})
    la = token_labels(TEXT, [s for s in d.spans if s.attrs["annotator"] == "a"])
    lb = token_labels(TEXT, [s for s in d.spans if s.attrs["annotator"] == "b"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = cohen_kappa_score(la, lb)
    got = agreement([d], labels=["NAME", "AGE"]).pair("a", "b")["kappa"]["ALL"]
    assert (got is None and math.isnan(ref)) or got == pytest.approx(ref, abs=1e-6)


def test_overlap_matching_is_one_to_one():
    a = [Span(0, 10, "NAME")]
    b = [Span(0, 4, "NAME"), Span(5, 10, "NAME")]
    assert len(match_spans(a, b, "overlap")) == 1
    assert match_spans(a, b, "strict") == []


def test_documents_only_one_annotator_saw_are_left_out_of_the_pair():
    d1 = two_annotators()
    d2 = Document("d2", "Chị Lan đau đầu.", [Span(4, 7, "NAME", "Lan", attrs={"annotator": "a"})],
                  {"annotators": ["a"]})
    m = agreement([d1, d2]).pair("a", "b")
    assert m["n_docs"] == 1 and m["strict"]["ALL"]["n_a"] == 3


def test_consistency_finds_the_same_string_with_two_labels():
    t1, t2, t3 = "Bệnh nhân Hồng, 30 tuổi.", "Da hồng hào, không sốt.", "Chị HONG đến khám."
    docs = [Document("1", t1, [Span(10, 14, "NAME", "Hồng")]),
            Document("2", t2, [Span(3, 7, "SYMPTOM", "hồng")]),
            Document("3", t3, [])]
    incs = consistency(docs)
    assert [(i.surface, i.labels) for i in incs] == [("hong", {"NAME": 1, "SYMPTOM": 1})]
    incs = consistency(docs, include_unlabeled=True)
    assert incs[0].labels == {"NAME": 1, "SYMPTOM": 1, "O": 1}  # "HONG" without diacritics, unlabelled


def test_disagreement_report_lists_conflicts_in_context():
    md = disagreement_report([two_annotators()])
    assert "## A = a, B = b: 2 conflicting spans" in md
    assert "| d1 | boundary | NAME 10-23 | NAME 17-23 |" in md
    assert "| d1 | label | SYMPTOM 34-41 | DISEASE 34-41 |" in md
    assert "⟦sốt cao⟧" in md
    assert "sốt" not in disagreement_report([two_annotators()], show_text=False)
