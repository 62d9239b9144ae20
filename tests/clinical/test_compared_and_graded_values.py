"""A reading keeps its comparison sign (`<20`, `> 3000`) and its grade in pluses (`2+`): guidelines span the whole value
(issue #18). Invented text."""
from vimednlp.clinical import extract


def _results(text):
    return [s.text for s in extract(text) if s.label == "RESULT"]


def test_grade_in_pluses_is_the_whole_value():
    r = _results("- HER2 2+, Ki67 15%. Protein niệu 3+.")
    assert "2+" in r and "3+" in r


def test_comparison_sign_belongs_to_the_value():
    r = _results("Tải lượng HIV <20, ferritin > 1500 ng/mL.")
    assert "<20" in r and any(x.startswith("> 1500") for x in r)


def test_plain_values_unchanged():
    r = _results("Glucose 6,1 mmol/L, Creatinin 88 µmol/L.")
    assert any(x.startswith("6,1") for x in r) and not any(x.endswith("+") for x in r)
