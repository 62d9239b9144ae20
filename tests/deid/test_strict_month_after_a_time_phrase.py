"""The strict profile and a month said in words right after a time phrase that ends in 'trước' or 'sau' ('lần
trước', 'đợt sau', 'hôm trước'): the phrase says which visit, the month after it is a date ('lần trước tháng
sáu'). 'trước' alone before 'tháng' still blocks a count ('uống trước tháng hai lần')."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from tests.deid.helpers import strict_removed as covered


@pytest.mark.parametrize("text, month", [
    ("anh xem giúp kết quả đo tải lượng lần trước tháng sáu còn thấp không", "tháng sáu"),
    ("đợt sau tháng tám bà mới được về quê", "tháng tám"),
    ("hom truoc thang chin chau co di tiem roi", "thang chin"),
])
def test_strict_removes_the_month_after_a_time_phrase(text, month):
    assert covered(text, month)


def test_strict_keeps_a_count_after_trước_tháng():
    text = "thuốc này uống trước tháng hai lần là đủ"
    i = text.index("tháng")
    assert not any(s.start <= i < s.end for s in strict_spans(text, []))
