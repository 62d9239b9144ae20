"""Behaviour found on the second dev set of hand-written notes (corpora/clinical_notes cn-41..62): ICU, operative,
nursing, infusion and specialty notes. Each test uses sentences written for it, not the notes' text."""
from __future__ import annotations

import pytest

from vimednlp import extract


def spans(text: str, label: str) -> list[str]:
    return [s.text for s in extract(text) if s.label == label]


def attrs(text: str, mention: str) -> set[str]:
    for s in extract(text):
        if s.text == mention:
            return {a for a in ("negated", "uncertain", "historical", "family", "hypothetical") if s.attrs.get(a)}
    raise AssertionError(f"{mention!r} not found in {[(s.text, s.label) for s in extract(text)]}")


@pytest.mark.parametrize("text, dosages", [
    # prescription columns: strength | quantity dispensed | instructions
    ("1. Losartan 50mg   28 viên   Uống 1 viên/ngày uống sáng", ["50mg", "Uống 1 viên/ngày uống sáng"]),
    ("2/ Omeprazol 20mg  SL: 14v   Uống 1v trước ăn sáng 30 phút", ["20mg", "Uống 1v trước ăn sáng 30 phút"]),
    # comma-joined timing, infusion rates in drops (Roman numerals), minutes of an infusion
    ("Metformin 500mg 1 viên x 2 lần/ngày, uống sau ăn tối", ["500mg 1 viên x 2 lần/ngày, uống sau ăn tối"]),
    ("Ringer lactat 500ml TTM XXX giọt/ph", ["500ml TTM XXX giọt/ph"]),
    ("Vancomycin 1g pha NaCl 0,9% 200ml TTM trong 60 phút", ["1g", "200ml TTM trong 60 phút"]),
    ("Ibuprofen 200mg mỗi 6-8 giờ khi đau", ["200mg mỗi 6-8 giờ khi đau"]),
    ("Morphin 3mg TMC khi VAS > 4", ["3mg TMC khi VAS > 4"]),
])
def test_dosage_phrases(text, dosages):
    assert spans(text, "DOSAGE") == dosages


def test_concentration_is_part_of_the_product_name():
    text = "Truyền Glucose 10% 500ml TTM chậm, Natri clorid 0,9% 1000ml."
    assert spans(text, "DRUG") == ["Glucose 10%", "Natri clorid 0,9%"]
    assert spans(text, "DOSAGE") == ["500ml TTM chậm", "1000ml"]


def test_time_of_day_needs_a_dose_before_it():
    # folded `sang` is both `sáng` (morning) and `sang` (to): alone after a drug name it is no dosage
    assert spans("Đổi kháng sinh sang Cefepim 2g x 2 lần/ngày.", "DOSAGE") == ["2g x 2 lần/ngày"]
    assert spans("Bisoprolol 2,5mg 1 viên sáng", "DOSAGE") == ["2,5mg 1 viên sáng"]


def test_volume_lost_is_no_dose():
    assert spans("Mất máu trong mổ khoảng 300 ml, truyền 1 đơn vị hồng cầu.", "DOSAGE") == []


def test_form_titles_and_headings_hold_no_procedure():
    text = ("TƯỜNG TRÌNH PHẪU THUẬT\nChẩn đoán sau mổ: Thủng ổ loét tá tràng\n"
            "Phương pháp phẫu thuật: Khâu lỗ thủng\nSau mổ: theo dõi dịch qua dẫn lưu.")
    assert spans(text, "PROCEDURE") == ["Khâu lỗ thủng"]
    assert spans("KẾT QUẢ SIÊU ÂM\nSiêu âm tuyến giáp: nhân thùy trái 8 mm.", "TEST") == ["Siêu âm tuyến giáp"]


def test_generic_surgery_word_joins_the_named_procedure():
    assert spans("Bệnh nhân đã phẫu thuật cắt túi mật năm 2020.", "PROCEDURE") == ["phẫu thuật cắt túi mật"]


def test_operative_and_nursing_procedures():
    text = "Vô cảm: gây tê tủy sống. Rút sonde tiểu ngày 2, thay băng vết mổ hằng ngày, tập đi sớm."
    assert spans(text, "PROCEDURE") == ["gây tê tủy sống", "Rút sonde tiểu", "thay băng vết mổ", "tập đi"]


def test_panel_finding_is_one_result():
    text = "Khí máu động mạch: pH 7,31, PaCO2 52 mmHg, HCO3- 26 mmol/L."
    assert spans(text, "TEST") == ["Khí máu động mạch"]
    assert spans(text, "RESULT") == ["pH 7,31, PaCO2 52 mmHg, HCO3- 26 mmol/L"]


def test_finding_longer_than_its_first_word():
    assert spans("ECG: nhịp xoang 78 ck/ph, dày thất trái.", "RESULT") == ["nhịp xoang 78 ck/ph, dày thất trái"]
    assert spans("HBsAg: âm tính", "RESULT") == ["âm tính"]
    assert spans("Test MAT: dương tính 1/400.", "RESULT") == ["dương tính 1/400"]


