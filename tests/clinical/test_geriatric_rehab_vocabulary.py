"""Geriatric, rehabilitation and nursing-risk scales are TESTs with their score a RESULT; rehabilitation, nursing,
prosthodontic and amputation procedures are PROCEDUREs; delirium and a staged pressure ulcer are diagnoses."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract


def labelled(text):
    return [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,test,score", [
    ("Đánh giá lúc nhận bệnh: chỉ số Barthel 35/100, cần hỗ trợ khi tắm.", "chỉ số Barthel", "35/100"),
    ("Thăng bằng kém, Berg 28/56, dùng khung tập đi.", "Berg", "28/56"),
    ("Sàng lọc trầm cảm: GDS-15 10/15.", "GDS-15", "10/15"),
    ("Ông Lê Văn Hạnh 83t, MNA-SF 5 điểm, sụt cân nhiều.", "MNA-SF", "5"),
    ("Nguy cơ ngã: Morse 55, cho nằm giường thấp.", "Morse", "55"),
    ("Nuốt: test nuốt GUSS 11/20, cho ăn đặc.", "test nuốt GUSS", "11/20"),
    ("CAM-ICU (+) lúc 2 giờ sáng, bệnh nhân kéo dây truyền.", "CAM-ICU", "(+)"),
    ("TUG 18 giây, đi chậm, bước ngắn.", "TUG", "18 giây"),
    ("Bàn chân P: Probe-to-bone (+), mạch mu chân yếu.", "Probe-to-bone", "(+)"),
    ("Ngực: QTc 490 ms trên điện tim sáng nay.", "QTc", "490"),
])
def test_a_scale_is_a_test_and_its_score_a_result(text, test, score):
    spans = labelled(text)
    assert ("TEST", test) in spans
    assert any(lab == "RESULT" and t.startswith(score) for lab, t in spans)


@pytest.mark.parametrize("text", [
    "BẢN CAM KẾT ĐỒNG Ý PHẪU THUẬT",
    "Người nhà mua cam và sữa cho bà.",
    "Khoa Lão: MAS chưa đánh giá được.",
])
def test_a_short_scale_abbreviation_needs_its_score(text):
    assert not [t for lab, t in labelled(text) if lab == "TEST"]


@pytest.mark.parametrize("text,procedure", [
    ("Chiều nay tập ngồi dậy mép giường, mai tập đứng khung.", "tập đứng khung"),
    ("Ra viện: mang vớ áp lực hai chân ban ngày.", "mang vớ áp lực"),
    ("Kế hoạch: kích thích điện chức năng cơ duỗi cổ tay P.", "kích thích điện chức năng"),
    ("Nha: nạo túi nha chu hàm dưới, sau đó đệm lại hàm giả.", "nạo túi nha chu"),
    ("Bố bệnh nhân đái tháo đường, bị cưa chân năm 2010.", "cưa chân"),
    ("Plan for physio: gait training with a frame, transfer training.", "gait training"),
    ("Day 5 post stroke, mechanical thrombectomy not done.", "mechanical thrombectomy"),
])
def test_rehabilitation_and_nursing_procedures(text, procedure):
    assert ("PROCEDURE", procedure) in labelled(text)


@pytest.mark.parametrize("text,disease", [
    ("Đêm qua bà Trần Thị Lựu 88t lú lẫn, kéo ống thông, nghĩ sảng sau mổ.", "sảng sau mổ"),
    ("Vùng cùng cụt: loét độ III, đáy có mô hạt.", "loét độ III"),
    ("Gót chân trái loét tì đè độ 2, dịch ít.", "loét tì đè độ 2"),
])
def test_delirium_and_a_staged_pressure_ulcer_are_diagnoses(text, disease):
    assert ("DISEASE", disease) in labelled(text)
