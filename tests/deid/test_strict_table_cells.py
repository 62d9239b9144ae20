"""The strict profile in tables: a value and a unit that a cell boundary (tab) or a line break parts are no
measurement, so a birth year in its column goes even when the next cell starts with a unit-like code ('CC' of a
health-insurance card, 'G' of a card class); a measurement inside one cell stays."""
from __future__ import annotations

from tests.deid.helpers import strict_covered as covered
from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def test_strict_removes_a_year_column_before_a_unit_like_cell():
    text = ("STT\tHọ tên\tNăm sinh\tSố thẻ\n"
            "3\tlò văn pó\t1968\tCC 4 12 33 901 22871\n"
            "4\tĐINH THỊ NGÀ\t1991\tG 7 0 3 5 8 8 1 2 0 4")
    assert covered(text, "1968")
    assert covered(text, "1991")


def test_strict_keeps_a_measurement_inside_one_cell():
    text = "Ngày\tChỉ số\n1\tdịch dẫn lưu 1200 cc\tcân nặng 3200 g\n2\tHA 120/80 mmHg"
    for part in ("1200 cc", "3200 g", "120/80 mmHg"):
        assert not any(s.start < text.index(part) + len(part) and text.index(part) < s.end
                       for s in strict_spans(text, [])), part


def test_strict_takes_the_comma_that_ends_an_address_line():
    # an address the default detector found in two parts, one a line: the comma at the first line's end goes too
    text = "Địa chỉ: số 237 Quang Trung, xã Thanh Hà,\nHải Phòng\nSố thẻ BHYT: DN4790123456789"
    a, b = "số 237 Quang Trung, xã Thanh Hà", "Hải Phòng"
    found = [Span(text.index(p), text.index(p) + len(p), "LOCATION", p) for p in (a, b)]
    spans = strict_spans(text, found)
    comma = text.index("Hà,") + 2
    assert any(s.start <= comma < s.end for s in spans)