def test_sides_on_diagnoses():
    assert spans("Chẩn đoán: Sỏi thận P, u phổi trái.", "DISEASE") == ["Sỏi thận P", "u phổi trái"]
    # an abbreviation keeps the side out (annotation convention: `TDMP phải`)
    assert spans("KL: TDMP phải.", "DISEASE") == ["TDMP"]


@pytest.mark.parametrize("text, mention, expected", [
    ("BN nữ 52t, K vú phải đã phẫu thuật.", "K vú phải", set()),                 # K = cancer, not không
    ("Chi dinh: o chua, nong rat sau xuong uc", "o chua", set()),               # chua = ợ chua, not chưa
    ("Chẩn đoán: Lao phổi AFB (-), Xpert (+).", "Lao phổi AFB (-)", set()),      # (-) is the test's sign, no negation
    ("Không ho, không khó nuốt.", "khó nuốt", {"negated"}),
    ("Em gái 6 tuổi đang sốt.", "sốt", {"family"}),
    ("TS: ĐTĐ type 2.\nDiễn biến 24h: còn sốt, ho khạc đờm.", "sốt", set()),   # a new section ends TS
])
def test_assertions_on_new_note_styles(text, mention, expected):
    assert attrs(text, mention) == expected


def test_relative_of_the_patient_abbreviated():
    # `BN` ends a family scope (`bố bị THA, BN ...`) but `mẹ BN` is the patient's mother
    assert attrs("Mẹ BN bị ung thư vú, bố BN khỏe.", "ung thư vú") == {"family"}


def test_drained_and_passed_volumes_are_no_dose():
    text = "Chọc dịch màng phổi trái ra 600 ml dịch vàng chanh. Tiểu 1800ml/24h."
    assert spans(text, "PROCEDURE") == ["Chọc dịch màng phổi"]   # the side stays out (notes: `mổ thoát vị bẹn` trái)
    assert spans(text, "DOSAGE") == []


def test_continuous_infusion_is_part_of_the_dose():
    assert spans("Heparin 25000 UI pha 50ml, truyền liên tục 24 giờ", "DOSAGE")[0] == "25000 UI"
    assert spans("Fluorouracil 2400 mg/m2 truyền liên tục 46 giờ", "DOSAGE") == ["2400 mg/m2 truyền liên tục 46 giờ"]


def test_normal_bowel_function_is_no_symptom():
    assert spans("Hậu phẫu ngày 2, trung tiện được, chưa đại tiện.", "SYMPTOM") == []


def test_site_and_acuity_stay_in_the_diagnosis():
    assert spans("Chẩn đoán: Viêm xoang trán cấp.", "DISEASE") == ["Viêm xoang trán cấp"]
    assert spans("Chẩn đoán: Gãy kín 1/3 dưới xương chày phải.", "DISEASE") == ["Gãy kín 1/3 dưới xương chày phải"]
    assert spans("Thoái hóa khớp gối hai bên.", "DISEASE") == ["Thoái hóa khớp gối"]


def test_test_qualifiers_and_finding_after_a_time_word():
    text = "CT ổ bụng có cản quang: ruột thừa đường kính 11 mm, thâm nhiễm mỡ xung quanh."
    assert spans(text, "TEST") == ["CT ổ bụng có cản quang"]
    assert spans(text, "RESULT") == ["ruột thừa đường kính 11 mm, thâm nhiễm mỡ xung quanh"]
    text = "Khí máu động mạch lúc vào: pH 7,25, PaCO2 61 mmHg."
    assert spans(text, "RESULT") == ["pH 7,25, PaCO2 61 mmHg"]


def test_doctor_questions_in_chats_assert_nothing():
    text = "Mẹ bé: bé sốt 2 hôm nay ạ\nBS: Bé có khó thở, co giật gì không?\nMẹ bé: không khó thở ạ"
    got = [(s.text, s.label) for s in extract(text) if s.label == "SYMPTOM"]
    assert got == [("sốt", "SYMPTOM"), ("khó thở", "SYMPTOM")]
    assert attrs(text, "khó thở") == {"negated"}


def test_title_lines_are_short_headings_only():
    assert spans("Khoa Nội tiếp nhận bệnh nhân sốt cao, ho nhiều", "SYMPTOM") == ["sốt cao", "ho nhiều"]
    assert spans("PHÒNG KHÁM NGOẠI TRÚ HIV\nBN nhiễm HIV 3 năm.", "DISEASE") == ["nhiễm HIV"]


def test_procedure_qualifiers_and_tubes():
    assert spans("Chuyển can thiệp động mạch vành qua da cấp cứu.", "PROCEDURE") == ["can thiệp động mạch vành qua da"]
    # `qua NKQ` is the tube the ventilation goes through; `đặt NKQ` the intubation
    assert spans("Thở máy qua NKQ ngày 3, hôm nay rút NKQ.", "PROCEDURE") == ["Thở máy", "rút NKQ"]
    assert spans("Noradrenalin 0,1 mcg/kg/ph BTĐ", "DOSAGE") == ["0,1 mcg/kg/ph BTĐ"]
