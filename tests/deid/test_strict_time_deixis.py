"""The strict profile and surnames that are also time words: 'nay' is the Gia Rai clan Nay and 'now', 'mai' a
surname and 'tomorrow'. After a word that takes a time word ('sáng nay', 'hôm nay', 'năm nay', 'sáng mai') it is
the time word, so it and the word after it are no surname and given name; the clan elsewhere still goes."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_touched


@pytest.mark.parametrize("text, part", [
    ("bà bị chóng mặt từ chiều nay anh tư chở xuống trạm", "nay"),
    ("hôm nay vàng da lan xuống bụng, bú kém hơn", "nay vàng"),
    ("năm nay lan nhiều hơn năm ngoái, ho về đêm", "nay lan"),
    ("sáng mai chi trả tiền thuốc ở quầy số 2", "mai chi"),
])
def test_strict_keeps_a_time_word_that_is_also_a_surname(text, part):
    assert not strict_touched(text, part)


def test_strict_still_removes_the_clan_without_a_time_word_before():
    assert strict_touched("bệnh nhân nay thị hlim đến khám lần đầu", "nay thị hlim")
    assert strict_touched("người nhà là chồng nay anh, làm rẫy", "nay anh")
