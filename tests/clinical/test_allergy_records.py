"""An allergy record names the drug: the head word before a drug is no disease; a bare or generic allergy is one."""

from vimednlp.clinical.extractor import extract


def _diseases(text):
    return [s.text for s in extract(text) if s.label == "DISEASE"]


def test_allergy_to_a_named_drug_is_no_disease():
    assert _diseases("Tiền sử: dị ứng Amoxicillin (phù mi năm 2021).") == []
    assert _diseases("- Dị ứng: Ceftriaxon - nổi mẩn ngứa (2020)") == []


def test_generic_or_denied_allergy_stays():
    assert _diseases("Không dị ứng thuốc.") == ["dị ứng thuốc"]
    assert _diseases("Không dị ứng.") == ["dị ứng"]
