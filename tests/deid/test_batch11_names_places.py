"""Fixes found on batch 11 of hand-written development notes (names, places, organisations and occupations).
Sentences written for these tests, not copied from any note."""
from __future__ import annotations

from .helpers import texts


def test_role_cues_resident_doctor_and_cashier(rules):
    assert "Phượng" in texts(rules, "Khám xong lúc 9h (BSNT Phượng ghi)", "NAME")
    assert "Loan" in texts(rules, "Quầy 3     Thu ngân: Loan     Tổng tiền: 245.000đ", "NAME")


def test_occupations_veteran_traffic_police_scrap_collector(rules):
    assert texts(rules, "Ông Lò Văn Pánh, 79 tuổi, cựu chiến binh, sống một mình.", "PROFESSION") == ["cựu chiến binh"]
    assert texts(rules, "Nghề: cảnh sát giao thông\nĐịa chỉ: xã Tân Lập", "PROFESSION") == ["cảnh sát giao thông"]
    assert "ve chai" in texts(rules, "anh ay di luom ve chai, o tro gan cho", "PROFESSION")


def test_chat_handle_after_a_bare_clock(rules):
    chat = ("20:41 Thanh Tâm: Chào bác sĩ, cháu là con gái bà Liên ạ.\n"
            "20:50 BS Đào Quốc Khánh: Chào chị, bà đang ổn.\n"
            "20:52 Tâm: Dạ bà còn sốt không ạ?\n"
            "21:10 Tâm: Dạ em cảm ơn bác sĩ.\n"
            "23/03/2026 - 07:05 Tâm: Sáng nay bà ăn được không ạ?\n")
    assert texts(rules, chat, "NAME").count("Tâm") == 3
    # a vital-signs sheet: a clock, then a field
    sheet = "08:00 Mạch: 80 l/p\n12:00 Mạch: 84 l/p\n16:00 Mạch: 88 l/p\n20:00 Mạch: 82 l/p\n"
    assert texts(rules, sheet, "NAME") == []


def test_lower_case_chat_handles_said_again(rules):
    chat = ("lan beo: chi oi g4 bn sot 39 do\n"
            "kim ngan: uh cho ha sot r bao bs nhe\n"
            "lan beo: ok chi, bs da kham\n"
            "kim ngan: g7 rut sonde chua e\n"
            "lan beo: rut r chi\n")
    got = texts(rules, chat, "NAME")
    assert got.count("lan beo") == 3 and got.count("kim ngan") == 2


def test_people_after_an_ethnicity_field(rules):
    assert texts(rules, "Họ tên: GIÀNG A SỬ     Dân tộc: H'Mông\nNghề: làm nương", "NAME") == ["GIÀNG A SỬ"]


def test_clinic_of_a_hospital_is_left_out(rules):
    got = texts(rules, "Hẹn tái khám PK Nội tiết BV Đa khoa Đống Đa sau 1 tháng.", "ORGANIZATION")
    assert got == ["BV Đa khoa Đống Đa"]
    got = texts(rules, "PHONG KHAM NOI TIET - BV NHAN DAN 115\nNgay kham: 12/03/2026", "ORGANIZATION")
    assert got == ["BV NHAN DAN 115"]


def test_specialty_clinics_units_and_incidents_are_no_organisation(rules):
    text = "TÁI KHÁM SAU 2 TUẦN TẠI PHÒNG KHÁM TIM MẠCH, MANG THEO ĐƠN THUỐC NÀY."
    assert texts(rules, text, "ORGANIZATION") == []
    assert texts(rules, "ĐÃ TRUYỀN 3 ĐƠN VỊ KHỐI TIỂU CẦU, HẾT CHẢY MÁU.", "ORGANIZATION") == []
    assert texts(rules, "BỆNH ÁN NGOẠI KHOA - ĐƠN VỊ BỎNG\nHọ tên: Trần Văn Lộc", "ORGANIZATION") == []
    got = texts(rules, "BÁO CÁO VỤ TAI NẠN LAO ĐỘNG TẠI XÃ PHÚ THỊNH", "ORGANIZATION")
    assert got == []
    # a general clinic keeps its name before its owner
    got = texts(rules, "Khám tại Phòng khám Đa khoa An Phước - Công ty TNHH Y tế Hòa Bình.", "ORGANIZATION")
    assert got and got[0].startswith("Phòng khám Đa khoa An Phước")


def test_abbreviated_surname_with_initials(rules):
    assert texts(rules, "Bác sĩ khám: Ng. V. Quang Huy  (đã ký)", "NAME") == ["Ng. V. Quang Huy"]
    assert texts(rules, "Người nhận: Tr.T. Hằng, 08:30", "NAME") == ["Tr.T. Hằng"]
    assert texts(rules, "Xem Tr. 5 của sổ khám bệnh", "NAME") == []


def test_address_term_ending_a_sentence_calls_no_one(rules):
    text = "Dạ vâng ạ, cháu cảm ơn bác. Thông tin bố cháu em gửi sau. Có gì nhờ chị. Mail em gửi rồi."
    assert texts(rules, text, "NAME") == []
    assert texts(rules, "Ket qua cu.\nHien tai: het sot, an uong duoc", "NAME") == []


def test_lower_case_names_in_an_unmarked_chat(rules):
    got = texts(rules, "g7 ong siu nhoi 70t dot quy, g8 co h'bia mlo sot ret", "NAME")
    assert "siu nhoi" in got and "h'bia mlo" in got
    assert "pham thi loan" in texts(rules, "g4 bn pham thi loan 52t viem phoi, con sot", "NAME")


def test_mong_and_khmer_names(rules):
    assert texts(rules, "TRƯỞNG TRẠM (ký, đóng dấu): Giàng Seo Lìn", "NAME") == ["Giàng Seo Lìn"]
    got = texts(rules, "Người tiếp xúc: con Thạch Thị Sa Ly 7 tuổi, đã chụp phổi.", "NAME")
    assert got == ["Thạch Thị Sa Ly"]


def test_next_of_kin_and_signer_roles_are_no_occupation(rules):
    assert texts(rules, "ĐC: xã Tân Hội, Đức Trọng. NN: chồng Hải - 0912 345 678", "PROFESSION") == []
    assert texts(rules, "Kết luận: ổn định.\nBác sĩ điều trị chính: Lê Quang Vinh", "PROFESSION") == []
    assert texts(rules, "Nghề nghiệp: thợ mộc\n", "PROFESSION") == ["thợ mộc"]


def test_admitted_to_a_hospital(rules):
    got = texts(rules, "Có 12 người nhập viện BVĐK tỉnh Bình Định, 3 người ra viện BV Quy Nhơn.", "ORGANIZATION")
    assert got == ["BVĐK tỉnh Bình Định", "BV Quy Nhơn"]
