"""Date, age, ID and phone fixes found on the ninth and tenth batches of hand-written development notes
(sentences written for these tests, not copied from any note)."""
from __future__ import annotations


def texts(an, text, label=None):
    return [s.text for s in an.analyze(text) if label is None or s.label == label]


def test_clock_time_after_luc_with_a_colon_after_the_minutes(rules):
    assert "21 giờ 37" in texts(rules, "Siêu âm tim lúc 21 giờ 37: EF 35%, giảm động thành trước.", "DATE")


def test_clock_time_after_start_and_stop_verbs(rules):
    got = texts(rules, "Dopamin pha bơm tiêm điện, bắt đầu 06h20, ngừng 18h; mổ kết thúc 10 giờ 40.", "DATE")
    assert {"06h20", "18h", "10 giờ 40"} <= set(got)
    # a duration stays out
    assert texts(rules, "Truyền dịch trong 6h, theo dõi sát.", "DATE") == []


def test_administration_time_after_a_tick(rules):
    got = texts(rules, "- Ceftriaxon 2g tiêm TM   ✓ 7h\n- Omeprazol 40mg   ✓ 9h30", "DATE")
    assert got == ["7h", "9h30"]


def test_collection_period_before_a_colon_is_no_time(rules):
    assert texts(rules, "Protein niệu 24h: 3,2 g. Nước tiểu 24h: 900 ml.", "DATE") == []
    assert texts(rules, "Khí máu 6h: pH 7,28.", "DATE") == ["6h"]


def test_clock_time_after_a_relative_day(rules):
    assert texts(rules, "bs oi mai 8h e dua be len kham lai nhe", "DATE") == ["8h"]
    assert texts(rules, "Hôm nay 2g Cefotaxim chia 2 lần.", "DATE") == []
