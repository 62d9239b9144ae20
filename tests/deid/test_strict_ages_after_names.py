"""The strict profile takes an age with its unit right after a removed person's name, with or without a comma and
with or without marks ('vang seo chu 7 thang', 'Đinh Gia Bảo, 4 tuổi'), not a duration after a name ('… 3 tháng
nay ho'), and an age in hours or days with 'tuổi' anywhere ('36 giờ tuổi')."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def removed(text: str, names: list[str]) -> list[str]:
    spans = [Span(text.index(n), text.index(n) + len(n), "NAME", n, "test", 1.0, {}) for n in names]
    return [s.text for s in strict_spans(text, spans)]


def test_strict_takes_an_unmarked_age_after_a_name():
    assert "7 thang" in removed("3. vang seo chu 7 thang, me di lam nuong", ["vang seo chu"])
    assert "4 tuổi" in removed("Bé Đinh Gia Bảo, 4 tuổi, sốt 2 ngày.", ["Đinh Gia Bảo"])


def test_strict_keeps_a_duration_after_a_name():
    assert "3 tháng" not in " ".join(removed("Ông Hà Văn Tỉnh 3 tháng nay ho khan.", ["Hà Văn Tỉnh"]))


def test_strict_takes_an_age_in_hours():
    assert "36 giờ tuổi" in removed("Trẻ sơ sinh (36 giờ tuổi): vàng da vùng mặt.", [])


def test_strict_takes_an_age_in_years_and_months():
    assert "3 y 4 m" in removed("Patient is a toddler (3 y 4 m), weight 14 kg.", [])


def test_strict_takes_bare_ages_in_table_rows_after_names():
    text = ("STT Mã Họ tên Tuổi Thể bệnh\n1 MCC-26/047 Thào A Sình 4O lao phổi\n"
            "2 MCC-26/061 Giàng Thị Nhè 62 lao hạch\n")
    out = removed(text, ["Thào A Sình", "Giàng Thị Nhè"])
    assert "4O" in out and "62" in out


def test_strict_keeps_a_lone_number_or_a_count_after_a_name():
    # (one row with the shape is no table; a count or dose word after the number is no age)
    assert "62" not in removed("Hôm nay Giàng Thị Nhè 62 lao hạch tái khám.", ["Giàng Thị Nhè"])
    text = "Lò Văn Pó 3 viên sáng\nLò Thị Ỉn 2 viên tối\n"
    assert not {"3", "2"} & set(removed(text, ["Lò Văn Pó", "Lò Thị Ỉn"]))
