"""A clock time tied to a day told before ('16h10 cùng ngày', '9h30 hôm đó') is a DATE, those words stay; a clock time
then a weekday and a day of the month ('7g thứ sáu 12/12') is one DATE without a year; a short weekday in capitals
before a date ('T3 09/12 20:15', 'CN 14/12') belongs to it, the same letters in lower case do not."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_clock_time_of_the_same_day(rules):
    # (the words that tie it to a day told before, 'cùng ngày', name no day themselves: the clock time alone)
    text = "Công an xã đến nhà lúc 16h10 cùng ngày. Mẹ bé gọi lại 9h30 hôm đó, không ai nghe."
    dates = texts(rules, text, "DATE")
    assert "16h10" in dates and "9h30" in dates


def test_time_weekday_and_day_without_a_year(rules):
    assert "7g thứ sáu 12/12" in texts(rules, "Hẹn họp liên ngành 7g thứ sáu 12/12 tại phòng CTXH.", "DATE")


def test_short_weekday_in_capitals_before_a_date(rules):
    dates = texts(rules, "Tin nhắn T3 09/12 20:15: em tới rồi. Trực CN 14/12 nhé.", "DATE")
    assert any(d.startswith("T3 09/12") for d in dates) and "CN 14/12" in dates


def test_short_weekday_in_lower_case_is_no_weekday(rules):
    dates = texts(rules, "ghi chú cn 14/12 nhé", "DATE")
    assert not any(d.startswith("cn") for d in dates)


def test_count_before_a_time_and_date_is_no_first_day(rules):
    dates = texts(rules, "Hẹn điều trị tủy lần 2 – 10h thứ hai 07/12 tại phòng 3.", "DATE")
    assert "2" not in dates and "10h thứ hai 07/12" in dates


def test_spoken_weekday_after_hom_and_with_mung(rules):
    text = ("dạ bé hai tuổi nằm viện từ hôm chủ nhật tới giờ còn sốt\n"
            "anh nhớ ghé lấy thuốc ngày thứ sáu mùng bốn nha\nlần thứ hai mùng ba nó mới uống")
    dates = texts(rules, text, "DATE")
    assert "hôm chủ nhật" in dates and "thứ sáu mùng bốn" in dates
    assert not any(d.startswith("thứ hai") for d in dates)


def test_day_of_the_solar_month_said_alone(rules):
    text = "ghe đi tới hai mươi tây mới vô bờ, hướng tây nam có bão"
    dates = texts(rules, text, "DATE")
    assert "hai mươi tây" in dates and not any("nam" in d for d in dates)
