"""The strict profile and a given name right after a person's field label and ':' ('Người giới thiệu: Thanh',
'Người chép: Hương'; words.yaml person_fields and the default cue list): the word is the person's name however
common it is as a word; a sex after a field about a person stays ('Giới tính của con: Nam')."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w.strip(".,:") for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, name", [
    ("Hẹn tái khám tuần sau. Người giới thiệu: Thanh, bên trạm y tế.", "Thanh"),
    ("Bản chép lại vào sổ.\nNgười chép: Hương\n", "Hương"),
])
def test_strict_removes_a_given_name_after_a_person_field(text, name):
    assert name in removed_words(text)


def test_strict_keeps_a_sex_after_a_field_about_a_person():
    assert "Nam" not in removed_words("Số lần sinh: 01     Giới tính của con: Nam\nCân nặng: 3200 gram")
