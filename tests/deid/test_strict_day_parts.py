"""The strict profile takes the part of the day written just before a removed date or its weekday ('sáng thứ 7
28/11', 'tối 1/12', unmarked 'sang t5 10/12'), and the day word between a weekday and its date ('thứ 5 ngày 3/12');
a clock time alone keeps its day part ('uống thuốc tối 9h'), and 'thu ngày …' (money collected) is no weekday."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def removed(text: str, dates: list[str]) -> list[str]:
    spans = [Span(text.index(d), text.index(d) + len(d), "DATE", d, "test", 1.0, {}) for d in dates]
    return [s.text for s in strict_spans(text, spans)]


def test_strict_takes_the_day_part_before_a_date():
    assert "chiều" in removed("Hẹn tái khám chiều 16/12 tại phòng 3.", ["16/12"])
    assert "tối" in removed("Đã báo cáo trung tâm qua điện thoại tối 2/12.", ["2/12"])


def test_strict_takes_the_day_part_before_a_weekday_unmarked():
    out = removed("c oi lich kham la sang t6 11/12 o tram nhe", ["11/12"])
    assert "sang" in out and "t6" in out


def test_strict_takes_the_day_word_between_weekday_and_date():
    assert "thứ 4 ngày" in removed("Mẹ đưa bé đi khám thứ 4 ngày 9/12 vì sốt.", ["9/12"])


def test_strict_keeps_money_collected_and_a_drug_time():
    assert removed("HÓA ĐƠN (thu ngày 05/12/2026, tạm ứng)", ["05/12/2026"]) == []
    assert "toi" not in removed("e nho uong thuoc arv toi 9h dung gio nhe", ["9h"])


def test_strict_takes_an_english_month_before_a_removed_year():
    assert "Oct" in removed("Recurrent wheeze, last episode Oct 2025, treated with salbutamol.", ["2025"])
    assert "may" not in removed("Patients may 2025 be seen", ["2025"])
