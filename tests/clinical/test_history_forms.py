"""History said in more forms: a treatment completed or a diagnosis dated after the problem (context.yaml backward
cues), and a past event of the relative who is the patient (`Trước đó mẹ có đợt chóng mặt` in a daughter's note
about her mother keeps its history once the kinship word is read as the patient)."""
from __future__ import annotations

import pytest

from vimednlp import extract

CLASSES = ("negated", "uncertain", "historical", "family", "hypothetical")


def classes(text: str) -> dict[str, list[str]]:
    return {s.text: [a for a in CLASSES if s.attrs.get(a)] for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


@pytest.mark.parametrize("text, term", [
    ("Đánh giá cuối đợt: lao phổi AFB(+) - đã hoàn thành điều trị 03/2024, nay tái khám.", "lao phổi AFB(+)"),
    ("Danh sách vấn đề:\n2. Hen phế quản — chẩn đoán năm 2015, đang dùng Seretide.", "Hen phế quản"),
    ("Past history: gout (dx 2019), không tái phát.", "gout"),
])
def test_a_completed_treatment_or_a_dated_diagnosis_is_history(text, term):
    assert classes(text)[term] == ["historical"]


def test_a_diagnosis_without_a_year_stays_current():
    assert classes("Chẩn đoán: viêm phổi cộng đồng.")["viêm phổi cộng đồng"] == []


def test_the_past_of_the_relative_who_is_the_patient():
    note = ("Con gái kể: mẹ 72 tuổi, mấy hôm nay ăn kém. Năm ngoái mẹ mổ thay khớp háng. "
            "Trước đó mẹ có đợt chóng mặt, uống thuốc gần 1 năm.")
    assert classes(note)["chóng mặt"] == ["historical"]
    # a relative who is not the patient keeps family only (the guidelines: no history on a relative's timeline)
    assert classes("BN nam 50 tuổi. Trước đó bố bệnh nhân bị đột quỵ.")["đột quỵ"] == ["family"]


def test_an_earlier_delivery_or_pregnancy_is_history():
    from vimednlp.clinical import extract

    def hist(text):
        return {s.text: bool(s.attrs.get("historical")) for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}

    assert hist("Sản phụ kể lần đẻ thứ 2 cũng băng huyết, phải truyền máu.")["băng huyết"]
    assert hist("Tiền thai: tăng huyết áp khi mang thai lần 1 (2021).")["tăng huyết áp"]
    assert not hist("Hiện sản phụ ra máu nhiều, đau bụng.")["đau bụng"]


def test_a_letterhead_y_te_without_its_mark_is_no_numbness():
    from vimednlp.clinical import extract
    got = [s.text for s in extract("SỞ Y TÊ TỈNH CAO BẰNG\nTRUNG TÂM Y TÊ HUYỆN\nBN tê bì hai bàn chân.") if s.label == "SYMPTOM"]
    assert got == ["tê bì hai bàn chân"]
