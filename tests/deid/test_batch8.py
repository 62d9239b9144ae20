"""Fixes found on the eighth batch of hand-written development notes (sentences written for these tests,
not copied from any note)."""
from __future__ import annotations

from vimednlp.deid.analyzer import Analyzer

from .helpers import texts


def test_thai_and_hmong_surnames(rules):
    assert "Đèo Thị Lả" in texts(rules, "Người bệnh: Đèo Thị Lả, 52 tuổi, dân tộc Thái.", "NAME")
    assert "Tráng A Sình" in texts(rules, "Người nhà: anh Tráng A Sình, SĐT 0974 221 580.", "NAME")


def test_phone_ending_a_line_keeps_no_date_from_the_next(rules):
    text = "nguoi nhan anh hung 0912.447.305\n21/03/2026 08:10 bs lan: ok e"
    assert "0912.447.305" in texts(rules, text, "PHONE")


def test_lower_case_chat_speaker_after_a_date_and_time_stamp(rules):
    chat = ("12/05/2026 21:03 tran thi hoa: bs oi e la hoa, e bi dau bung tu chieu\n"
            "12/05/2026 21:10 bs le minh duc: chao hoa. e dau vung nao?\n"
            "12/05/2026 21:12 tran thi hoa: dau quanh ron a\n")
    got = texts(rules, chat, "NAME")
    assert got.count("tran thi hoa") == 2 and "le minh duc" in got
    assert got.count("hoa") == 2  # 'e la hoa', 'chao hoa'
    # a time-stamped line whose label is no name stays
    assert texts(rules, "12/05/2026 21:03 ghi chu: bn on dinh\n", "NAME") == []


def test_id_after_a_cue_and_its_owner(rules):
    assert texts(rules, "ma bn cua e 108-2210457 nhe bs", "ID") == ["108-2210457"]
    assert texts(rules, "số thẻ BHYT của tôi là DN4010123456789", "ID") == ["DN4010123456789"]


def test_lower_case_hospital_known_by_its_number_after_a_clinic(rules):
    got = texts(rules, "e kham o phong kham noi tiet bv 108 a", "ORGANIZATION")
    assert len(got) == 1 and got[0].endswith("bv 108")


def test_pain_score_is_no_date():
    an = Analyzer()  # the tagger read 'VAS 6/10' as a date
    assert texts(an, "Bệnh nhân đau vết mổ nhiều, VAS 6/10, đã dùng giảm đau.", "DATE") == []
    assert texts(an, "Lượng giá chiều nay: NRS 3/10, vết mổ khô.", "DATE") == []


def test_national_id_issuing_office_is_no_organisation(rules):
    text = "CCCD số: 036085004417     Ngày cấp: 10/08/2022     Nơi cấp: Cục Cảnh sát QLHC về TTXH"
    assert texts(rules, text, "ORGANIZATION") == []


def test_common_words_after_a_name_syllable(rules):
    text = "Người bệnh: Lò Văn Hậu, 34 tuổi.\nHậu phẫu ngày 2, vết mổ khô."
    assert texts(rules, text, "NAME") == ["Lò Văn Hậu"]
    assert texts(rules, "app bac si gia dinh - tin nhan tu van\n", "NAME") == []


def test_department_after_a_dash_is_no_organisation(rules):
    got = texts(rules, "Trung tâm Y tế khu vực Thanh Oai - Phòng khám Nhi số 3\nMã đơn thuốc: 0215", "ORGANIZATION")
    assert got == ["Trung tâm Y tế khu vực Thanh Oai"]
    got = texts(rules, "TTYT huyện Thanh Oai - Phòng khám Đa khoa khu vực Dân Hòa", "ORGANIZATION")
    assert "Phòng khám Đa khoa khu vực Dân Hòa" in got


def test_field_label_in_capitals_is_no_name(rules):
    text = "SỐ LƯU TRỮ: 2025-0112     MÃ Y TẾ: 01190237745\nHỌ TÊN: LÒ THỊ PHƯƠNG"
    assert texts(rules, text, "NAME") == ["LÒ THỊ PHƯƠNG"]


def test_foreign_phone_ending_a_line(rules):
    text = "Người nhà (Úc): +61 412 558 903\n21/03/2026 08:10 gọi lại"
    assert texts(rules, text, "PHONE") == ["+61 412 558 903"]
