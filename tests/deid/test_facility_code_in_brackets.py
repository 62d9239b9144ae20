"""Insurance tables and referral lists write a facility's or an employer's code in brackets after its name: the code
is an identifier; a year or an ICD code in brackets is not."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_facility_code_after_its_name(rules):
    text = ("| 2 | Trần Văn Lộc | Gãy xương cẳng tay (S52.5) | BV Đa khoa Thống Nhất (75018) | 10/11 - 20/11/2026 |\n"
            "| 3 | Lê Thị Hà | Sốt xuất huyết (A97.0) | TTYT huyện Trảng Bom (75207) | 12/11 - 15/11/2026 |\n"
            "Đơn vị sử dụng lao động: Công ty TNHH Giày Phúc Thịnh (DN04127)")
    ids = texts(rules, text, "ID")
    assert "75018" in ids and "75207" in ids and "DN04127" in ids


def test_year_and_icd_code_in_brackets_stay(rules):
    text = "Mổ tại BV Chợ Rẫy (2019), tái khám Phòng khám Nội (J45.9) ổn định"
    ids = texts(rules, text, "ID")
    assert "2019" not in ids and "J45.9" not in ids
