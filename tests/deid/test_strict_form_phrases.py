"""The strict profile on form phrases and clinical terms whose first word is in lower case and the next capitalised
('khoa Nhi', 'khoa Sản'), and on insurance route words ('Đúng tuyến'): they stay; a name after a kinship word does not."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("Bé được chuyển lên khoa Nhi lúc 14 giờ để theo dõi tiếp.", "Nhi"),
    ("Điều dưỡng khoa Nội gọi lại báo kết quả.", "Nội"),
    ("(7) Cấp cứu ☐   (8) Đúng tuyến ☑   Nơi chuyển đến: không", "Đúng"),
    ("Mức hưởng 80%, Trái tuyến, có giấy chuyển tuyến.", "Trái"),
    ("- Row 2: pre-auth approved by the insurer", "Row"),
])
def test_strict_keeps_form_phrases_opened_in_lower_case(text, part):
    assert not touched(text, part)


def test_strict_removes_a_name_after_a_kinship_word_beside_a_ward():
    assert covered("Gọi chị Nhi ở khoa Nhi để hỏi giường.", "Nhi")
