"""The clinical syllable tokenizer on tricky strings: what stays whole, what splits."""
from __future__ import annotations

import pytest

from vimednlp.text import ClinicalTokenizer, tokenize

CASES = [
    # dates and times stay whole
    ("Ngày 12/03/2024 vào viện", ["Ngày", "12/03/2024", "vào", "viện"]),
    ("sinh 5/3/78", ["sinh", "5/3/78"]),
    ("2024-03-12", ["2024-03-12"]),
    ("12-03-2024,", ["12-03-2024", ","]),
    ("12.03.2024.", ["12.03.2024", "."]),
    ("lúc 14h30 ngày 3/4", ["lúc", "14h30", "ngày", "3/4"]),
    ("8h sáng", ["8h", "sáng"]),
    ("14:30", ["14:30"]),
    ("tháng 03/2024", ["tháng", "03/2024"]),
    # decimals, grouped numbers, percentages, ratios
    ("Hb 12,5 g/dL", ["Hb", "12,5", "g", "/", "dL"]),
    ("T 37.5 độ", ["T", "37.5", "độ"]),
    ("1.200.000 đồng", ["1.200.000", "đồng"]),
    ("EF 45%", ["EF", "45", "%"]),
    ("HA 150/90 mmHg", ["HA", "150/90", "mmHg"]),
    ("HA:150/90", ["HA", ":", "150/90"]),
    ("120/80mmHg", ["120/80", "mmHg"]),
    ("1/2 viên", ["1/2", "viên"]),
    ("38,5°C", ["38,5", "°C"]),
    # places and dotted abbreviations
    ("TP.HCM", ["TP.HCM"]),
    ("Tp.HCM.", ["Tp.HCM", "."]),
    ("TP. HCM", ["TP", ".", "HCM"]),
    ("ThS.BS Lan", ["ThS.BS", "Lan"]),
    ("PGS.TS. Hùng", ["PGS.TS", ".", "Hùng"]),
    ("BS. Mai", ["BS", ".", "Mai"]),
    ("Bs.Nam khám", ["Bs", ".", "Nam", "khám"]),
    ("ho, sốt, v.v.", ["ho", ",", "sốt", ",", "v.v."]),
    # identifiers and codes
    ("BN1234", ["BN1234"]),
    ("mã BN1234,", ["mã", "BN1234", ","]),
    ("BHYT DN4010123456789", ["BHYT", "DN4010123456789"]),
    ("CCCD 001089012345", ["CCCD", "001089012345"]),
    ("xe 29A-123.45", ["xe", "29A-123.45"]),
    ("biển 51F1-12345.", ["biển", "51F1-12345", "."]),
    ("I21.9", ["I21.9"]),
    ("mã I21.9.", ["mã", "I21.9", "."]),
    ("E11, U07.1", ["E11", ",", "U07.1"]),
    ("QĐ 4469/QĐ-BYT", ["QĐ", "4469/QĐ-BYT"]),
    ("IP 192.168.1.10", ["IP", "192.168.1.10"]),
    # contacts
    ("email bs.an@bachmai.vn.", ["email", "bs.an@bachmai.vn", "."]),
    ("xem https://benhvien.vn/kham?id=3.", ["xem", "https://benhvien.vn/kham?id=3", "."]),
    ("www.moh.gov.vn", ["www.moh.gov.vn"]),
    ("SĐT 0912.345.678", ["SĐT", "0912.345.678"]),
    ("SĐT 0912345678", ["SĐT", "0912345678"]),
    ("+84 912 345 678", ["+84", "912", "345", "678"]),
    ("+84912345678", ["+84912345678"]),
    ("(028) 3855 4269", ["(", "028", ")", "3855", "4269"]),
    # doses split number and unit; frequency
    ("500mg", ["500", "mg"]),
    ("Paracetamol 500mg x2 lần/ngày", ["Paracetamol", "500", "mg", "x", "2", "lần", "/", "ngày"]),
    ("2,5mg", ["2,5", "mg"]),
    ("5ml/kg/h", ["5", "ml", "/", "kg", "/", "h"]),
    ("x 3 lần", ["x", "3", "lần"]),
    ("M 90 l/p", ["M", "90", "l", "/", "p"]),
    # lab and disease names with digits or hyphens stay whole
    ("SpO2 95%", ["SpO2", "95", "%"]),
    ("HbA1c 8,2%", ["HbA1c", "8,2", "%"]),
    ("COVID-19", ["COVID-19"]),
    ("SARS-CoV-2", ["SARS-CoV-2"]),
    ("NT-proBNP", ["NT-proBNP"]),
    ("CK-MB tăng", ["CK-MB", "tăng"]),
    ("LDL-C", ["LDL-C"]),
    ("Na+ 135, K+ 3,5", ["Na+", "135", ",", "K+", "3,5"]),
    ("Ca2+", ["Ca2+"]),
    ("F0", ["F0"]),
    ("ĐTĐ típ 2", ["ĐTĐ", "típ", "2"]),
    # Vietnamese syllables and punctuation
    ("Bệnh nhân (BN) tỉnh.", ["Bệnh", "nhân", "(", "BN", ")", "tỉnh", "."]),
    ("ho...", ["ho", "..."]),
    ("“đau ngực”", ["“", "đau", "ngực", "”"]),
    ("ngày12/3", ["ngày", "12/3"]),
    ("Hà Nội-Hải Phòng", ["Hà", "Nội", "-", "Hải", "Phòng"]),
    ("Xét nghiệm (+)", ["Xét", "nghiệm", "(", "+", ")"]),
]


