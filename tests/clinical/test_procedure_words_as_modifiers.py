"""A procedure word that only qualifies something else is no procedure done: the scar of an operation (`sẹo mổ`), the
time span of a treatment in advice (`trong thời gian hóa trị`). Invented text."""
from vimednlp.clinical import extract


def _procs(text):
    return [s.text for s in extract(text) if s.label == "PROCEDURE"]


def test_scar_of_an_operation_is_no_procedure():
    assert "mổ" not in _procs("Khám bụng: mềm, sẹo mổ đường trắng giữa liền tốt.")


def test_time_span_of_chemotherapy_in_advice():
    assert _procs("Dặn: kiêng rượu bia trong thời gian hóa trị; bôi kem dưỡng da trong thời gian xạ trị.") == []


def test_chemotherapy_given_is_still_a_procedure():
    assert "hóa trị" in _procs("BN đã hóa trị 4 đợt, đợt cuối 10/2026.")
