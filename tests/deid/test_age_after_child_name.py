"""A child's age in months right after the child's name, then a comma, a bracket, a dash or the line's end, is an
AGE ('chau Vang A Sinh 9 thang, bo ...', 'bé Lò Thị Mai 18 tháng, cân nặng ...'); a duration after a name that a
sentence goes on from ('anh Tòng 3 tháng nay ho') is not."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_months_after_a_child_name(rules):
    text = ("ds tiem bu:\n1. chau Vang A Sinh 9 thang, bo la Vang A Lu\n"
            "2. bé Lò Thị Mai 18 tháng, cân nặng 9 kg\n3. chau Ha Thi Pa 7 thang\n")
    ages = texts(rules, text, "AGE")
    assert "9 thang" in ages and "18 tháng" in ages and "7 thang" in ages


def test_duration_going_on_is_no_age(rules):
    text = "Anh Hoàng Văn Tòng 3 tháng nay ho kéo dài, sút 4 kg."
    assert not any("3 tháng" in a for a in texts(rules, text, "AGE"))
