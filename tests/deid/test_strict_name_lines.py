"""The strict profile reads a line that is only a person's name, as a comment thread gives it above each comment:
when one of its two to four capitalised words is already removed as a name, the others go too if each is a
surname, a given name or no clinical, known or function word ('Triệu' is also a million); a title stays."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def removed(text: str, names: list[str]) -> list[str]:
    spans = [Span(text.index(n), text.index(n) + len(n), "NAME", n, "test", 1.0, {}) for n in names]
    return [s.text for s in strict_spans(text, spans)]


def test_strict_takes_the_rest_of_a_commenter_name_line():
    text = "Bài viết: cảnh báo bỏng nước sôi ở trẻ nhỏ\n\nTriệu Lìn\nThương cháu quá, mong cháu mau khỏe\n"
    assert "Triệu" in removed(text, ["Lìn"])


def test_strict_keeps_a_title_on_a_name_line():
    assert removed("Người ký\nBác Sĩ Lìn\nđã duyệt\n", ["Lìn"]) == []
