"""A Cambodian address written with its own units ('Phum ...' village, 'Khum ...' commune, 'Srok ...' district) and
its province after a comma ('..., Svay Rieng') is one LOCATION, and a Cambodian province or border town said alone
after a place word ('bên Kampong Trach') is a place; an outpatient clinic named before a dash and its parent ('Phòng
khám ngoại trú HIV - TTYT ...') is one ORGANIZATION with it, a ward ('Khoa Nội - Bệnh viện ...') still is not."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_cambodian_address_with_its_province(rules):
    text = "Nơi ở bên kia: Phum Thmei, Khum Chrak Mtes, Srok Svay Teab, Svay Rieng (nhà mẹ ruột)."
    assert "Phum Thmei, Khum Chrak Mtes, Srok Svay Teab, Svay Rieng" in texts(rules, text, "LOCATION")


def test_cambodian_province_after_a_place_word(rules):
    assert "Prey Veng" in texts(rules, "Chồng đi làm hồ bên Prey Veng, tháng sau mới về.", "LOCATION")


def test_clinic_before_its_parent_is_one_organization(rules):
    text = "Nơi điều trị: Phòng khám ngoại trú HIV - Trung tâm Y tế khu vực Châu Phú\nMã cơ sở: 89-CP-02"
    assert "Phòng khám ngoại trú HIV - Trung tâm Y tế khu vực Châu Phú" in texts(rules, text, "ORGANIZATION")


def test_ward_before_a_hospital_stays_out(rules):
    text = "Khoa Nội tổng hợp - Bệnh viện Đa khoa tỉnh An Giang\nNgày vào viện: 12/11/2026"
    assert "Bệnh viện Đa khoa tỉnh An Giang" in texts(rules, text, "ORGANIZATION")


def test_specialty_clinic_before_a_hospital_stays_out(rules):
    text = "Nơi khám: Phòng khám Nội tiết - Bệnh viện Đa khoa tỉnh Kiên Giang\nNgày khám: 02/12/2026"
    orgs = texts(rules, text, "ORGANIZATION")
    assert "Bệnh viện Đa khoa tỉnh Kiên Giang" in orgs and not any(o.startswith("Phòng khám") for o in orgs)