def test_enough_cases():
    assert len(CASES) >= 50


@pytest.mark.parametrize("text,expected", CASES)
def test_tricky_strings(text, expected):
    toks = tokenize(text)
    assert [t.text for t in toks] == expected
    for t in toks:
        assert text[t.start:t.end] == t.text


def test_kinds():
    kinds = {t.text: t.kind for t in tokenize("12/03/2024 150/90 BN1234 bs@bv.vn 500 mg I21.9 TP.HCM")}
    assert kinds["12/03/2024"] == "date"
    assert kinds["150/90"] == "ratio"
    assert kinds["BN1234"] == "code"
    assert kinds["bs@bv.vn"] == "email"
    assert kinds["I21.9"] == "icd"
    assert kinds["TP.HCM"] == "dotted"
    assert kinds["mg"] == "word"


def test_decomposed_syllables_stay_one_token():
    import unicodedata

    text = unicodedata.normalize("NFD", "Bệnh nhân ổn")
    assert [unicodedata.normalize("NFC", t.text) for t in tokenize(text)] == ["Bệnh", "nhân", "ổn"]


def test_spacy_tokenizer_keeps_text_and_offsets():
    import spacy

    nlp = spacy.blank("xx")
    nlp.tokenizer = ClinicalTokenizer(nlp.vocab)
    text = "BN1234,  HA 150/90\nđau ngực 500mg"
    doc = nlp(text)
    assert doc.text == text
    words = [t.text for t in doc if not t.is_space]
    assert words == [t.text for t in tokenize(text)]
    for t in doc:
        assert text[t.idx:t.idx + len(t.text)] == t.text


def test_fast_paths_give_what_the_one_regex_gives():
    """Chunks of letters, of letters and a closing mark, and of ASCII digits skip the regex: the same tokens."""
    import re

    from vimednlp.text.tokenizer import _regex_tokens

    note = ("BN Nguyễn Văn An, 45 tuổi, SĐT 0912 345 678, CCCD 001084012345; vào viện 14h30 ngày 12/03/2024 "
            "(HA 150/90 mmHg, SpO2 96%). Mã BN: 24.001234 - phòng 3, giường 12, ² ٣ 7")
    assert tokenize(note) == [t for m in re.finditer(r"\S+", note) for t in _regex_tokens(m.group(), m.start())]
    assert tokenize("0912345678") == [("0912345678", 0, 10, "number")]


@pytest.mark.parametrize("chunk", ["-", "+", "/", "…", "_", "🙏", "\u0301", "°", "²", "½", "٣", "x",
                                   "45,", "2024.", "12:", "7'", "1)", '3"', "8?", "12/", "٣,", "²,", "4°"])
def test_a_lone_mark_and_digits_with_a_closing_mark_are_what_the_one_regex_makes(chunk):
    from vimednlp.text.tokenizer import _regex_tokens

    text = f"Mạch {chunk} lần"
    assert tokenize(text) == [("Mạch", 0, 4, "word"), *_regex_tokens(chunk, 5), ("lần", 6 + len(chunk), 9 + len(chunk), "word")]
