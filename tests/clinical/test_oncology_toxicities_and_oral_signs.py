"""Oncology complications and treatment toxicities as diseases, oral and nasal signs as symptoms (issue #18). Invented text."""
from vimednlp.clinical import extract


def _labels(text):
    return {s.text: s.label for s in extract(text)}


def test_treatment_toxicities_and_complications_are_diseases():
    got = _labels("ĐG: độc tính thần kinh ngoại vi độ 1 sau Oxaliplatin; hội chứng bàn tay bàn chân độ 2; "
                  "nghi chèn ép tủy do di căn; hẹp môn vị.")
    for name in ("độc tính thần kinh ngoại vi", "hội chứng bàn tay bàn chân", "chèn ép tủy do di căn", "hẹp môn vị"):
        assert got.get(name) == "DISEASE", name


def test_oral_and_nasal_signs_are_symptoms():
    got = _labels("Khám: lộ xương hàm vùng R47 khoảng 6mm, mảng trắng ở lưỡi, không rò mủ ra da. Hay xì mũi lẫn máu.")
    for name in ("lộ xương hàm", "mảng trắng ở lưỡi", "rò mủ ra da", "xì mũi lẫn máu"):
        assert got.get(name) == "SYMPTOM", name
