"""Fixes found on batch 12 of hand-written development notes (names, places, organisations and occupations).
Sentences written for these tests, not copied from any note."""
from __future__ import annotations

from .helpers import texts


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


def test_former_or_new_address_in_brackets_is_its_own_span(rules):
    got = texts(rules, "Địa chỉ: Tổ 5, KP. 2, P. Long Bình, TP. Biên Hòa (theo địa giới mới: phường Long Bình, tỉnh Đồng Nai)\n",
                "LOCATION")
    assert got == ["Tổ 5, KP. 2, P. Long Bình, TP. Biên Hòa", "phường Long Bình, tỉnh Đồng Nai"]


def test_middle_dot_ends_an_address_field(rules):
    got = texts(rules, "Địa chỉ: số 20 đường Lê Lai, phường Ngô Quyền, TP. Hải Phòng · ĐT (0225) 3 842 111", "LOCATION")
    assert got == ["số 20 đường Lê Lai, phường Ngô Quyền, TP. Hải Phòng"]


def test_unmarked_text_section_label_and_head_nurse(rules):
    note = ("Ho ten: Tran Van Hoang, 71t\nNguyen nhan tu vong: ngung tuan hoan\n"
            "Nguoi bao tin: DD truong Le Thi Thu Ha\n")
    assert texts(rules, note, "NAME") == ["Tran Van Hoang", "Le Thi Thu Ha"]
    assert texts(rules, note, "ORGANIZATION") == []


def test_unmarked_tho_may_after_a_clinical_clause_is_ventilation(rules):
    assert texts(rules, "Dien bien: da dat noi khi quan, tho may, an than Midazolam", "PROFESSION") == []
    assert texts(rules, "bn nam, 53 tuoi, tho may, o xa Tan Phu", "PROFESSION") == ["tho may"]


def test_boat_owner_and_goods_sold(rules):
    assert texts(rules, "Ông Lê Văn Tư, 61 tuổi, chủ tàu cá, ở thôn 4 xã Tam Quan.", "PROFESSION") == ["chủ tàu cá"]
    assert texts(rules, "Người làm chứng: chị Đào Thị Nụ, bán bánh mì ở đầu hẻm.", "PROFESSION") == ["bán bánh mì"]


def test_classic_given_name_tru(rules):
    assert "Đặng Công Trứ" in texts(rules, "Bác sĩ trực: Đặng Công Trứ      Điều dưỡng: Hoa", "NAME")


def test_specialty_clinic_in_sentence_case_is_no_organisation(rules):
    assert texts(rules, "Hẹn tái khám Phòng khám Thận - Niệu sau 2 tuần.", "ORGANIZATION") == []
    assert texts(rules, "Khám tại Phòng khám Nhi An Phúc hôm qua.", "ORGANIZATION") == ["Phòng khám Nhi An Phúc"]
