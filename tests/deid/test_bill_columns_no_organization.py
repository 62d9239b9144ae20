"""A bill's header row written without separators ('Đơn giá BV Đơn giá BH Tỷ lệ TT Thành tiền BV ...'): 'BV' after a
price column names whose price it is, the capitalised columns after it are no hospital's name; a hospital named
after a verb still is one."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_price_columns_are_no_organization(rules):
    text = ("Phần chi phí khám bệnh, chữa bệnh:\n"
            "Nội dung Đơn vị tính Số lượng Đơn giá BV Đơn giá BH Thành tiền BV Quỹ BHYT Người bệnh\n"
            "1. Khám bệnh Lần 1 37.500 37.500 37.500 37.500 0\n")
    assert texts(rules, text, "ORGANIZATION") == []


def test_hospital_after_a_verb_is_an_organization(rules):
    orgs = texts(rules, "Bệnh nhân được chuyển về BV Đa khoa Trung ương Cần Thơ điều trị tiếp.", "ORGANIZATION")
    assert any("Cần Thơ" in o for o in orgs)
