"""Candidate search on the store with Vietnamese titles (built from the shared GNU Health TSV)."""
from __future__ import annotations

import pytest

import vimednlp
from vimednlp.terminology import Candidate, code

REASONS = {"code", "synonym", "exact", "abbreviation", "accent-folded", "spelling", "qualifier-matched",
           "qualifier-stripped", "accent-mismatch", "tfidf"}


def codes(q, k=5, system="icd10"):
    return [c.code for c in code(q, system=system, k=k)]


def test_acceptance_queries(vi_cache):
    assert "E11" in [c[:3] for c in codes("ĐTĐ type 2", k=3)]
    assert codes("cao huyet ap")[0] == "I10"
    assert codes("tăng huyết áp")[0] == "I10"


@pytest.mark.parametrize("query,expected", [
    ("NMCT", "I21"), ("nhồi máu cơ tim cấp", "I21"), ("tiểu đường", "E14"), ("sốt xuất huyết", "A97"),
    ("viêm phổi", "J18"), ("Viêm phổi cộng đồng", "J18"), ("viem phoi", "J18"), ("đái tháo đường tuýp 2", "E11"),
    ("viêm gan B mãn tính", "B18"), ("ung thu vu", "C50"), ("suy tim sung huyêt", "I50"), ("heart failure", "I50"),
    ("COPD", "J44"), ("bệnh thủy đậu", "B01"), ("bệnh thuỷ đậu", "B01"), ("K phổi", "C34"),
    ("Bệnh đái tháo đường không phụ thuộc insulin có biến chứng thận", "E11"), ("tăng men gan", "R74"),
])
def test_common_mentions_top1(vi_cache, query, expected):
    assert codes(query)[0][:3] == expected


@pytest.mark.parametrize("query,expected", [
    ("Tăng huyết áp độ 2", "I10"), ("Suy tim NYHA III", "I50"), ("Viêm phổi phải", "J18"),
    ("Theo dõi sốt xuất huyết ngày 3", "A97"), ("Sỏi thận phải", "N20"), ("tiền sử lao phổi", "A16"),
    ("Thoái hóa cột sống thắt lưng L4-L5", "M47"), ("Đau đầu chưa rõ nguyên nhân", "R51"),
])
def test_qualifiers_are_stripped_to_the_core_concept(vi_cache, query, expected):
    top = code(query, k=3)[0]
    assert top.code[:3] == expected and top.reason == "qualifier-stripped" and top.score < 1.0


def test_a_qualifier_that_is_part_of_a_title_is_kept(vi_cache):
    top = code("trĩ độ III")[0]
    assert (top.code, top.reason) == ("K64.2", "exact")


def test_candidates_carry_score_reason_and_title(vi_cache):
    cands = code("viêm ruột thừa cấp", k=5)
    assert 1 <= len(cands) <= 5 and all(isinstance(c, Candidate) for c in cands)
    assert all(c.reason in REASONS and 0 < c.score <= 1 and c.title and c.system == "icd10" for c in cands)
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)
    assert cands[0].code.startswith("K35") and cands[0].title.startswith("Viêm ruột thừa")
    assert code("cao huyet ap")[0].reason == "accent-folded"
    assert code("ĐTĐ type 2")[0].reason == "abbreviation"
    # typos: a word one edit from an index word is set right; otherwise character n-grams
    typo = code("viêm phổii thùy", k=3)
    assert typo[0].code.startswith("J18") and typo[0].reason == "spelling"
    far = code("viêm phổiii thùy", k=3, min_confidence=0.0)   # two edits: n-grams or partial evidence only
    assert far[0].code.startswith("J18") and far[0].reason in ("tfidf", "head") and far[0].score < 0.9
    assert vimednlp.code is code


def test_code_written_in_query_is_validated(vi_cache):
    top = code("I21.9", k=3)[0]
    assert (top.code, top.reason, top.score) == ("I21.9", "code", 1.0)
    assert code("E11 đái tháo đường")[0].code == "E11"
    assert [(c.code, c.reason) for c in code("A00.5", k=3)] == [("A00", "code")]   # no A00.5: its category


def test_diacritics_disambiguate_folded_twins(vi_cache):
    # sởi (measles) and sỏi (stones) fold to the same letters
    assert codes("bệnh sởi")[0][:3] == "B05"
    assert codes("sỏi thận")[0][:3] == "N20"


def test_drugs_and_labs(vi_cache):
    assert codes("Augmentin", system="drug")[0] == "J01CR02"
    assert codes("Amoxicillin", system="drug")[0] == codes("amoxicilin 500mg", system="drug")[0] == "J01CA04"
    assert codes("Ceftriaxone 1g", system="drug")[0] == "J01DD04"
    assert codes("cefuroxim", system="drug")[0] == "J01DC02"
    assert codes("Hydrochlorothiazide", system="drug")[0] == "C03AA03"
    assert codes("Panadol", system="drug")[0] == "N02BE01"
    assert codes("CTM", system="lab")[0] == "58410-2"
    assert codes("HbA1c", system="lab")[0] == "4548-4"
    assert codes("tổng phân tích nước tiểu", system="lab")[0] == "24357-6"
    assert codes("creatinin máu", system="lab")[0] == "2160-0"


def test_bad_input(vi_cache):
    assert code("   ") == []
    with pytest.raises(ValueError, match="unknown code system"):
        code("x", system="snomed")
    with pytest.raises(TypeError):
        code(None)
    with pytest.raises(ValueError):
        code("x", k=0)
    with pytest.raises(ValueError, match="one mention"):
        code("tăng huyết áp " * 200)


def test_eval_set_regression(vi_cache):
    """The first 300 rows of the benchmark set keep their 3-character top-5 accuracy (full numbers: benchmarks)."""
    from pathlib import Path

    rows = Path(__file__).resolve().parents[2].joinpath("benchmarks", "data", "icd10_mentions.tsv")
    lines = rows.read_text(encoding="utf-8").splitlines()[1:301]
    hits = 0
    for line in lines:
        q, gold, _ = line.split("\t")
        g3 = {g[:3] for g in gold.split("|")}
        hits += any(c.code[:3] in g3 for c in code(q, k=5))
    assert hits / len(lines) >= 0.95
