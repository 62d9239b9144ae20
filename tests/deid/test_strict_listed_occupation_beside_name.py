"""The strict profile and a listed profession written beside a removed name after a comma or a dash, even where the
profession is also a safe phrase ('y sĩ') or its slot runs on ('Y Krang - bảo vệ rừng.', 'A Đinh, y sĩ; …'); a
capitalised word right after the profession makes it the title of the next person ('em Ny, y sĩ Lê Thị Hà')."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def professions(text: str, name: str) -> list[str]:
    s = text.index(name)
    spans = [Span(s, s + len(name), "NAME", name, "test", 1.0, {})]
    return [x.text for x in strict_spans(text, spans) if x.label == "PROFESSION"]


def test_strict_removes_a_listed_profession_after_a_dash():
    text = "Người báo tin là em ruột Y Krang - bảo vệ rừng. Gọi lại sau."
    assert any("bảo vệ" in p for p in professions(text, "Krang"))


def test_strict_removes_a_listed_profession_that_is_also_a_safe_phrase():
    text = "Người đi cùng: A Đinh, y sĩ; vợ người bệnh ở nhà."
    assert "y sĩ" in professions(text, "Đinh")


def test_strict_keeps_a_title_before_the_next_name():
    text = "Gia đình cảm ơn chị Hoa Mai, y sĩ Lê Thị Hà trực đêm."
    assert professions(text, "Hoa Mai") == []
