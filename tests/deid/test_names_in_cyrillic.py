"""A name copied in Cyrillic from a passport (tourist and international hospitals): two to four capitalised Cyrillic
words in a row, in a sentence, in brackets after the romanised form, or in a table cell. One Cyrillic word alone, or
Cyrillic words in lower case, are no name by this rule."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_cyrillic_name_in_brackets_after_its_romanised_form(rules):
    text = "Đúng: BN Galina Prokhorova (Галина Прохорова), sn 1961, nhập viện 02/12/2026 vì gãy cổ tay trái."
    assert "Галина Прохорова" in texts(rules, text, "NAME")


def test_cyrillic_full_name_with_patronymic_in_a_table_cell(rules):
    text = "4 | HS26-001187 | Кузьмин Олег Викторович | 1970 | viêm phổi | 12.400.000"
    assert "Кузьмин Олег Викторович" in texts(rules, text, "NAME")


def test_lower_case_cyrillic_words_are_no_name(rules):
    text = "Bệnh nhân ghi chú bằng tiếng Nga: боль в груди, одышка. Đã dịch cho bác sĩ."
    assert texts(rules, text, "NAME") == []
