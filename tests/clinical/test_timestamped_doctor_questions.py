"""A doctor's question asserts nothing, whether the chat line opens with `[19:09]` or a bare `19:09`."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


@pytest.mark.parametrize("stamp", ["[20:14] ", "20:14 ", ""])
def test_doctor_question_after_a_time_stamp(stamp):
    text = f"20:12 Chị Mai: ba em sốt từ sáng\n{stamp}BS Tùng: ông có đau ngực không?\n20:15 Chị Mai: dạ không"
    symptoms = [s.text for s in extract(text) if s.label == "SYMPTOM"]
    assert "sốt" in symptoms and "đau ngực" not in symptoms
