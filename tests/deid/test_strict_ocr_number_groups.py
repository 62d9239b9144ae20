"""The strict profile and card or phone numbers in groups that OCR read with l, I or O for 1 and 0 ('O9l6 44l 2O8'):
each group alone looks like a short count, the run is one number. Amounts of money with OCR'd zeros ('258.OOO'),
blood pressure and insulin doses in a row stay."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_at(text: str, part: str) -> bool:
    i = text.index(part)
    return any(s.start <= i < s.end for s in strict_spans(text, []))


@pytest.mark.parametrize("text, parts", [
    ("Người nhận thuốc ký tên, CCCD Oll 2O4 OO9 7l5, đã đối chiếu ảnh.", ["2O4", "OO9", "7l5"]),
    ("Báo con gái bệnh nhân O938 ll2 457 khi có kết quả cấy máu.", ["O938", "ll2", "457"]),
    ("Nếu chuyển viện gọi anh trai lOl 4l3 885 trước.", ["lOl", "4l3", "885"]),
])
def test_strict_removes_ocr_number_groups(text, parts):
    for part in parts:
        assert removed_at(text, part), part


@pytest.mark.parametrize("text, part", [
    ("Tiền giường 258.OOO 258.OOO lOO% thanh toán.", "258"),
    ("Insulin Mixtard l4 Ul sáng, lO Ul chiều, HA l2O 8O 9O lúc vào.", "l2O"),
    ("Đường huyết mao mạch 7.2 8.1 6.5 mmol/l trong ngày.", "8.1"),
])
def test_strict_keeps_ocr_amounts_and_measurements(text, part):
    assert not removed_at(text, part)
