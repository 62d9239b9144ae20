"""The one P/R/F1 implementation (`taggers.evaluate.prf`, `entity_scores`) agrees with seqeval on IOB
sequences, and annotator agreement uses the same formula."""
from __future__ import annotations

import math
import random

import pytest

from vimednlp.annotation.agreement import PRF as AgreementPRF
from vimednlp.schema import Document
from vimednlp.taggers.bio import bio_to_spans, doc_tokens
from vimednlp.taggers.evaluate import entity_scores, prf

seqeval_metrics = pytest.importorskip("seqeval.metrics")

LABELS = ["NAME", "AGE", "DATE", "SYMPTOM"]
WORDS = ["Bệnh", "nhân", "Nguyễn", "Văn", "An", "45", "tuổi", "vào", "viện", "ngày", "12/03/2024", "vì", "sốt", "cao", "ho", "khan"]


def _random_tags(rng: random.Random, n: int) -> list[str]:
    # B/I/O with the awkward cases seqeval handles conlleval-style: I- after O, I- of another label
    return [rng.choice(["O", "O", "O"] + [f"{p}-{x}" for p in "BI" for x in LABELS]) for _ in range(n)]


def _as_doc(i: int, words: list[str], tags: list[str]) -> tuple[Document, list]:
    text = " ".join(words)
    toks = doc_tokens(text, "whitespace")
    return Document(id=f"s{i}", text=text, spans=bio_to_spans(text, toks, tags)), toks


@pytest.mark.parametrize("seed", range(8))
def test_entity_scores_equal_seqeval_on_iob_sequences(seed):
    rng = random.Random(seed)
    gold_tags, pred_tags, gold_docs, preds = [], [], [], []
    for i in range(30):
        n = rng.randint(1, 12)
        words = [rng.choice(WORDS) for _ in range(n)]
        g = _random_tags(rng, n)
        # predictions: mostly the gold tags, some changed
        p = [t if rng.random() < 0.7 else rng.choice(_random_tags(rng, 1)) for t in g]
        gold_tags.append(g)
        pred_tags.append(p)
        doc, toks = _as_doc(i, words, g)
        gold_docs.append(doc)
        preds.append(bio_to_spans(doc.text, toks, p))
    rep = entity_scores(gold_docs, preds)
    assert rep.micro.precision == pytest.approx(seqeval_metrics.precision_score(gold_tags, pred_tags))
    assert rep.micro.recall == pytest.approx(seqeval_metrics.recall_score(gold_tags, pred_tags))
    assert rep.micro.f1 == pytest.approx(seqeval_metrics.f1_score(gold_tags, pred_tags))
    per = seqeval_metrics.classification_report(gold_tags, pred_tags, output_dict=True, zero_division=0)
    for label in LABELS:
        if label in per:
            assert rep.per_label[label].f1 == pytest.approx(per[label]["f1-score"]), label
            assert rep.per_label[label].support == per[label]["support"], label
    assert rep.macro_f1 == pytest.approx(per["macro avg"]["f1-score"])


def test_no_prediction_scores_zero_like_seqeval():
    gold = [["B-NAME", "I-NAME", "O"]]
    pred = [["O", "O", "O"]]
    doc, toks = _as_doc(0, ["Nguyễn", "Văn", "An"], gold[0])
    rep = entity_scores([doc], [bio_to_spans(doc.text, toks, pred[0])])
    assert (rep.micro.precision, rep.micro.recall, rep.micro.f1) == (0.0, 0.0, 0.0)
    assert seqeval_metrics.f1_score(gold, pred, zero_division=0) == 0.0


def test_prf_counts_and_empty_ratios():
    assert prf(8, 2, 4) == pytest.approx((0.8, 8 / 12, 2 * 8 / (16 + 2 + 4)))
    assert prf(0, 3, 2) == (0.0, 0.0, 0.0)
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(0, 0, 0, empty=1.0) == (1.0, 1.0, 1.0)
    p, r, f = prf(0, 0, 5, empty=math.nan)
    assert math.isnan(p) and r == 0.0 and f == 0.0


def test_annotator_agreement_uses_the_same_formula():
    a = AgreementPRF(tp=7, n_a=10, n_b=9)  # annotator A is the reference
    assert (a.precision, a.recall, a.f1) == pytest.approx(prf(7, 9 - 7, 10 - 7))
    assert math.isnan(AgreementPRF().f1)
