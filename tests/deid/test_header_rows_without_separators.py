"""A table's header row typed or OCR'd without separators ('Số ĐK Họ tên Tuổi Giới Địa chỉ Phân loại ...') names
columns, not people or places: the capitalised words after 'Họ tên' there are no name. A line of fields with their
values ('Họ tên: ...   Tuổi: 61') or an address ('huyện Hà Quảng, tỉnh Cao Bằng') is no header row, and the rows
under the header keep their names."""
from __future__ import annotations

from tests.deid.helpers import texts
from vimednlp.deid.recognizers import Context
from vimednlp.deid.recognizers.tables import header_lines

REGISTER = ("SỔ ĐĂNG KÝ ĐIỀU TRỊ LAO - TRẠM Y TẾ XÃ\n"
            "Số ĐK Họ tên Tuổi Giới Địa chỉ Phân loại Ngày ĐT Phác đồ XN đờm T2 T5 Ghi chú\n"
            "Hoàng Văn Sáng 44 Nam thôn Nà Lẹng mới 03/11/2026 2RHZE/4RH AFB(+)\n")


def test_header_row_words_are_no_name(rules):
    found = texts(rules, REGISTER, "NAME")
    assert not any(w in " ".join(found) for w in ("Tuổi", "Giới", "Ghi"))
    assert "Hoàng Văn Sáng" in found


def test_unmarked_header_row_is_found():
    text = "TT Ho ten tre Ngay sinh Ten me Can(kg) Cao(cm) Phan loai\n1 Giang A Tua 12/05/2024 Sung Thi My 9,0 78 SDD vua"
    assert header_lines(Context(text)) == [(0, text.index("\n"))]


def test_fields_with_values_and_addresses_are_no_header_rows():
    text = ("Họ tên: Bàn Văn Chiêu   Tuổi: 61   Dân tộc: Dao Tiền   Nghề: làm ruộng\n"
            "Nơi thường trú: xóm Lũng Rỳ, xã Thông Nông,\nhuyện Hà Quảng, tỉnh Cao Bằng")
    assert header_lines(Context(text)) == []
