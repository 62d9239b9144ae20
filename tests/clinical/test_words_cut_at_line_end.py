"""A scan or a print cuts words at a line end with a hyphen (`Triglyce-⏎rid`, `bụng chướ-⏎ng`): the word is read
whole when the joined word is one Vietnamese syllable or a drug or test word of the lexicon; the span keeps the
text as written. A suspected disease does not doubt the ground it arises on (`TD ung thư gan trên nền xơ gan`)."""
from __future__ import annotations

from vimednlp.clinical import extract


def test_test_name_cut_at_line_end():
    spans = extract("Cholesterol TP   5,9 H   3,9 - 5,2   mmol/L\nTriglyce-\nrid   3,8 H   0,46 - 1,88   mmol/L\n")
    assert ("TEST", "Triglyce-\nrid") in [(s.label, s.text) for s in spans]
    assert "3,8" in [s.text for s in spans if s.label == "RESULT"]


def test_syllable_cut_at_line_end():
    spans = extract("Bệnh sử: gầy sút 5kg, bụng chướ-\nng tăng dần. Không sốt.\n")
    assert any(s.label == "SYMPTOM" and s.text.startswith("bụng chướ") for s in spans)


def test_a_dash_between_two_words_stays():
    # a range or a list dash at a line end is no cut word: `Hà Nội-` then a capitalised line
    spans = extract("Chuyển từ BV tỉnh-\nHà Nội. Ho khan 3 ngày.\n")
    assert "Ho khan" in [s.text for s in spans]


def test_ground_of_a_suspected_disease_is_not_doubted():
    a = {s.text: s.attrs for s in extract("Chẩn đoán: TD ung thư biểu mô tế bào gan trên nền xơ gan.")}
    assert a["xơ gan"]["uncertain"] is False
