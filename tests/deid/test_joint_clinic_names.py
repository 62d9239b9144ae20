"""A private clinic named by two specialties joined with a dash ('Phòng khám Đông y – Nha khoa Quang Vinh',
'PK Sản – Nhi An Bình') is one organisation, in any case; a department before its hospital ('Khoa Nội tiết – Bệnh
viện ...') still leaves the hospital alone."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_joint_clinic_in_running_text(rules):
    orgs = texts(rules, "Đã khám và điều trị tại: Phòng khám Đông y – Nha khoa Thiên Phúc, Cẩm Phả.", "ORGANIZATION")
    assert orgs == ["Phòng khám Đông y – Nha khoa Thiên Phúc"]


def test_joint_clinic_letterhead_in_capitals(rules):
    text = "PHÒNG KHÁM ĐÔNG Y – NHA KHOA THIÊN PHÚC          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    assert texts(rules, text, "ORGANIZATION") == ["PHÒNG KHÁM ĐÔNG Y – NHA KHOA THIÊN PHÚC"]


def test_joint_clinic_short_head(rules):
    text = "Nơi gửi: PK Đông y – Nha khoa An Bình      Nơi nhận: Trạm Y tế xã Hải Sơn"
    assert "PK Đông y – Nha khoa An Bình" in texts(rules, text, "ORGANIZATION")


def test_department_before_a_hospital_is_not_joined(rules):
    orgs = texts(rules, "Kính gửi: Khoa Nội tiết – Bệnh viện Bạch Mai", "ORGANIZATION")
    assert orgs == ["Bệnh viện Bạch Mai"]
