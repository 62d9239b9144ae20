"""The strict profile on account, card and record numbers written in groups of plain digits with single spaces: the
whole number goes, its short last group too ('0451 0003 928 17'); blood pressures, scores and amounts in groups stay."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("Chuyển khoản viện phí: Vietcombank, STK 0451 0003 928 17, chủ TK là chồng", "0451 0003 928 17"),
    ("số tài khoản 1903 5566 7788 12 nhé chị", "1903 5566 7788 12"),
    ("Thẻ BHYT cũ ghi 7920 1183 45 đã hết hạn", "7920 1183 45"),
])
def test_strict_removes_a_number_in_digit_groups_whole(text, part):
    assert covered(text, part)


@pytest.mark.parametrize("text, part", [
    ("HA 120 80 mmHg, mạch 88 l/p", "120 80"),
    ("Tổng chi phí 1 500 000 đ, đã thu 500 000 đ", "1 500 000"),
])
def test_strict_keeps_measurements_and_amounts_in_groups(text, part):
    assert not touched(text, part)
