"""Doses and results written as a transcript speaks them or as OCR misreads them (clinical/spoken.py)."""
from __future__ import annotations

import pytest

from vimednlp import extract
from vimednlp.clinical.spoken import value_edits


def found(text: str) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text, expected", [
    ("bác sĩ: anh uống amlodipin năm mi li gam ngày một lần nhé",
     [("DRUG", "amlodipin"), ("DOSAGE", "năm mi li gam ngày một lần")]),
    ("bác sĩ: cho cháu uống paracetamol hai trăm năm mươi mi li gam mỗi sáu tiếng",
     [("DRUG", "paracetamol"), ("DOSAGE", "hai trăm năm mươi mi li gam mỗi sáu tiếng")]),
    ("đo huyết áp một trăm bốn mươi lăm trên chín mươi, mạch tám mươi tư lần một phút",
     [("TEST", "huyết áp"), ("RESULT", "một trăm bốn mươi lăm trên chín mươi"), ("TEST", "mạch"),
      ("RESULT", "tám mươi tư lần một phút")]),
    ("kết quả đường huyết mười một phẩy hai mi li mol nhé",
     [("TEST", "đường huyết"), ("RESULT", "mười một phẩy hai mi li mol")]),
    ("nhiet do ba muoi tam phay nam do, spo2 chin muoi tu phan tram",   # typed without marks
     [("TEST", "nhiet do"), ("RESULT", "ba muoi tam phay nam do"), ("TEST", "spo2"),
      ("RESULT", "chin muoi tu phan tram")]),
])
def test_spoken_values_are_doses_and_results(text, expected):
    got = found(text)
    for item in expected:
        assert item in got, (item, got)


@pytest.mark.parametrize("text, expected", [
    ("Creatinin l2O µmol/L, Kali 3,S mmol/L", [("RESULT", "l2O µmol/L"), ("RESULT", "3,S mmol/L")]),
    ("Amoxicilin 5OOmg x 2 lần/ngày", [("DRUG", "Amoxicilin"), ("DOSAGE", "5OOmg x 2 lần/ngày")]),
    ("HA l4O/9O mmHg, SpO2 9S%", [("RESULT", "l4O/9O mmHg"), ("RESULT", "9S%")]),
])
def test_ocr_misread_digits_in_a_value_with_its_unit(text, expected):
    got = found(text)
    for item in expected:
        assert item in got, (item, got)


@pytest.mark.parametrize("text", [
    "Thở O2 qua gọng mũi, bổ sung vitamin B12.",      # oxygen and a vitamin, no OCR error
    "Tim đều, không tiếng thổi.",                     # `không` is no zero before `tiếng`
    "phù mi mắt buổi sáng sau lan phù hai chân",      # `sau lan` is `after ... spreading`, not `sáu lần`
    "Hỏi bố bệnh nhân, ba em đi làm năm nay.",        # kinship and `this year`, no number
    "rửa mũi bằng nuoc muoi sinh ly",                 # `muoi` (muối) is no ten
    "Tuan (con trai ba Lo Thi Sen): me e ho it hon r",  # `ba Lo` is bà Lò (a name), not `3 lọ`
])
def test_ordinary_words_are_not_read_as_numbers(text):
    assert value_edits(text) == []


def test_spans_keep_the_input_characters_and_offsets():
    text = "BN uống metformin tám trăm năm mươi mi li gam hai lần một ngày."
    for s in extract(text):
        assert text[s.start:s.end] == s.text
    (dose,) = [s for s in extract(text) if s.label == "DOSAGE"]
    assert dose.text == "tám trăm năm mươi mi li gam hai lần một ngày"


def test_spoken_year_is_a_history_cue():
    (s,) = [s for s in extract("bệnh nhân: em bị viêm gan B từ năm hai nghìn không trăm mười lăm")
            if s.label == "DISEASE"]
    assert s.attrs["historical"]


@pytest.mark.parametrize("text, expected", [
    ("Lý do và0 viện: tá0 bón, yếu 1iệt nửa người.", [("SYMPTOM", "tá0 bón"), ("SYMPTOM", "yếu 1iệt nửa người")]),
    ("Khám: tràn dịch khop gối trái.", [("DISEASE", "tràn dịch khop gối trái")]),   # one syllable lost its marks
])
def test_ocr_noise_inside_words(text, expected):
    got = found(text)
    for item in expected:
        assert item in got, (item, got)


def test_codes_with_digits_are_not_ocr_noise():
    assert value_edits("HbA1c 7,2%, vitamin B1, NS1 dương tính, T1W") == []


@pytest.mark.parametrize("text,drug", [
    ("- Paracetam0l 500mg x 3 lần/ngày, chườm mát.", "Paracetam0l"),
    ("- Pant0prazol 40 mg TMC x 1 lần", "Pant0prazol"),
    ("Esomeprazo1 80mg TMC, sau đó 8mg/h; Ceftriax0n 1g/ngày TM", "Ceftriax0n"),
])
def test_drug_name_with_an_ocr_digit_is_read_back(text, drug):
    assert drug in [s.text for s in extract(text) if s.label == "DRUG"]


