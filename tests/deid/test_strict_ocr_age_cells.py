"""The strict profile and a register's age column read by OCR with letters for digits ('7l', '6O'): under an age
header the cell is an age, though the allow patterns would read '7l' as seven litres; a volume in another column
and a clean number stay as the detector leaves them."""
from __future__ import annotations

from tests.deid.helpers import strict_removed, strict_touched

REGISTER = (
    "Họ tên | Tuổi | Thôn/xã | Dịch truyền | Chẩn đoán\n"
    "Hoàng Văn Pấu | 7l | Pò Kiểng | 2l | đục thể thủy tinh\n"
    "Lò Thị Sim | 6O | Na Sầm | 1l | mộng thịt\n"
)


def test_strict_removes_an_ocr_age_read_as_litres():
    assert strict_removed(REGISTER, "7l")


def test_strict_removes_an_ocr_age_with_o_for_zero():
    assert strict_removed(REGISTER, "6O")


def test_strict_keeps_a_volume_in_another_column():
    assert not strict_touched(REGISTER, "2l")


def test_strict_removes_a_clean_age_under_the_header():
    assert strict_removed("| STT | Tuổi | Ghi chú |\n| 1 | 64 | mổ MP |", "64")
