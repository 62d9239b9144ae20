"""A scan that reads every serif `i` as `1` (`v1ện`, `g1ảm`, `Olanzap1n`): the words are read back as written."""
from vimednlp.clinical import extract


def _labelled(text: str) -> dict[str, str]:
    return {s.text: s.label for s in extract(text)}


def test_drug_names_with_one_for_i_are_drugs():
    got = _labelled("Phương pháp đ1ều trị: Olanzap1n 10mg, Amlod1p1n 5mg l v1ên sáng, Levothyrox1n 50 mcg.")
    assert got.get("Olanzap1n") == "DRUG"
    assert got.get("Amlod1p1n") == "DRUG"
    assert got.get("Levothyrox1n") == "DRUG"


def test_syllables_with_one_for_i_are_read():
    got = _labelled("Bệnh kèm: Suy g1áp. Chẩn đoán: Rố1 loạn lưỡng cực.")
    assert got.get("Suy g1áp") == "DISEASE"
    assert any(t.startswith("Rố1 loạn") and lab == "DISEASE" for t, lab in got.items())


def test_codes_with_a_one_stay_codes():
    from vimednlp.clinical.spoken import value_edits

    text = "Uống vitamin B1, HbA1c 7,2%, phân độ T1N0M0, dengue NS1 dương tính."
    assert not [e for e in value_edits(text) if e[2].isalpha()]
    assert _labelled(text).get("HbA1c") == "TEST"
