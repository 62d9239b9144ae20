"""A relative's ongoing care or bare operation is no mention of the patient's care (annotated notes: `em gái suy thận
đang chạy thận`, `Ông ngoại – K dạ dày, đã mổ`); the patient's own procedure, an outcome the relative lives with
(`đã cưa chân`) and a relative's drug stay."""
from __future__ import annotations

from vimednlp.clinical import extract


def labelled(text, label):
    return [s.text for s in extract(text) if s.label == label]


def test_procedure_after_a_relatives_problem_is_left_out():
    text = "GĐ: mẹ ĐTĐ, em trai suy thận mạn đang chạy thận ở tỉnh.\nKhám: bụng mềm."
    assert "chạy thận" not in labelled(text, "PROCEDURE")


def test_patients_own_procedure_stays():
    text = "BN suy thận mạn giai đoạn cuối, đang chạy thận 3 lần/tuần."
    assert "chạy thận" in labelled(text, "PROCEDURE")


def test_relatives_drug_stays():
    text = "GĐ: vợ HIV (+), đang uống ARV cùng phòng khám."
    assert "ARV" in labelled(text, "DRUG")


def test_spacy_pipeline_agrees():
    import vimednlp

    nlp = vimednlp.load(["vimednlp_sections", "vimednlp_clinical", "vimednlp_context"])
    text = "GĐ: mẹ ĐTĐ, em trai suy thận mạn đang chạy thận ở tỉnh.\nBN đang chạy thận 3 lần/tuần."
    doc = nlp(text)
    got = sorted((sp.start_char, sp.end_char, sp.label_) for sp in doc.spans["clinical"])
    assert got == sorted((s.start, s.end, s.label) for s in extract(text))


def test_outcome_a_relative_lives_with_stays_a_procedure():
    text = "GĐ: em gái cũng có ĐTĐ, đã cưa chân.\nKhám: ổ loét bàn chân P."
    assert "cưa chân" in labelled(text, "PROCEDURE")


def test_english_ongoing_care_of_a_relative():
    text = "FHx: father ESRD on hemodialysis; mother stroke."
    assert "hemodialysis" not in labelled(text, "PROCEDURE")
