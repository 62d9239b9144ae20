"""A prescription lists its items as name and dose: in a list whose items are drugs with their doses, an unknown
capitalised name of one to four words right before a dose is one more drug (`Sơn thù 8g`, `Cát căn 12g`); a word
that says how or when (`sau 5 ml/kg/giờ`, `Uống 1 viên`) never is."""
from __future__ import annotations

from vimednlp.clinical import extract


def drugs(text):
    return [s.text for s in extract(text) if s.label == "DRUG"]


def test_unknown_herbs_between_known_ones():
    d = drugs("Toa thuốc sắc: Sinh địa 16g, Hoài sơn 12g, Sơn thù 8g, Thiên hoa phấn 12g, Cát căn 12g, Mạch môn 10g.")
    for name in ("Sơn thù", "Thiên hoa phấn", "Cát căn"):
        assert name in d


def test_how_and_when_words_are_no_drugs():
    d = drugs("Y lệnh: Ringer lactat 7 ml/kg/giờ x 1 giờ, sau 5 ml/kg/giờ; Paracetamol 250mg, Ondansetron 4mg, "
              "Uống 1 viên tối.")
    assert "sau" not in d and "Uống" not in d


def test_a_lone_name_and_dose_without_a_drug_list_stays_text():
    assert drugs("Bé nặng 12kg, Cân 12kg, Chiều cao 86cm.") == []
