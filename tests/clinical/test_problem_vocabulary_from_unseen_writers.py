"""Problems and signs unseen writers name, with abbreviations inside disease names (hạ Na máu, hạ ĐH)."""

from vimednlp.clinical.extractor import extract


def _found(text):
    return {s.text: s.label for s in extract(text)}


def test_abbreviated_electrolyte_and_glucose_problems_are_diseases():
    found = _found("Chẩn đoán: hạ Na máu, tăng K máu; dặn theo dõi dấu hiệu hạ ĐH.")
    assert found.get("hạ Na máu") == "DISEASE"
    assert found.get("tăng K máu") == "DISEASE"
    assert found.get("hạ ĐH") == "DISEASE"
    assert "Na máu" not in found


def test_named_syndromes_and_signs():
    found = _found("Dx: AECOPD, TD hội chứng tim thận. Khám: bé lừ đừ, chi mát, khó tập trung.")
    assert found.get("AECOPD") == "DISEASE"
    assert found.get("hội chứng tim thận") == "DISEASE"
    assert found.get("lừ đừ") == "SYMPTOM"
    assert found.get("chi mát") == "SYMPTOM"


def test_otherwise_clause_is_hypothetical():
    spans = {s.text: s for s in extract("Giảm liều từ từ theo hướng dẫn, không thì có thể quá liều.")}
    assert spans["quá liều"].attrs.get("hypothetical")
    assert not spans["quá liều"].attrs.get("uncertain")
