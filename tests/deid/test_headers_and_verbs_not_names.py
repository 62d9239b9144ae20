"""Words that look like a one-word name but are a column header ('NS' = năm sinh), a department after a title
('BS Sản'), a customer abbreviation ('KH'), a language ('Vietnamese'), a people ('Churu', "K'Ho") or a verb typed
in lower case after a pronoun in a transcript ('em tính đi', 'chị kê thêm', 'anh lưu số'): no NAME."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_department_customer_and_language_words_are_no_names(rules):
    text = ("Bà cần trao đổi thêm với BS Sản trước khi uống.\n"
            "ghi chú: mẹ KH là bà Đinh Thị Hoa, 61 tuổi.\n"
            "Her husband Tuấn (Vietnamese, 33) says she feels better.\n"
            "Người phiên dịch (Churu) đi cùng.")
    names = texts(rules, text, "NAME")
    assert "Đinh Thị Hoa" in names
    assert not any(w in names for w in ("Sản", "KH", "Vietnamese", "Churu"))


def test_lower_case_verbs_after_a_pronoun_are_no_names(rules):
    text = ("dạ em tính đi khám lại tuần sau chị ạ\n"
            "bác sĩ hỏi xong thì chị kê thêm ô mê pra zôn nhé\n"
            "anh lưu số em lại nha")
    names = texts(rules, text, "NAME")
    assert not any(w in names for w in ("tính", "kê", "lưu"))


def test_department_after_an_em_dash_in_a_letterhead_is_no_name(rules):
    # 'KHOA NHI' reads as surname + given name; after the em dash of a letterhead it is the department
    text = ("TRUNG TÂM Y TẾ KHU VỰC SƠN HÀ — KHOA NHI\nPHIẾU KHÁM VÀ CHUYỂN TUYẾN\n"
            "Chuyển đến: khoa Nhi tổng hợp, Bệnh viện Đa khoa tỉnh.\n")
    names = texts(rules, text, "NAME")
    assert not any("NHI" in n or "Nhi" in n for n in names)
