"""`K` (ung thư) before an organ typed in lower case in a chat is the cancer, not the chat `k` = không."""

from vimednlp.clinical.extractor import extract


def _found(text):
    return {s.text: s for s in extract(text) if s.label == "DISEASE"}


def test_lower_case_cancer_letter_before_an_organ_is_the_disease():
    found = _found("ba e bi k phoi 2 nam nay, gio ho nhieu")
    assert "k phoi" in found
    assert found["k phoi"].attrs.get("concept") == "ung thư phổi"


def test_cancer_letter_is_not_read_as_a_negation():
    found = _found("cô ơi mẹ em bị k dạ dày, mấy hôm nay nôn ra máu")
    assert "k dạ dày" in found
    assert not found["k dạ dày"].attrs.get("negated")


def test_k_before_a_word_that_is_no_organ_still_negates():
    spans = {s.text: s for s in extract("phân k máu, bé k sốt")}
    assert "k máu" not in spans
    assert spans["sốt"].attrs.get("negated")
