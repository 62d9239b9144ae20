"""The strict profile and hours written with 'g' or 'h': an appointment's hour goes when its clause names the day
right before it (a date, a weekday, 'mai') or a time word ('lúc', 'khoảng') follows that day; typed one by one in
a chat too ('7 g 3 0'). Doses in grams and durations in hours stay."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from vimednlp.deid.strict import strict_spans


@pytest.mark.parametrize("text, hour", [
    ("Hẹn tái khám thứ 6 18/12 9h30 tại phòng 5", "9h30"),
    ("mai t7 con đưa ba lên, khoảng 10h nha bác", "10h"),
    ("bs hen thu 3 27/1 chup phim luc 1 4 g 3 0 nha", "1 4 g 3 0"),
    ("mai 7g sáng chị qua trạm lấy thuốc", "7g sáng"),
])
def test_strict_removes_an_appointment_hour_after_its_day(text, hour):
    assert covered(text, hour)


@pytest.mark.parametrize("text", [
    "Từ 12/3 truyền ceftriaxon 2g mỗi ngày, theo dõi 24h",
    "ngày 3/5 sốt 39 độ, sau 2h hạ sốt còn 37,5",
    "uống 1 viên lúc 9h tối, thuốc sắc độc hoạt 12g",
])
def test_strict_keeps_doses_and_durations(text):
    spans = strict_spans(text, [])
    for part in ("2g", "24h", "2h", "9h", "12g"):
        if f" {part}" in text:
            i = text.index(f" {part}") + 1
            assert not any(s.start <= i < s.end for s in spans), part
