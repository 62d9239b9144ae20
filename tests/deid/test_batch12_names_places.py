"""Fixes found on batch 12 of hand-written development notes (names, places, organisations and occupations).
Sentences written for these tests, not copied from any note."""
from __future__ import annotations


def texts(an, text, label=None):
    return [s.text for s in an.analyze(text) if label is None or s.label == label]


def test_central_hospital_abbreviated_t_u(rules):
    # 'T.Ư' / 'T.W' (trung ương, central) inside a hospital's name; a stay's length after it stays out
    assert "BVĐK T.Ư Huế" in texts(rules, "Chuyển BVĐK T.Ư Huế điều trị tiếp.", "ORGANIZATION")
    assert "BV T.W Thái Nguyên" in texts(rules, "Đã nằm BV T.W Thái Nguyên 5 ngày trước đó.", "ORGANIZATION")


def test_room_and_floor_numbers_are_no_address(rules):
    assert texts(rules, "Mã BA: 26.004117 | P.315/B2 | Giường 8", "LOCATION") == []
    assert texts(rules, "Mẹ đang nằm khoa Thận tầng 4 nhà C, giường 20.", "LOCATION") == []
    # a floor chained to a street address is part of it
    assert texts(rules, "Phòng khám Đa khoa Minh Châu - tầng 2, 45 Trần Phú, phường Hà Đông, Hà Nội",
                 "LOCATION") == ["tầng 2, 45 Trần Phú, phường Hà Đông, Hà Nội"]


def test_name_filling_a_table_cell(rules):
    # a Khmer name whose given syllables are outside the lexicons, ended by the table's '|'
    assert "Sơn Sa Rươl" in texts(rules, "Phiếu chăm sóc | BN: Sơn Sa Rươl | 54t | nữ", "NAME")
