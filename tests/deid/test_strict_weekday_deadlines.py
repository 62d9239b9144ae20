"""The strict profile and a weekday that sets a deadline or an appointment: a weekday after 'trước', 'hẹn' or
'hạn' ('nộp giấy trước thứ 6', 'hen thu 5 nha' in a chat without marks) is a date, unless a count follows
('hẹn 2 lần'); a day and month after a weekday ('Review Fri 12/12', 'hẹn thứ 3, 16/12') are a date, though '8/10'
alone may be a visual acuity and stays."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def dates(text: str):
    return [s.text for s in strict_spans(text, []) if s.label == "DATE"]


@pytest.mark.parametrize("text, day", [
    ("chi nho gui giay ra vien cho cong ty truoc thu 6 de lam che do", "thu 6"),
    ("anh đem sổ bảo hiểm lên trạm trước thứ sáu nha", "thứ sáu"),
    ("ok e, hen thu 5 qua phong kham lay ket qua", "thu 5"),
])
def test_strict_removes_a_weekday_set_as_a_deadline(text, day):
    assert any(day in d for d in dates(text))


@pytest.mark.parametrize("text, day", [
    ("Plan: repeat LFTs, review Fri 12/12 with results.", "12/12"),
    ("Bác sĩ hẹn thứ 3, 16/12 quay lại đo mắt.", "16/12"),
])
def test_strict_removes_a_day_and_month_after_its_weekday(text, day):
    assert any(day in d for d in dates(text))


def test_strict_keeps_counts_after_a_deadline_word_and_acuity_without_a_weekday():
    text = "toi thu 2 lan roi van chua do. Thị lực không kính MP 8/10 MT 7/10."
    found = " ".join(dates(text))
    assert "8/10" not in found and "7/10" not in found and "thu 2" not in found
