"""Numbers said in words in voice-call transcripts (sentences written for these tests)."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer
from vimednlp.deid.recognizers.base import Context
from vimednlp.deid.recognizers.spoken import spoken_number_end, spoken_value


@pytest.fixture(scope="module")
def rules():
    return Analyzer(model=None)


def spans(an, text):
    return [(s.label, s.text) for s in an.analyze(text)]


@pytest.mark.parametrize("words,value", [("bảy mươi tư", 74), ("một trăm linh hai", 102), ("mười lăm", 15),
                                         ("hai mươi mốt", 21), ("một trăm tư", 140), ("tám tư", 84),
                                         ("hai nghìn không trăm hai mươi lăm", 2025), ("bay muoi tu", 74)])
def test_spoken_value(words, value):
    ctx = Context(words + " nha")
    assert spoken_value(ctx, 0, spoken_number_end(ctx, 0)) == value


def test_phone_and_card_numbers_read_digit_by_digit(rules):
    t = "dạ số của chị là không chín một hai ba bốn năm sáu bảy tám chị nhé"
    assert spans(rules, t) == [("PHONE", "không chín một hai ba bốn năm sáu bảy tám")]
    t = "số căn cước của ông là không ba tám một chín năm không không bốn hai một hai"
    assert spans(rules, t) == [("ID", "không ba tám một chín năm không không bốn hai một hai")]


def test_age_time_and_date_in_words(rules):
    assert spans(rules, "bố em năm nay sáu mươi lăm tuổi rồi") == [("AGE", "sáu mươi lăm tuổi")]
    assert spans(rules, "ông bị ngã lúc khoảng bảy giờ rưỡi sáng") == [("DATE", "bảy giờ rưỡi sáng")]
    assert spans(rules, "hẹn bà tái khám ngày mười lăm tháng ba nhé") == [("DATE", "ngày mười lăm tháng ba")]


def test_address_read_aloud_is_one_span(rules):
    t = "nhà em ở số mười hai ngách ba ngõ bốn trăm linh năm phố Kim Mã phường Giảng Võ Hà Nội chị ạ"
    assert spans(rules, t) == [("LOCATION", "số mười hai ngách ba ngõ bốn trăm linh năm phố Kim Mã phường Giảng Võ Hà Nội")]


def test_clinical_numbers_in_words_are_never_phi(rules):
    for t in ["bà uống hai viên mỗi sáng, ba ngày nay không đỡ",
              "một tuần nay cháu sốt, uống thuốc mỗi tám giờ một lần",
              "huyết áp đo được một trăm tám mươi trên một trăm",
              "bệnh nhân số hai nằm giường số ba, kéo dài chừng mười lăm phút"]:
        assert spans(rules, t) == [], t


def test_transcript_without_diacritics(rules):
    got = spans(rules, "so cua chi la khong chin tam ba bon nam hai khong sau mot nhe em")
    assert got == [("PHONE", "khong chin tam ba bon nam hai khong sau mot")]
    assert spans(rules, "me chi nam nay bay muoi tu tuoi roi") == [("AGE", "bay muoi tu tuoi")]
    # a card number read out after its cue is an ID, even when it could pass for a phone
    got = spans(rules, "số thẻ bảo hiểm là không chín một hai ba bốn năm sáu bảy tám")
    assert got == [("ID", "không chín một hai ba bốn năm sáu bảy tám")]


def test_years_in_words(rules):
    assert spans(rules, "hẹn ngày hai mươi lăm tháng mười hai năm hai không hai lăm nhé") == \
        [("DATE", "ngày hai mươi lăm tháng mười hai năm hai không hai lăm")]
    assert spans(rules, "ông sinh năm một chín năm hai") == [("DATE", "một chín năm hai")]
    assert spans(rules, "ngày mùng năm tháng hai năm 2026 bé sốt") == [("DATE", "ngày mùng năm tháng hai năm 2026")]


def test_age_after_nam_nay_without_tuoi(rules):
    assert spans(rules, "mẹ chị năm nay tám mươi rồi mà vẫn khỏe") == [("AGE", "tám mươi")]
    assert spans(rules, "năm nay hai, ba lần nhập viện rồi") == []
    assert spans(rules, "năm nay mười hai lần tái khám") == []


def test_landline_read_digit_by_digit(rules):
    t = "bên em gọi lại theo số bàn không hai tám ba tám năm năm bốn hai sáu chín nhé"
    assert spans(rules, t) == [("PHONE", "không hai tám ba tám năm năm bốn hai sáu chín")]


@pytest.mark.parametrize("text,age", [
    ("dạ cháu mới mười bảy tuổi đang học lớp mười một", "mười bảy tuổi"),  # 'mới' (just) is not 'mỗi' (each)
    ("bé nhà em mới hai mươi ba tháng tuổi", "hai mươi ba tháng tuổi"),
    ("chau moi muoi bay tuoi thoi chi", "muoi bay tuoi"),  # no marks: 'moi' is read as 'mới'
])
def test_age_in_words_after_moi_is_whole(rules, text, age):
    assert ("AGE", age) in spans(rules, text)


def test_years_counted_after_moi_each_are_no_age(rules):
    t = "cứ mỗi mười lăm tuổi lại tầm soát một lần"  # 'mỗi' matched with its marks, not folded into 'mới'
    assert not [s for s in spans(rules, t) if s[0] == "AGE"]


def test_age_after_nam_nay_and_a_person_word(rules):
    assert ("AGE", "bảy mươi tư") in spans(rules, "dạ năm nay bà bảy mươi tư rồi em ơi")
    assert ("AGE", "hai muoi chin") in spans(rules, "nam nay chong hai muoi chin roi chi")
    assert not [s for s in spans(rules, "năm nay con mười hai lần tái khám") if s[0] == "AGE"]
