"""A date next to a test says when it was done, never what it measured; scores and pressures stay values."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def results(text):
    return [s.text for s in extract(text) if s.label == "RESULT"]


@pytest.mark.parametrize("text,date", [
    ("Điện tim 10/2026: nhịp xoang, QTc 460 ms.", "10/2026"),
    ("CT sọ 2023 không tổn thương.", "2023"),
    ("Hb 70 g/L → 101 g/L (05/12) sau truyền máu.", "05/12"),
    ("Siêu âm bụng 03/11/26: gan nhiễm mỡ độ I.", "03/11/26"),
])
def test_a_date_is_no_result(text, date):
    assert date not in results(text)


@pytest.mark.parametrize("text,value", [
    ("Đau vết mổ VAS 3/10.", "3/10"),
    ("HA 110/70 mmHg, mạch 80.", "110/70"),
    ("MoCA 19/30, GDS-15 7/15.", "19/30"),
])
def test_scores_and_pressures_stay_results(text, value):
    assert any(r.startswith(value) for r in results(text))
