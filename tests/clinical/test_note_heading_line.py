"""The first line names the note: a TEST or PROCEDURE there in capitals or alone in a short part is its subject."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,name", [
    ("HỘI CHẨN LÃO-PHCN 09/12 — BS Quang đi buồng\nBN nữ 84t, đau khớp gối.", "PHCN"),
    ("PHIÊN CHÂM CỨU SỐ 3 — khoa YHCT\nBN nam 60t, đau vai gáy.", "CHÂM CỨU"),
    ("Khám trẻ lành / Tiêm chủng\nBé trai 9 tháng, không sốt.", "Tiêm chủng"),
])
def test_heading_names_the_note(text, name):
    assert name not in [t for lab, t in labelled(text) if lab in ("TEST", "PROCEDURE")]


def test_a_sentence_in_the_first_line_keeps_its_procedure():
    text = "KHÁM NỘI TIẾT (khám tại khoa Ngoại, bệnh nhân đang thay băng vết mổ hằng ngày)\nĐường máu 12 mmol/L."
    assert any(lab == "PROCEDURE" and t.startswith("thay băng") for lab, t in labelled(text))


def test_procedure_in_the_body_stays():
    text = "PHCN — ghi chép ngày 2\nKế hoạch: tập đi với khung, châm cứu 10 buổi."
    spans = labelled(text)
    assert ("PROCEDURE", "châm cứu") in spans and ("PROCEDURE", "PHCN") not in spans
