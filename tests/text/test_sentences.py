"""Sentence splitting: abbreviations, decimals, numbered lists and line-based forms."""
from __future__ import annotations

import itertools

from vimednlp.text import split_sentences


def sents(text):
    spans = split_sentences(text)
    for (_s, e), (s2, _e2) in itertools.pairwise(spans):
        assert e <= s2
    return [text[s:e] for s, e in spans]


def test_titles_and_places_do_not_split():
    text = "BS. Nguyễn Văn An khám lúc 8h. ThS. Trần Mai hội chẩn. PGS.TS. Lê Hùng đồng ý. Chuyển TP. HCM."
    assert sents(text) == [
        "BS. Nguyễn Văn An khám lúc 8h.",
        "ThS. Trần Mai hội chẩn.",
        "PGS.TS. Lê Hùng đồng ý.",
        "Chuyển TP. HCM.",
    ]


def test_decimals_codes_and_initials():
    text = "Nhiệt độ 37.5 độ, Hb 12,5 g/dL. Mã I21.9 tại TP.HCM. Ông Nguyễn V. An ổn định."
    assert sents(text) == ["Nhiệt độ 37.5 độ, Hb 12,5 g/dL.", "Mã I21.9 tại TP.HCM.", "Ông Nguyễn V. An ổn định."]


def test_numbered_lists():
    text = "Điều trị: 1. Kháng sinh. 2. Hạ sốt.\n1) Theo dõi mạch\n2) Bù dịch\na. Chế độ ăn"
    assert sents(text) == ["Điều trị: 1. Kháng sinh.", "2. Hạ sốt.", "1) Theo dõi mạch", "2) Bù dịch", "a. Chế độ ăn"]


def test_form_lines_are_units():
    text = "Họ tên: Nguyễn Văn A\r\nTuổi: 45\n\n  Mạch: 80 l/p   \nHA: 120/80 mmHg\nChẩn đoán: Viêm phổi"
    assert sents(text) == ["Họ tên: Nguyễn Văn A", "Tuổi: 45", "Mạch: 80 l/p", "HA: 120/80 mmHg", "Chẩn đoán: Viêm phổi"]


def test_question_exclamation_and_quotes():
    text = 'Bệnh nhân hỏi: "Có mổ không?" Bác sĩ giải thích! Sau đó đồng ý; Ký cam kết.'
    assert sents(text) == ['Bệnh nhân hỏi: "Có mổ không?"', "Bác sĩ giải thích!", "Sau đó đồng ý;", "Ký cam kết."]


def test_lowercase_after_dot_does_not_split_and_edges():
    assert sents("Dùng thuốc x 2 lần/ngày. sau ăn.") == ["Dùng thuốc x 2 lần/ngày. sau ăn."]
    assert split_sentences("") == []
    assert split_sentences("   \n\n ") == []
    assert sents("Không dấu chấm") == ["Không dấu chấm"]
