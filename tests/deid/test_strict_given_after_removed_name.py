"""The strict profile and the last given name a detector left after a removed name with a middle syllable ('người xác
nhận: đàng thị h. | nhung', 'a thiết   nguyễn thị thu | hà'): a given-name syllable in the name's case right after it
goes; without marks a common word, more likely the verb after the name, stays ('le thi thuy | chuyen ca')."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def after(text: str, name: str) -> list[str]:
    i = text.index(name)
    return [s.text for s in strict_spans(text, [Span(i, i + len(name), "NAME", name)]) if s.start >= i + len(name)]


def test_strict_takes_the_given_name_after_an_initial():
    assert "nhung" in after("người tiêm: từ thị mơ     người xác nhận: đàng thị h. nhung\ntra cứu sổ", "đàng thị h")


def test_strict_keeps_a_common_word_after_a_name_typed_without_marks():
    text = "truc ca 05/12 19:31: bs oi ban le thi thuy chuyen ca ngay dc ko bs"
    assert after(text, "le thi thuy") == []


def test_strict_takes_a_given_name_that_ends_its_field_after_a_name_without_middle():
    # (no middle syllable: the given name must end its field, here a column gap; 'như' is a function word too)
    text = "bs rhm: tôn nữ quỳnh như     ghi hồ sơ: sáng 05/12\n"
    assert "như" in after(text, "tôn nữ quỳnh")


def test_strict_keeps_the_word_after_a_name_without_middle_inside_a_sentence():
    text = "hôm qua trịnh hoài nam ra chợ mua thuốc"
    assert after(text, "trịnh hoài") == []
