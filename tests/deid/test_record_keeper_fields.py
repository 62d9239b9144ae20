"""A record's keeper fields ('Người cập nhật: Hạnh (CTXH)', 'Nguoi gioi thieu: Tam 0908 ...', 'Người đánh giá: ...')
name a person like 'Người lập:' does; the field with no name after it names no one."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_keeper_fields_name_a_person(rules):
    text = ("Mã BN: HIV-26-0102   Người cập nhật: Hạnh (CTXH)\n"
            "Nguoi gioi thieu: Tam 0908 112 334\nNgười tư vấn: cần theo dõi thêm")
    names = texts(rules, text, "NAME")
    assert "Hạnh" in names and "Tam" in names and not any("cần" in n for n in names)
