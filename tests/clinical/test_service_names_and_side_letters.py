"""A disease naming a clinic, card, programme or doctor is no mention; `P` after a site is the right side, not the
phosphate test; a finding after `TEST:` ends where a further test of the same clause begins."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,name", [
    ("SỔ ĐIỀU TRỊ LAO / HIV — trạm y tế phường Thuận Lộc", "LAO"),
    ("Chuyển phòng khám HIV để nhận thuốc tháng 1.", "HIV"),
    ("Phác đồ lao: 2RHZE/4RH, uống sáng lúc đói.", "lao"),
    ("Hẹn tái khám theo BS Lao tuần sau.", "Lao"),
    ("PK ĐTĐ - THA sáng thứ 6", "ĐTĐ"),
])
def test_a_disease_naming_a_service_is_no_mention(text, name):
    assert ("DISEASE", name) not in labelled(text)


@pytest.mark.parametrize("text,disease", [
    ("Chẩn đoán: lao phổi / đái tháo đường típ 2.", "lao phổi"),
    ("Đau hông lưng thì phải đi khám ngay vì có thể viêm thận bể thận.", "viêm thận bể thận"),
    ("Bệnh nhân có HIV, đang điều trị ARV tại trạm.", "HIV"),
])
def test_a_disease_after_other_words_stays(text, disease):
    assert ("DISEASE", disease) in labelled(text)


@pytest.mark.parametrize("text", [
    "Bàn chân: ABI P 0,7, mạch mu chân P yếu.",
    "Tiền sử gãy cổ xương đùi P 10/2025, đi khung.",
    "Hạch dưới hàm P 1cm, di động.",
])
def test_p_after_a_site_is_the_side_not_phosphate(text):
    assert ("TEST", "P") not in labelled(text)


def test_phosphate_with_its_unit_is_still_a_test():
    spans = labelled("Điện giải: Ca 2,0 mmol/L, P 1,6 mmol/L.")
    assert ("TEST", "P") in spans and ("RESULT", "1,6 mmol/L") in spans


def test_finding_ends_where_a_further_test_of_the_clause_begins():
    spans = labelled("Điện tim: nhịp nhanh xoang, QTc 500 ms.")
    assert ("RESULT", "nhịp nhanh xoang") in spans
    assert ("TEST", "QTc") in spans


def test_register_corner_and_plan_name_their_service():
    text = ("Tái khám định kỳ (sổ QL THA-ĐTĐ số 0417). PK mạn tính – góc hen trẻ em.\n"
            "KẾ HOẠCH HEN (dán tủ lạnh): xịt Salbutamol khi khó thở.\n"
            "Khám sàng lọc tiếp xúc lao cho con.\n"
            "CĐ: hen phế quản bậc 2.")
    dis = [s.text for s in extract(text) if s.label == "DISEASE"]
    assert dis == ["hen phế quản"]