def test_names_with_a_real_digit_stay():
    spans = [(s.label, s.text) for s in extract("HbA1c 10,3%, NS1 dương tính, vitamin B1 100mg.")]
    assert ("TEST", "HbA1c") in spans and ("TEST", "NS1") in spans and ("DRUG", "vitamin B1") in spans


@pytest.mark.parametrize("text,drug", [
    ("em đã cho phu rô xê mít bốn mươi mi li gam tiêm tĩnh mạch hai lần", "phu rô xê mít"),
    ("và ni tơ rô gờ li xê rin xịt dưới lưỡi, huyết áp một trăm bốn mươi trên chín mươi", "ni tơ rô gờ li xê rin"),
    ("có cho uống ni phê đi pin mười mi li gam chưa chị", "ni phê đi pin"),
    # no Vietnamese syllable ends in `l`: the final `l` of an INN is said `n`
    ("tối qua cháu sốt em cho uống pa ra xê ta mon một trăm tám mươi mi li gam", "pa ra xê ta mon"),
    ("bác sĩ kê thêm a mốc xi xi lin năm trăm mi li gam ngày hai lần", "a mốc xi xi lin"),
])
def test_drug_name_spelled_as_it_sounds_in_a_transcript(text, drug):
    spans = [(s.label, s.text) for s in extract(text)]
    assert ("DRUG", drug) in spans
    assert not [t for lab, t in spans if lab == "DRUG" and "mi li" in t]   # spoken units stay units


@pytest.mark.parametrize("text, expected", [
    ("Chẩn đoán: Nhồi rnáu não bán cầu trái", ("Nhồi rnáu não bán cầu trái", "DISEASE")),   # rn read for m
    ("BN thức dậy thấy nói khó, méo rniệng.", ("méo rniệng", "SYMPTOM")),
    ("- NaCI 0,9% 1000 ml TTM", ("NaCI 0,9%", "DRUG")),                                    # I read for l
])
def test_letters_ocr_read_for_other_letters(text, expected):
    assert expected in found_pairs(text)


def found_pairs(text):
    return [(s.text, s.label) for s in extract(text)]


def test_words_with_those_letters_that_are_right_stay():
    assert value_edits("Internal medicine return visit; ICD I63.9; CrAg LFA negative") == []


@pytest.mark.parametrize("text", ["XN khẳng định HIV dương tính: 14/06/2017", "Dự sinh 14/02/2027."])
def test_a_date_is_no_pressure_reading(text):
    assert not [s for s in extract(text) if s.label == "RESULT" and "/" in s.text]


@pytest.mark.parametrize("text, test", [
    ("mẹ bé: em đo nhiệt độ ở nách được ba mươi chín độ rưỡi", "nhiệt độ"),
    ("em đếm nhịp thở được năm mươi hai lần một phút", "nhịp thở"),
])
def test_a_reading_told_a_few_words_after_its_test(text, test):
    spans = [(s.label, s.text) for s in extract(text)]
    assert any(lab == "TEST" and t.startswith(test) for lab, t in spans)
    assert any(lab == "RESULT" for lab, _ in spans)


def test_a_vital_word_without_a_reading_stays_no_test():
    assert not [s for s in extract("nhiệt độ phòng hơi lạnh, bé đắp chăn") if s.label == "TEST"]


# --- drug names said as they sound, and OCR letters inside a drug name --------------------------------------------
def _drugs(text):
    from vimednlp.clinical import extract
    return [s.text for s in extract(text) if s.label == "DRUG"]


def test_a_spoken_name_whose_syllable_closes_in_p_for_f():
    # Vietnamese ends no syllable in `f`: `cef-` is said `xép`
    assert _drugs("bé sốt cao cho xép tri ắc xôn một gam tiêm tĩnh mạch ngày một lần") == ["xép tri ắc xôn"]


def test_a_spoken_name_with_x_for_ks():
    text = "sản phụ đã được tiêm ô xy tô xin mười đơn vị tiêm bắp mạch một trăm hai mươi lần một phút"
    assert _drugs(text) == ["ô xy tô xin"]


def test_ocr_letters_inside_drug_names():
    text = "Thuốc đã dùng: Nifedipln 10mg uống; Sắt + acid f0lic 1 viên/ngày."
    assert _drugs(text) == ["Nifedipln", "Sắt", "acid f0lic"]


def test_khong_after_a_tens_word_is_a_denial_not_a_zero():
    from vimednlp.clinical import extract
    spans = extract("mạch tám mươi huyết áp một trăm hai mươi trên tám mươi không chóng mặt không nôn")
    assert "một trăm hai mươi trên tám mươi" in [s.text for s in spans if s.label == "RESULT"]
    assert all(s.attrs.get("negated") for s in spans if s.label == "SYMPTOM")
