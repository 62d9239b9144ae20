"""The strict profile on foreign names written in lower case: after a foreign word it removes, the other half of a
hyphenated given name ('seung-min', 'wei-lun'), a foreign surname ('jianguo sun', 'wei-lun wu') and the words of
an organisation's name ('sunhaven dental center') go too; English compounds ('cross-border') and Vietnamese words
that are also foreign surnames ('nam') stay."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("emergency contact: wife wei-lun wu, gọi lúc 21:56", "-lun"),
    ("emergency contact: wife wei-lun wu, gọi lúc 21:56", "wu"),
    ("friend: jianguo sun, sống ở quận 7", "sun"),
    ("father: architect, làm cho sunhaven dental center ở quận 2", "dental center"),
])
def test_strict_removes_the_rest_of_a_foreign_name(text, part):
    assert covered(text, part)


@pytest.mark.parametrize("text, part", [
    ("consent for cross-border telehealth on file", "border"),
    ("e la em gai a Kre ne, a kre nam khoa tam than", "nam"),
])
def test_strict_keeps_english_compounds_and_vietnamese_words(text, part):
    assert not touched(text, part)


def test_strict_a_function_word_typed_like_a_cue_is_no_cue_in_text_with_marks():
    # 'cho' (for) is 'chợ' (market) without marks; in text with marks it opens no place name
    text = "bé đi khám, mẹ làm cho công ty may, nhà ở xa yen phong"
    assert not touched(text, "cho")
