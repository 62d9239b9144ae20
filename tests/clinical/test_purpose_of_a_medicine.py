"""A disease or sign named after `thuốc` / `chống` says what a medicine or a programme is for, no condition of the
patient (patterns.yaml purpose_leads; guidelines DRUG ✗ `thuốc hạ sốt`)."""
from __future__ import annotations

import pytest

from vimednlp import extract

CONDITIONS = ("DISEASE", "SYMPTOM")


def conditions(text: str) -> list[str]:
    return [s.text for s in extract(text) if s.label in CONDITIONS]


@pytest.mark.parametrize("text", [
    "Sản phụ 28 tuần, chưa dùng thuốc sốt rét vì trạm hết artesunat.",
    "Bác ơi, thuốc đau khớp mua ngoài chợ đó bác đừng uống nữa.",
    "Chuyển Tổ chống lao huyện đăng ký điều trị.",
    "chua dung thuoc sot ret",
])
def test_a_medicine_or_programme_named_by_its_purpose_is_no_condition(text):
    assert conditions(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Chồng HIV (+) đang điều trị tại phòng khám khác.", ["HIV"]),   # chồng (husband) is no chống
    ("chong HIV (+) dang dieu tri", ["HIV"]),                          # typed without marks: chong may be chồng
    ("Sau uống thuốc, đau bụng âm ỉ.", ["đau bụng âm ỉ"]),             # a comma: the pain is the patient's
])
def test_conditions_beside_those_words_stay(text, expected):
    assert conditions(text) == expected
