"""Oncology notes: performance status, HADS, tumour markers read one by one or as a panel, EBV load, MGIT culture,
gene tests and lymph-node dissection (issue #18). Invented text."""
from vimednlp.clinical import extract


def _pairs(text):
    return [(s.label, s.text) for s in extract(text)]


def test_performance_status_is_a_test_with_its_grade():
    p = _pairs("Khám: da niêm hồng, ECOG 2, Karnofsky 60%.")
    assert ("TEST", "ECOG") in p and ("RESULT", "2") in p
    assert ("TEST", "Karnofsky") in p and ("RESULT", "60%") in p


def test_markers_listed_one_by_one_each_have_a_result():
    p = _pairs("- ER dương tính, PR âm tính, Ki67 45%")
    assert ("TEST", "ER") in p and ("TEST", "PR") in p and ("TEST", "Ki67") in p
    assert ("RESULT", "45%") in p


def test_markers_after_a_panel_label_are_its_one_finding():
    p = _pairs("Bà Lý 61t, K vú trái, HMMD: ER (-), PR (-), HER2 (+), đã mổ cắt tuyến vú.")
    assert ("RESULT", "ER (-), PR (-), HER2 (+)") in p
    assert ("TEST", "ER") not in p


def test_english_marker_report_lines():
    p = _pairs("EBER-ISH: negative. p16: positive.")
    assert ("TEST", "EBER-ISH") in p and ("RESULT", "negative") in p and ("TEST", "p16") in p


def test_viral_load_culture_gene_test_and_dissection():
    p = _pairs("EBV-DNA 2.500 copies/mL. Gửi cấy MGIT. XN gen BRCA1/2: chưa có KQ. Dự kiến vét hạch cổ.")
    assert ("TEST", "EBV-DNA") in p and ("TEST", "cấy MGIT") in p and ("TEST", "XN gen BRCA1/2") in p
    assert ("PROCEDURE", "vét hạch cổ") in p
