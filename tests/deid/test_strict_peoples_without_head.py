"""The strict profile and a people named by one word that is no name syllable ('Tày', 'Nùng', 'Khmer'): safe
anywhere, alone in a table cell or in an English sentence; a people's local group ('Dao Tiền', 'Nùng An', 'Thái
Đen') too; a language after a person cue is what the person speaks, no name ('phiên dịch tiếng Nùng'). A name
beside it still goes, and a people that is also a given name ('Thái', 'Việt') alone is still removed."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, people", [
    ("| 4 | Hà Văn Khiêm | 2019 | Tày | Nà Cạn |", "Tày"),
    ("| 5 | Chu Thị Nhàn | 2022 | Nùng An | Pác Ngà |", "Nùng An"),
    ("| 6 | Bàn Văn Lục | 2020 | Dao Tiền | Khuổi Lùng |", "Dao Tiền"),
    ("Most mothers at the session were Nùng or Khmer and spoke little Kinh.", "Nùng Khmer Kinh"),
    ("Gia đình người Thái Đen ở bản trên, con đi học nội trú.", "Thái Đen"),
])
def test_strict_keeps_a_people_without_a_head_word(text, people):
    assert not removed_words(text) & set(people.split())


@pytest.mark.parametrize("text, language", [
    ("Bà không nói được tiếng Kinh, nhờ phiên dịch tiếng Nùng là cháu gái.", "tiếng"),
    ("cô ấy làm phiên dịch tiếng dao cho đoàn khám", "tiếng"),
])
def test_strict_keeps_a_language_after_a_person_cue(text, language):
    assert language not in removed_words(text)


def test_strict_still_removes_the_name_beside_a_people():
    got = removed_words("| 7 | Lương Thị Vân | 2021 | Tày | Bản Giốc |")
    assert {"Lương", "Vân"} <= got and "Tày" not in got


def test_strict_still_removes_a_given_name_that_is_also_a_people():
    assert "Thái" in removed_words("Hôm nay tôi gặp anh Thái ở chợ, anh hỏi thuốc cho mẹ.")
