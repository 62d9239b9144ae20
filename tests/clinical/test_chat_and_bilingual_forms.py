"""Chats typed in teencode and lower case, bilingual VN/EN notes, and field vocabularies (dental, traditional
medicine, HIV/TB, psychiatric): sentences written for these tests."""
from __future__ import annotations

import pytest

from vimednlp import extract

CLASSES = ("negated", "uncertain", "historical", "family", "hypothetical")


def found(text: str) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in extract(text)]


def classes(text: str, mention: str) -> set[str]:
    for s in extract(text):
        if s.text == mention:
            return {c for c in CLASSES if s.attrs.get(c)}
    raise AssertionError(f"{mention!r} not found in {found(text)}")


@pytest.mark.parametrize("text, mention, expected", [
    ("bn: e hok sốt ạ, chỉ ho thôi", "sốt", {"negated"}),
    ("mẹ bé: bé k bít có phải cúm ko bs", "cúm", {"uncertain"}),
    ("bn: nhà e ba e cũm bị viêm gan B ạ", "viêm gan B", {"family"}),
    ("Bụng mềm, khong nôn, không sốt.", "nôn", {"negated"}),         # `không` with its marks lost by OCR
    ("benh nhan ko sot, ko ho", "sot", {"negated"}),                # typed without marks: still negated
])
def test_chat_spellings_of_cues(text, mention, expected):
    assert classes(text, mention) == expected


@pytest.mark.parametrize("text, expected", [
    ("bn: hôm qua e đi khám, ha 150/95 ạ, alt 82 u/l", [("TEST", "ha"), ("RESULT", "150/95"), ("TEST", "alt"),
                                                        ("RESULT", "82 u/l")]),
    ("bs ơi e bị copd lâu rồi", [("DISEASE", "copd")]),
])
def test_lower_case_chat_reads_abbreviations(text, expected):
    got = found(text)
    for item in expected:
        assert item in got, (item, got)


@pytest.mark.parametrize("text, absent", [
    ("bs: k sao đâu, ha ha", ("TEST", "ha")),            # a laugh, no value after it
    ("e thấy hạ sốt rồi ạ", ("TEST", "hạ")),
    ("ko dau dau, ko chong mat", None),                   # both symptoms stay (below)
])
def test_lower_case_words_are_not_abbreviations(text, absent):
    got = found(text)
    if absent:
        assert absent not in got
    else:
        assert ("SYMPTOM", "chong mat") in got and ("SYMPTOM", "dau dau") in got


def test_kilogram_is_not_teencode():
    assert ("RESULT", "3,1 kg") in found("Cân nặng 3,1 kg, chiều cao 50 cm.")


@pytest.mark.parametrize("text, expected", [
    ("HPI: BN sốt 3 ngày, c/o chest pain, denies shortness of breath.",
     [("SYMPTOM", "chest pain"), ("SYMPTOM", "shortness of breath")]),
    ("PMH: hypertension, type 2 diabetes. s/p appendectomy (2019).",
     [("DISEASE", "hypertension"), ("DISEASE", "type 2 diabetes"), ("PROCEDURE", "appendectomy")]),
    ("Vitals: BP 150/90, HR 96, SpO2 95%.", [("TEST", "BP"), ("RESULT", "150/90"), ("TEST", "HR"), ("RESULT", "96")]),
    ("Plan: chest X-ray, CBC, blood culture.", [("TEST", "chest X-ray"), ("TEST", "CBC"), ("TEST", "blood culture")]),
])
def test_english_names_in_bilingual_notes(text, expected):
    got = found(text)
    for item in expected:
        assert item in got, (item, got)


def test_english_assertions_and_table_headings():
    assert classes("HPI: c/o cough, denies fever.", "fever") == {"negated"}
    assert classes("PMH\tasthma, GERD.\nDx: pneumonia.", "asthma") == {"historical"}
    assert classes("| Tiền sử | viêm gan B |\n| Chẩn đoán | viêm phổi |", "viêm gan B") == {"historical"}
    assert classes("| Tiền sử | viêm gan B |\n| Chẩn đoán | viêm phổi |", "viêm phổi") == set()


def test_a_weight_word_needs_a_value():
    assert ("TEST", "weight") not in found("Patient lost weight last month.")
    assert ("TEST", "weight") in found("weight 52 kg")


