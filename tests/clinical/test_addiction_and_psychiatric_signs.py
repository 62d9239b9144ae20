"""Withdrawal, craving and behaviour signs as an addiction clinic or a psychiatric consult words them."""
from vimednlp.clinical import extract


def _found(text: str) -> dict[str, str]:
    return {s.text: s.label for s in extract(text)}


def test_craving_and_withdrawal_signs():
    got = _found("Than mất ngủ 1 tuần, thèm chất nhẹ về chiều, ngáp, nổi da gà, bồn chồn.")
    assert got.get("thèm chất") == "SYMPTOM"
    assert got.get("nổi da gà") == "SYMPTOM"


def test_hyperactivity_in_a_parents_words():
    got = _found("Mẹ kể bé hiếu động quá mức từ mẫu giáo, hay cắt lời, kém tập trung.")
    assert got.get("hiếu động quá mức") == "SYMPTOM"
    assert got.get("hay cắt lời") == "SYMPTOM"


def test_withdrawal_signs_in_an_english_letter():
    got = _found("He presented with tremor, sweating and insomnia; return if seeing things that are not there.")
    assert got.get("sweating") == "SYMPTOM"
    assert got.get("seeing things that are not there") == "SYMPTOM"


def test_neuroleptic_malignant_syndrome_is_a_disease():
    got = _found("Nếu sốt cao, cứng cơ, lơ mơ thì báo ngay để loại trừ hội chứng an thần kinh ác tính.")
    assert got.get("hội chứng an thần kinh ác tính") == "DISEASE"
    assert got.get("cứng cơ") == "SYMPTOM"
