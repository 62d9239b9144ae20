"""A drug word that names no drug given: a treatment site's name (`CS Methadone`) or a piece of a misread date."""
from vimednlp.clinical import extract


def _drugs(text: str) -> list[str]:
    return [s.text for s in extract(text) if s.label == "DRUG"]


def test_treatment_site_named_after_a_drug_is_no_drug():
    text = "Nơi gửi: CS ĐIỀU TRỊ METHADONE phường An Lạc. Liều Methadone 70mg/ngày. Ra viện chuyển CS methadone quận 5."
    assert _drugs(text) == ["Methadone"]


def test_drug_word_after_a_site_word_in_english():
    assert _drugs("He attends the methadone clinic; current dose methadone 60 mg daily.") == ["methadone"]


def test_misread_date_piece_is_no_oxygen():
    text = "Ra viện ngày O2/12/2O26. Thở O2 qua gọng mũi 3 l/ph."
    assert "O2" not in _drugs(text)


def test_combined_regimen_with_slashes_stays_a_drug():
    assert _drugs("Phác đồ TDF/3TC/DTG 1 viên tối.")


def test_tuberculosis_regimen_with_slash_stays_a_drug():
    assert _drugs("Lao phổi: điều trị 2RHZE/4RH từ 10/11.")
