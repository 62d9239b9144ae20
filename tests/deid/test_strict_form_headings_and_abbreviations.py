"""The strict profile and the words of form and report headings and tables: a heading word whose first syllable is
also a surname ('KHÁM LƯU ĐỘNG', 'SỨC KHỎE CỘNG ĐỒNG', 'PHÒNG CHỐNG MÙ LÒA') stays, as do the abbreviations of eye,
dialysis, vaccine and staff columns ('TL MP', 'ĐNT', 'UF', 'FAV', 'IPV', 'TNV', 'XKLĐ'); a name in the same
heading or table still goes."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text", [
    "SỔ KHÁM LƯU ĐỘNG - ĐỢT THÁNG 11",
    "BÁO CÁO CHUYẾN ĐI - CHĂM SÓC SỨC KHỎE CỘNG ĐỒNG",
    "DANH SÁCH KHÁM SÀNG LỌC - DỰ ÁN PHÒNG CHỐNG MÙ LÒA",
    "| STT | Tuổi | TL MP | TL MT | Ghi chú |\n| 1 | - | ĐNT 2m | 3/10 | mổ MP |",  # (an age under Tuổi goes: test_strict_ocr_age_cells)
    "Ca chạy thận: UF mục tiêu 2,5 L, Qb 250 ml/p, FAV tay trái rung tốt.",
    "Tiêm IPV + bOPV cho trẻ. TNV đi cùng phiên dịch; bố đi XKLĐ.",
])
def test_strict_keeps_heading_words_and_column_abbreviations(text):
    assert removed_words(text) == set()


def test_strict_still_removes_a_name_in_a_heading():
    got = removed_words("PHIẾU KHÁM LƯU ĐỘNG - BỆNH NHÂN LƯU VĂN KHÁNH\nKhám lúc sáng, huyết áp 130/80 mmHg, không sốt.")
    assert {"VĂN", "KHÁNH"} <= got and "ĐỘNG" not in got
