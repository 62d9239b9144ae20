"""A range of days written 'dd/mm - dd/mm/yyyy' (sick leave, a hospital stay in an insurance table): the first day
is a date too, not only the full date that closes the range."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_first_day_of_a_range_closed_by_a_full_date(rules):
    text = "| 4 | Sốt xuất huyết (A97.0) | nằm viện | 09/10 - 15/10/2026 | 7 ngày |\nNghỉ ốm từ 3/9 - 12/9/2026."
    dates = texts(rules, text, "DATE")
    assert "09/10" in dates and "3/9" in dates


def test_fraction_and_clock_after_dash_unchanged(rules):
    dates = texts(rules, "Ngày 6/11 - 07g30 bắt đầu truyền dịch", "DATE")
    assert not any("6/11 - 07" in d for d in dates) or any("07g30" in d for d in dates)
