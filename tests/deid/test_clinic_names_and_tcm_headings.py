"""Private dental and traditional-medicine clinics are organisations; a traditional-medicine record's 'Pháp điều
trị' heading is no place (sentences written for these tests)."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer


@pytest.fixture(scope="module")
def rules():
    return Analyzer(model=None)


def labelled(an, text, label):
    return [s.text for s in an.analyze(text) if s.label == label]


def test_dental_clinic_names(rules):
    assert labelled(rules, "NHA KHOA HOÀNG GIA\nKhách hàng: Lê Thu Hà   Giới: nữ", "ORGANIZATION") == ["NHA KHOA HOÀNG GIA"]
    assert labelled(rules, "Bé được chuyển sang Nha khoa Minh Châu để nhổ răng.", "ORGANIZATION") == ["Nha khoa Minh Châu"]
    # the specialty in lower case is no organisation
    assert labelled(rules, "Bé cần khám nha khoa định kỳ 6 tháng một lần.", "ORGANIZATION") == []


def test_tcm_heading_is_no_place(rules):
    t = "Chẩn đoán YHCT: Tý chứng.\nPháp điều trị: bổ khí huyết, khu phong.\nPháp trị: thanh nhiệt trừ thấp."
    assert labelled(rules, t, "LOCATION") == []
    assert labelled(rules, "Bệnh nhân sống tại Pháp 10 năm nay.", "LOCATION") == ["Pháp"]


def test_a_form_of_the_specialty_is_no_clinic(rules):
    assert labelled(rules, "HỒ SƠ NHA KHOA Mã hồ sơ 20566109", "ORGANIZATION") == []
    assert labelled(rules, "PHIẾU KHÁM NHA KHOA\nHọ tên: Lê Văn An", "ORGANIZATION") == []
    assert labelled(rules, "Hôm nay đến khám Nha khoa Minh Châu.", "ORGANIZATION") == ["Nha khoa Minh Châu"]


def test_a_given_name_alone_in_a_writer_or_assistant_field(rules):
    t = "BS phụ trách: Kiều Anh Tuấn   Trợ thủ: Nhàn\n\nLý do đến: ê buốt răng"
    assert "Nhàn" in labelled(rules, t, "NAME")
    assert labelled(rules, "Người lập bảng: Hoa\nNgười thực hiện: Minh", "NAME") == ["Hoa", "Minh"]
    # a lower-case note after the field is no name
    assert labelled(rules, "Người ghi: theo dõi sát mạch, huyết áp", "NAME") == []


def test_a_generic_heading_in_capitals_names_no_hospital(rules):
    t = "SỞ Y TẾ HÀ NỘI\nBỆNH VIỆN ĐA KHOA KHU VỰC\nKHOA KHÁM BỆNH\nHọ và tên: Lê Văn An"
    assert labelled(rules, t, "ORGANIZATION") == ["SỞ Y TẾ HÀ NỘI"]
    assert labelled(rules, "BỆNH VIỆN ĐA KHOA TỈNH LÀO CAI\nKhoa Nội", "ORGANIZATION") == ["BỆNH VIỆN ĐA KHOA TỈNH LÀO CAI"]
    assert labelled(rules, "BỆNH VIỆN NHI TRUNG ƯƠNG\nKhoa Nội", "ORGANIZATION") == ["BỆNH VIỆN NHI TRUNG ƯƠNG"]


def test_the_home_country_alone_is_no_place(rules):
    assert labelled(rules, "Dân tộc: Kinh     Quốc tịch: Việt Nam\nNghề nghiệp: thợ may", "LOCATION") == []
    # it ends an address and stays in it; another country is still a place
    assert labelled(rules, "Địa chỉ: 12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội, Việt Nam", "LOCATION") == [
        "12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội, Việt Nam"]
    assert labelled(rules, "Bệnh nhân sống ở Pháp 10 năm, về Việt Nam tháng 3", "LOCATION") == ["Pháp", "Việt Nam"]


def test_a_table_row_number_and_a_heading_are_no_address(rules):
    t = "STT\tHọ tên\tNăm sinh\n1\tĐặng Minh Chiêu\t1950\n2\tHồ Thị Khánh Vành\t1978"
    assert labelled(rules, t, "LOCATION") == []
    t = "PHIẾU KHÁM NGOẠI TRÚ\nPatient / Bệnh nhân: Pierre Chevalier"
    assert labelled(rules, t, "LOCATION") == []
    assert labelled(rules, "nhà ở 15 Lạc Long Quân, quận Tây Hồ", "LOCATION") == ["15 Lạc Long Quân, quận Tây Hồ"]


def test_a_place_name_never_spans_two_table_cells(rules):
    t = "STT\tMã BN\tHọ tên\tNăm sinh\tGiới\tĐịa chỉ\n4\tLS-VL-0528\tChu Văn Dảng\t1975\tNam\tPò Pháy, Thanh Long"
    assert "Nam" not in labelled(rules, t, "LOCATION")


def test_a_lower_case_hospital_ends_before_the_order_s_adverb(rules):
    assert labelled(rules, "có thì chở đi bv đa khoa trần đề liền, ko đợi sáng", "ORGANIZATION") == ["bv đa khoa trần đề"]
    assert labelled(rules, "c cho di ttyt my xuyen xn lien", "ORGANIZATION") == ["ttyt my xuyen"]


def test_a_ward_code_or_a_glued_dose_is_no_house_number(rules):
    assert labelled(rules, "Riverside International Hospital — Ward 5B (General Surgery)", "LOCATION") == []
    assert labelled(rules, "giảm đau Paracetam0l 5OOmg x 3 lần/ngày", "LOCATION") == []


def test_a_signature_caption_is_no_occupation(rules):
    assert labelled(rules, "NGƯỜI LẬP BẢNG KÊ       KẾ TOÁN VIỆN PHÍ       XÁC NHẬN CỦA NGƯỜI BỆNH", "PROFESSION") == []
    assert labelled(rules, "Người lập biểu        Trưởng phòng KHTH        Kế toán trưởng        Giám đốc",
                    "PROFESSION") == []
    assert labelled(rules, "Nghề nghiệp: Kế toán    Nơi làm việc: Công ty An Phát", "PROFESSION") == ["Kế toán"]


def test_a_cue_across_a_line_or_a_sentence_names_nothing(rules):
    assert labelled(rules, "Trân trọng giới thiệu người bệnh:\n- Họ và tên: Mạc Thị Huyền", "NAME") == ["Mạc Thị Huyền"]
    assert labelled(rules, "đi phiên chợ ở lại nhà con gái. Đau khớp nhẹ tháng 2", "NAME") == []
    assert labelled(rules, "BS. Lan trực đêm", "NAME") == ["Lan"]


def test_form_headings_are_no_names_or_places(rules):
    assert labelled(rules, "CHƯƠNG TRÌNH CHỐNG LAO QUỐC GIA\nSổ điều trị", "NAME") == []
    assert labelled(rules, "NGƯỜI CÓ THẨM QUYỀN CHUYỂN\nBSCKI Phạm Ngọc Lan", "NAME") == ["Phạm Ngọc Lan"]
    assert labelled(rules, "II. QUAN LY NGUOI BENH\n12. Vào viện: 14/06/2012", "LOCATION") == []
