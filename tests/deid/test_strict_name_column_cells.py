"""The strict profile and a register whose name column holds a name the default detector cannot read as one (typed in
lower case without marks, syllables in no name list): every cell with letters and no digit under a header naming a
person goes ('4|lau a ky|1987|Nam'); a bracketed note after a name, cells of other columns, a filler and rows of
another shape stay."""
from __future__ import annotations

from tests.deid.helpers import strict_removed, strict_touched

REGISTER = (
    "DS DE NGHI THANH TOAN BHYT THANG 11/2026\n"
    "STT|Ho ten|NS|GT|Ma benh|Ten benh\n"
    "1|Giàng A Tủa|2024|Nam|E44|SDD vua\n"
    "2|lau a ky|1987|Nam|J06|viem hong cap\n"
    "3|Lý A Sán (người Dao)|1990|Nam|K29|viem da day\n"
    "4|-|1975|Nu|I10|tang huyet ap\n"
    "Tong: 4 luot\n"
)


def test_strict_removes_a_lower_case_cell_under_a_name_header():
    assert strict_removed(REGISTER, "lau a ky")


def test_strict_keeps_the_other_columns_and_the_bracketed_note():
    assert not strict_touched(REGISTER, "viem hong cap")
    assert not strict_touched(REGISTER, "(người Dao)")
    assert not strict_touched(REGISTER, "Tong: 4 luot")
