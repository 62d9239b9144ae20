"""Fixes found on batches 9 and 10 of hand-written development notes (names, places, organisations and
occupations). Sentences written for these tests, not copied from any note."""
from __future__ import annotations

from .helpers import texts


def test_occupation_field_listing_two_jobs(rules):
    assert texts(rules, "Nghề nghiệp: làm rẫy, nuôi ong\nĐịa chỉ: bản Nà Sự", "PROFESSION") == ["làm rẫy, nuôi ong"]
    got = texts(rules, "Nghe nghiep: cong nhan, chay xe om     BHYT: GD4797920104533", "PROFESSION")
    assert got == ["cong nhan, chay xe om"]
    # a number after the comma is no second job
    assert texts(rules, "Nghề nghiệp: hưu trí, 3 con\n", "PROFESSION") == ["hưu trí"]


def test_occupation_words_after_a_person(rules):
    text = "Chồng: Lâm Văn Hậu, thợ hồ. Thẻ BHYT: GD4797920104533"
    assert "thợ hồ" in texts(rules, text, "PROFESSION") and texts(rules, text, "LOCATION") == []
    assert texts(rules, "Mẹ: Đỗ Thị Hạnh, 31t, bán hàng online; ĐT 0912 345 678", "PROFESSION") == ["bán hàng online"]
    assert texts(rules, "ông Lại Văn Tư 58t, bảo vệ Công ty TNHH Minh Long", "PROFESSION") == ["bảo vệ"]
    assert texts(rules, "Chị là giáo viên tiểu học bên trường Kim Đồng.", "PROFESSION") == ["giáo viên tiểu học"]
    assert texts(rules, "Nơi làm: Công ty May Sông Hồng - công nhân may áo khoác", "PROFESSION") == ["công nhân may áo khoác"]


def test_role_labels_are_no_occupation(rules):
    chat = "Lễ tân - Minh Thư 09:15: Dạ phòng khám chào anh ạ.\n"
    assert texts(rules, chat, "PROFESSION") == []
    assert texts(rules, "DƯỢC SĨ PHÁT THUỐC: NGÔ VĂN TÙNG\n", "PROFESSION") == []
    # 'tho may' without marks after a tube is ventilation ('thở máy'), not a tailor
    assert texts(rules, "bn da dat NKQ tho may, an than", "PROFESSION") == []


def test_chat_speaker_with_the_time_after_the_handle(rules):
    chat = ("hong nhung 07:41: bs oi chau nha e sot tu toi qua\n"
            "bs khanh 07:50: chau may tuoi roi e?\n"
            "hong nhung 07:52: da 2t a\n"
            "hong nhung 07:53: chau bu it lam bs\n")
    assert texts(rules, chat, "NAME").count("hong nhung") == 3
    # the staff member's role before a dash stays outside the name
    chat = ("Trâm Anh 20:10: Em muốn đặt lịch khám ạ.\n"
            "Lễ tân - Kiều Oanh 20:12: Dạ chị cho em xin họ tên ạ.\n"
            "Trâm Anh 20:13: Dạ em gửi ạ.\n"
            "Lễ tân - Kiều Oanh 20:15: Dạ em cảm ơn chị.\n")
    got = texts(rules, chat, "NAME")
    assert got.count("Kiều Oanh") == 2 and not any("Lễ" in g for g in got)
    # times on a nursing sheet are no speakers
    sheet = "Sáng 08:00: mạch 80\nChiều 14:00: mạch 86\nTối 20:00: mạch 90\n"
    assert texts(rules, sheet, "NAME") == []


def test_lower_case_name_after_ten(rules):
    text = "chao bs, con e ten tran minh bao, 4t, ho 3 ngay nay. chong e ten tai, sdt 0912 345 678"
    got = texts(rules, text, "NAME")
    assert "tran minh bao" in got and "tai" in got
    assert texts(rules, "be van con tho nhanh lam bs, bu it", "NAME") == []


def test_names_past_the_lexicons_and_initials(rules):
    # an upper-case name filling a field ends on a syllable the lexicons lack or hold as a word
    got = texts(rules, "Họ tên người bệnh: LÂM THỊ SA RÊN     Tuổi: 47     Nữ", "NAME")
    assert got == ["LÂM THỊ SA RÊN"]
    got = texts(rules, "Người liên hệ: CHỒNG - Y BLIM NIÊ; CON - H' NGUYỆT NIÊ, CÙNG ĐỊA CHỈ", "NAME")
    assert "H' NGUYỆT NIÊ" in got
    sheet = "Giờ | M | HA | ĐD ký\n8h | 90 | 120/70 | L.T. Thảo\n14h | 88 | 115/70 | Lò Văn Sinh\n"
    assert "L.T. Thảo" in texts(rules, sheet, "NAME")


def test_form_words_that_look_like_names(rules):
    text = "PHIẾU CÔNG KHAI THUỐC\nĐD hành chính: Lương Thị Nga\nNgười nhà đã được công khai thuốc."
    assert texts(rules, text, "NAME") == ["Lương Thị Nga"]


def test_address_unit_before_a_colon_is_a_label(rules):
    text = "Địa chỉ: Số nhà: 27/5   Thôn, phố: hẻm 12 Lê Lợi   Xã, phường: Phường 7\n"
    got = texts(rules, text, "LOCATION")
    assert got and not any(g.startswith(("Số nhà", "phường:", "phố:")) for g in got)
    assert any(g.startswith("Phường 7") or g.endswith("Phường 7") for g in got)


def test_place_of_a_document_date_line(rules):
    text = "TRẠM Y TẾ XÃ AN THẠNH                    Cẩm Giang, ngày 12/8/2025\nBÁO CÁO NHANH CA BỆNH"
    assert "Cẩm Giang" in texts(rules, text, "LOCATION")
    assert texts(rules, "Thứ Ba, ngày 14/4/2026 bệnh nhân tái khám.", "LOCATION") == []
