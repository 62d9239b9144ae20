"""The strict profile and an organisation whose name the detector read as a person's: a head of two words or more and
at most two lower-case words of its kind right before a removed name are that organisation ('bên công ty du lịch |
biển ngọc xanh', 'công ty xây dựng | phú cường'); a one-word head, a person word or a capitalised word between stay ('ở trường
ghi | Đinh Thị Nga', 'phòng khám bác sĩ | Lan'). Before a removed place, a head of two words or more alone is the
organisation's ('sở y tế | lào cai')."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def widened(text: str, name: str) -> list[tuple[str, str]]:
    i = text.index(name)
    return [(s.text, s.label) for s in strict_spans(text, [Span(i, i + len(name), "NAME", name)]) if s.end <= i]


@pytest.mark.parametrize("text, name, head", [
    ("alo em ơi chị là hướng dẫn viên bên công ty du lịch biển ngọc xanh chị tên hân", "biển ngọc xanh",
     "công ty du lịch"),
    ("anh ấy làm bảo vệ cho công ty xây dựng phú cường ở ngoài thị xã", "phú cường", "công ty xây dựng"),
])
def test_strict_takes_an_org_head_before_a_removed_name(text, name, head):
    assert (head, "ORGANIZATION") in widened(text, name)


@pytest.mark.parametrize("text, name", [
    ("con gái 9 tuổi, ở trường ghi Đinh Thị Thu Nga, học lớp 4", "Đinh Thị Thu Nga"),
    ("em đưa bé qua phòng khám bác sĩ Lan gần chợ", "Lan"),
])
def test_strict_leaves_words_before_a_name_that_are_no_org_head(text, name):
    assert widened(text, name) == []


@pytest.mark.parametrize("text, place, head", [
    ("sở y tế lào cai\ntrung tâm y tế khu vực si ma cai\nphiếu chuyển tuyến", "lào cai", "sở y tế"),
])
def test_strict_takes_an_org_head_alone_before_a_removed_place(text, place, head):
    i = text.index(place)
    spans = strict_spans(text, [Span(i, i + len(place), "LOCATION", place)])
    assert head in [s.text for s in spans if s.end <= i]
