"""In a text that writes marks and capitalises names, a given name standing alone inside a sentence, capitalised and
marked, is a person ('OCR, Quân chưa sửa', 'crawl 03/12 bởi Quân]', 'gọi qua e Dợ phiên dịch'). Not a department, a
people, a language or a title ('khoa Nhi', 'người Thái', 'tiếng Anh', 'Trưởng khoa'), not a country or a sex ('Nam'),
not an item of a list of capitalised terms (acupoints 'Thận du, Đại trường du'), not at a sentence's start."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_lone_given_name_after_a_comma_and_after_a_word(rules):
    text = ("[hồ sơ scan đợt 2, file yhct_2020_0113.pdf, Khôi chạy OCR ngày 03/12, chưa soát lại bởi Khôi]\n"
            "Bệnh nhân nữ 58 tuổi, đau thắt lưng lan xuống chân trái 2 tuần.")
    assert texts(rules, text, "NAME").count("Khôi") == 2


def test_departments_peoples_languages_and_titles_stay(rules):
    text = ("Bệnh nhi chuyển khoa Nhi lúc 14:00, mẹ là người Thái, nói được tiếng Anh. "
            "ThS.BS Lê Minh Tâm, Trưởng khoa Ngoại, hội chẩn; giới tính: Nam.")
    found = texts(rules, text, "NAME")
    assert not any(w in found for w in ("Nhi", "Thái", "Anh", "Trưởng", "Nam"))


def test_a_list_of_capitalised_acupoints_is_no_name(rules):
    text = "Thủ thuật: điện châm Thận du, Đại trường du, Hoàn khiêu, Ủy trung, Dương lăng tuyền 20 phút/ngày."
    assert texts(rules, text, "NAME") == []
