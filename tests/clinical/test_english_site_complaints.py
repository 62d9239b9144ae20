"""English findings in bilingual notes: `<site> <complaint>` with its side, problems and an exclusion as doubt."""

from vimednlp.clinical.extractor import extract


def _spans(text):
    return {s.text: s for s in extract(text)}


def test_site_before_complaint_with_side_after():
    spans = _spans("- Knee pain L khi leo cầu thang, đã chườm đá.")
    assert spans["Knee pain L"].label == "SYMPTOM"


def test_side_before_site_and_other_complaints():
    spans = _spans("Exam: right ankle swelling, neck stiffness.")
    assert spans["right ankle swelling"].label == "SYMPTOM"


def test_negated_english_site_complaint():
    spans = _spans("Denies hip pain. Ăn uống được.")
    assert spans["hip pain"].attrs.get("negated")


def test_english_problems_of_bilingual_notes():
    spans = _spans("PMH: rheumatic fever as a child. Impression: no evidence of distant metastasis.")
    assert spans["rheumatic fever"].label == "DISEASE"
    assert "fever" not in spans
    assert spans["distant metastasis"].attrs.get("negated")


def test_to_exclude_is_doubt():
    spans = _spans("Plan: TEE to exclude LA thrombus before cardioversion.")
    assert spans["LA thrombus"].attrs.get("uncertain")


def test_a_site_word_alone_is_no_symptom():
    assert not [s for s in extract("Pt: shoulder, knee and hip X-ray normal.") if s.label == "SYMPTOM"]


def test_finding_before_an_inference_arrow_is_no_doubt():
    spans = _spans("- đau vai P khi mặc áo -> bán trật khớp? hẹn siêu âm")
    assert not spans["đau vai P"].attrs.get("uncertain")
    assert spans["trật khớp"].attrs.get("uncertain")