@pytest.mark.parametrize("text, expected", [
    ("Chẩn đoán: răng khôn mọc lệch, viêm quanh thân răng. Cận lâm sàng: phim Panorex. Chỉ định nhổ răng khôn.",
     [("DISEASE", "răng khôn mọc lệch"), ("DISEASE", "viêm quanh thân răng"), ("TEST", "phim Panorex"),
      ("PROCEDURE", "nhổ răng khôn")]),
    ("YHCT: điện châm, cứu ngải. Bài thuốc Độc hoạt tang ký sinh, gia Đương quy, Hoàng kỳ.",
     [("PROCEDURE", "điện châm"), ("PROCEDURE", "cứu ngải"), ("DRUG", "Độc hoạt tang ký sinh"),
      ("DRUG", "Đương quy"), ("DRUG", "Hoàng kỳ")]),
    ("Điều trị ARV: TDF/3TC/DTG 1 viên tối.", [("DRUG", "TDF/3TC/DTG")]),
    ("Chẩn đoán: rối loạn stress sau sang chấn. Thang Hamilton 24 điểm. Valproat 500mg.",
     [("DISEASE", "rối loạn stress sau sang chấn"), ("DRUG", "Valproat")]),
])
def test_field_vocabularies(text, expected):
    got = found(text)
    for item in expected:
        assert item in got, (item, got)


@pytest.mark.parametrize("text, expected", [
    ("Amoxicillin 500 mg PO tid x 7 days", [("DOSAGE", "500 mg PO tid x 7 days")]),
    ("Omeprazole 20 mg once daily before breakfast", [("DOSAGE", "20 mg once daily before breakfast")]),
    ("HBsAg negative, anti-HCV positive", [("RESULT", "negative"), ("RESULT", "positive")]),
])
def test_english_doses_and_verdicts(text, expected):
    got = found(text)
    for item in expected:
        assert item in got, (item, got)


@pytest.mark.parametrize("text, mention, label", [
    ("BS Hà: nếu dau nguc, kho tho thì chở vô cấp cứu liền nha chị", "dau nguc", "SYMPTOM"),
    ("BS Hà: nếu dau nguc, kho tho thì chở vô cấp cứu liền nha chị", "kho tho", "SYMPTOM"),
    ("con gái: dạ ba em còn bị tieu duong với cao huyet ap nữa ạ", "tieu duong", "DISEASE"),
    ("chụp phim phổi luôn, em sợ viem phoi đó chị", "viem phoi", "DISEASE"),
])
def test_a_phrase_typed_without_marks_inside_a_marked_sentence(text, mention, label):
    # chats switch typing mid-line; a run of two or more unmarked syllables is read as text without marks
    assert (label, mention) in found(text)


def test_one_unmarked_syllable_in_a_marked_sentence_stays_no_mention():
    # `ho` here is the pronoun `họ` typed without marks; a single syllable never switches the reading
    assert ("SYMPTOM", "ho") not in found("Bác sĩ dặn là ho phải đưa bà đi tái khám đúng hẹn.")


@pytest.mark.parametrize("text, expected", [
    ("ma ba em bi tieu duong 10 nam roi", ("DISEASE", "tieu duong")),   # bị + tiểu đường, not bí tiểu + đường
    ("ong bi tieu tu chieu qua, bung cang", ("SYMPTOM", "bi tieu")),     # nothing reaches further: bí tiểu
])
def test_a_verb_typed_without_marks_yields_to_the_name_after_it(text, expected):
    assert expected in found(text)


def test_a_chat_senders_name_without_marks_is_no_mention():
    # `Bong` (bỏng, a burn) and `Ho` (ho, a cough) are the senders' names in their labels
    from vimednlp.clinical import extract
    text = "20:41 Me Bong: be nha e sot tu chieu, ho nhieu\n20:45 Ba Ho: chau co non ko?\nHo: 3 tuan nay"
    got = [(s.label, s.text) for s in extract(text)]
    assert ("DISEASE", "Bong") not in got and got.count(("SYMPTOM", "Ho")) == 1
    assert ("SYMPTOM", "sot") in got


def test_a_mother_named_in_her_sender_label_speaks_of_her_child():
    # `Me Hoa:` / `Mẹ Lan:` is the sender (the child's mother), not a relative who has the symptom
    from vimednlp.clinical import extract
    for text in ("19:02 Me Hoa: so mui vs ho it thoi c", "Mẹ Lan: ho nhiều, sốt về đêm"):
        assert not any(s.attrs.get("family") for s in extract(text) if s.label == "SYMPTOM"), text
