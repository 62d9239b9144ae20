"""A problem dated to a past month (`03/2025`) or said to run `từ 2020` is history; a day date is not."""
from __future__ import annotations

from vimednlp.clinical import extract


def attrs(text):
    return {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_problem_with_a_month_and_year_is_history():
    a = attrs("Ông Đào Văn Khải 79t (xem bệnh án cũ — nhồi máu não 04/2024). Lý do: ho 5 ngày.")
    assert a["nhồi máu não"]["historical"]
    assert not a["ho"]["historical"]


def test_problem_running_from_a_year_is_history():
    a = attrs("Ghi chú: phiếu cũ ghi suy thận mạn từ 2021; nay phù hai chân.")
    assert a["suy thận mạn"]["historical"]


def test_a_day_and_month_is_no_history():
    a = attrs("Sốt 05/12 đến nay, ho khạc đờm vàng.")
    assert not any(v["historical"] for v in a.values())


def test_a_bracketed_year_dates_the_episode_told_before_it():
    from vimednlp.clinical import extract

    text = "TS sản: sẩy thai 8 tuần (2021). Vợ nói có lần ông co giật khi bỏ rượu (2022).\nHiện: đau bụng 2 ngày."
    a = {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}
    assert a["sẩy thai"]["historical"] and a["co giật"]["historical"]
    assert not a["đau bụng"]["historical"]
