"""Tab-separated registers whose rows break across lines, and cells the statistical tagger runs across."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer

REGISTER = ("SỔ THEO DÕI ĐIỀU TRỊ METHADONE (trích)\n"
            "STT\tMã BN\tHọ tên\tNS\tGiới\tĐịa chỉ\tNgày vào ĐT\tLiều MMT\tGhi chú\n"
            "1\tLS-VL-0412\tHoàng Văn Slẩy\t1979\tNam\tNà Sla, Tân Mỹ\t12/03/2016\t85 mg\tbỏ liều 14-16/11\n"
            "2\tLS-VL-0501\tVi Thị\nNhất\t1988\tNữ\tKhòn Khoang, TT Na Sầm\t20/01/2019\t40 mg\tcó thai 18 tuần\n"
            "3\tLS-VL-0528\tChu Văn Dảng\t1975\tNam\tPò Pháy, Thanh Long\t11/06/2019\t110 mg\tlao phổi\n")


@pytest.fixture(scope="module")
def full():
    return Analyzer()


def test_a_row_broken_inside_a_cell_keeps_its_columns(rules):
    found = {(s.label, s.text) for s in rules.analyze(REGISTER)}
    assert ("NAME", "Vi Thị\nNhất") in found
    assert ("DATE", "1988") in found and ("LOCATION", "Khòn Khoang, TT Na Sầm") in found
    assert ("ID", "1988") not in found and ("NAME", "Nữ") not in found


def test_a_span_across_cells_never_takes_over_a_cell(full):
    found = {(s.label, s.text) for s in full.analyze(REGISTER)}
    for place in ("Nà Sla, Tân Mỹ", "Pò Pháy, Thanh Long"):
        assert ("LOCATION", place) in found
    assert not any("\t" in t for _, t in found)
