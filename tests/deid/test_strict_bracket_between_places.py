"""The strict profile and the bracket after a removed place or organisation that opens a second name or a note
('tỉnh Lào Cai (Mù Cang Chải cũ)', 'Co., Ltd (Cty TNHH …)'): the bracket is no part of either and stays; a hyphen or
comma inside one address still goes with it."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def spans_between(text: str, a: str, b: str) -> list[str]:
    i, j = text.index(a), text.index(b)
    given = [Span(i, i + len(a), "LOCATION", a), Span(j, j + len(b), "LOCATION", b)]
    return [s.text for s in strict_spans(text, given) if i + len(a) <= s.start and s.end <= j]


def test_strict_keeps_the_bracket_that_opens_a_former_name():
    assert spans_between("Nhà ở bản Háng Tày, tỉnh Lào Cai (Mù Cang Chải cũ). Chưa có thẻ.", "tỉnh Lào Cai",
                         "Mù Cang Chải") == []


def test_strict_takes_the_comma_inside_one_address():
    assert spans_between("Địa chỉ: xã Vĩnh Thuận, An Giang. Điện thoại sau.", "xã Vĩnh Thuận", "An Giang") == [","]
