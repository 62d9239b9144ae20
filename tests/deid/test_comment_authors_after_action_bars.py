"""A comment thread copied from a social network puts each comment's author on the line after the previous comment's
action bar ('Thích · Phản hồi · 2 giờ', 'Like · Reply · 3h'): a line of two to five capitalised words there is the
author's display name, nickname words included ('Tuấn Phượt Tây Bắc'). A line of ordinary words after the bar ('Xem
thêm bình luận') is none."""
from __future__ import annotations

from tests.deid.helpers import texts

THREAD = ("Hờ Thị Mai\nMình chuyển 200k rồi nhé 💕\nThích · Phản hồi · 2 giờ\n"
          "Hùng Xe Ôm Sa Pa\nMình ở Hà Đông, cuối tuần đoàn mình lên.\nThích · Phản hồi · 1 giờ\n"
          "Xem thêm bình luận\n")


def test_author_after_an_action_bar(rules):
    assert "Hùng Xe Ôm Sa Pa" in texts(rules, THREAD, "NAME")


def test_ordinary_words_after_an_action_bar_are_no_author(rules):
    assert not any("bình luận" in t for t in texts(rules, THREAD))


def test_english_action_bar(rules):
    text = "Sending love to the family ❤️\nLike · Reply · 3h\nMarta Kowalski Nowak\nWe donated too, stay strong!"
    assert "Marta Kowalski Nowak" in texts(rules, text, "NAME")
