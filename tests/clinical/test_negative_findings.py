"""A test's finding that reports an absence is its RESULT, whole (the disease named in it included)."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,finding", [
    ("- CT sọ não không cản quang: không thấy xuất huyết nội sọ\n- MRI não: ổ nhồi máu cấp", "không thấy xuất huyết nội sọ"),
    ("- XQ goi P: ko thay ton thuong xuong\n- Paracetamol 1g TTM", "ko thay ton thuong xuong"),
    ("- KSTSR lam máu: không tìm thấy (test nhanh sốt rét âm tính)", "không tìm thấy"),
])
def test_absence_reported_by_a_test_is_one_result(text, finding):
    spans = labelled(text)
    assert ("RESULT", finding) in spans
    assert not [t for lab, t in spans if lab == "DISEASE"]


def test_doubt_inside_a_finding_keeps_the_disease_for_assertions():
    (s,) = [s for s in extract("XQ phổi: đám mờ đáy phổi phải, chưa loại trừ lao.") if s.label == "DISEASE"]
    assert s.text == "lao" and s.attrs["uncertain"]


@pytest.mark.parametrize("text,finding", [
    ("- Siêu âm bụng: thận P ứ nước độ I, không thấy sỏi\n- HbA1c 10,2%", "thận P ứ nước độ I, không thấy sỏi"),
    ("XQ ngực: ứ khí hai phổi, không có đông đặc.", "ứ khí hai phổi, không có đông đặc"),
])
def test_an_absence_listed_inside_a_finding_belongs_to_it(text, finding):
    spans = labelled(text)
    assert ("RESULT", finding) in spans
    assert not [t for lab, t in spans if lab == "DISEASE"]


@pytest.mark.parametrize("text,finding", [
    ("- XQ phổi cuối đợt lao: xơ nhẹ đỉnh phổi P, không tổn thương mới. Kết luận", "xơ nhẹ đỉnh phổi P, không tổn thương mới"),
    ("CLS: X-quang cận chóp R46: thấu quang sát buồng tủy, chưa tổn thương chóp.\nCĐ:", "thấu quang sát buồng tủy, chưa tổn thương chóp"),
    ("- Chest X-ray (PA): cardiomegaly, CTR 0.58; bilateral effusions", "cardiomegaly, CTR 0.58"),
])
def test_imaging_finding_after_words_or_a_bracket_before_the_colon(text, finding):
    assert ("RESULT", finding) in labelled(text)


def test_a_lab_value_with_a_bracket_before_the_colon_keeps_its_values():
    text = "Đường huyết mao mạch (nhật ký 7 ngày): đói 4,9 - 5,6 mmol/L, sau ăn 2h 6,8 - 8,1 mmol/L."
    assert ("RESULT", "4,9 - 5,6 mmol/L") in labelled(text)
