"""A rate glued to the word after a dose (`4 viên FDC/ngày`) belongs to that dose; a bare `/ngày` is no dose."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def doses(text):
    return [s.text for s in extract(text) if s.label == "DOSAGE"]


@pytest.mark.parametrize("text,dose", [
    ("Phác đồ: RHZE 3 viên FDC/ngày, uống sáng lúc đói.", "3 viên FDC/ngày"),
    ("Prospan 1 thìa canh/ngày x 5 ngày.", "1 thìa canh/ngày"),
])
def test_rate_glued_to_the_word_after_a_dose(text, dose):
    assert any(d.startswith(dose) for d in doses(text))


def test_bare_rate_is_no_dose():
    assert "/ngày" not in doses("Rửa mũi nước muối mỗi bên/ngày.")
