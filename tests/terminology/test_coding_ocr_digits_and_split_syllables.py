"""ICD-10 coding (issue 18): OCR of Vietnamese print reads 0 for o and 1 for i inside words written without marks
too (`d0`, `Ng0`, `Burkh0lderia`), and splits a syllable before its vowel (`Vi êm`). Codes and acronyms with
digits stay as written. Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code
from vimednlp.terminology.canonical import canonical_mention


@pytest.mark.parametrize("written,read", [
    ("Viêm phổi d0 Klebs1ella", "Viêm phổi do Klebsiella"),
    ("Ng0 độc thức ăn", "Ngo độc thức ăn"),
    ("Áp xe gan d0 amip", "Áp xe gan do amip"),
])
def test_digits_inside_plain_words_are_read_as_letters(written, read):
    assert canonical_mention(written) == read


@pytest.mark.parametrize("written", ["ung thư vú T2N1M0", "CD4 150", "HbA1c 8.5%", "cúm A H1N1", "thoát vị L4-L5"])
def test_codes_and_acronyms_with_digits_stay_as_written(written):
    assert canonical_mention(written) is None


@pytest.mark.parametrize("mention,expected", [
    ("Ng0 độc thức ăn", "A05"),
    ("Vi êm phổ1 thùy trên trá1", "J18"),
    ("Vi êm ruột thừa cấp", "K35"),
])
def test_ocr_mentions_are_coded(vi_cache, mention, expected):
    cands = code(mention, k=5)
    assert cands and cands[0].code[:3] == expected


def test_words_that_are_written_apart_on_purpose_stay_apart(vi_cache):
    from vimednlp.terminology import get_index

    # `ăn uống` is a pair the index's terms hold: never glued into one word
    assert get_index("icd10")._respell("đau bụng ăn uống kém") is None


@pytest.mark.parametrize("written,read", [("S0ỏi mật", "Sỏi mật"), ("Viêm gan mạ1n", "Viêm gan mạn")])
def test_a_stray_digit_inside_a_marked_syllable_is_dropped(written, read):
    assert canonical_mention(written) == read


@pytest.mark.parametrize("mention,expected", [("Viêm da cơ đ|a", "L20"), ("Thiếu máu thiếu sắt d|nh dưỡng", "D50")])
def test_a_vertical_bar_inside_a_word_is_read_as_i(vi_cache, mention, expected):
    c = code(mention, k=3)
    assert c and c[0].code[:3] == expected


def test_a_bar_between_words_is_no_letter():
    text = "Tăng huyết áp | Đái tháo đường"
    read = canonical_mention(text) or text  # None: nothing to change
    assert " i " not in f" {read} "
