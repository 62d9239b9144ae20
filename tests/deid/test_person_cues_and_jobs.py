"""Person cues and occupations as data (resources/deid/cues.json): a kinship word + 'là' introducing oneself or a
relative ('chị là ...', 'anh là ...'), and occupations of rural and upland work (machine operators, tea and coffee
pickers, village heads) in Vietnamese and English."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_kinship_word_then_la_introduces_a_name_in_a_lower_case_transcript(rules):
    text = ("bản ghi cuộc gọi người nói một alo em chào chị ạ em ở trạm y tế xã gọi hỏi thăm người nói hai ừ chào em "
            "chị là mlưng mẹ của bé đây hôm qua bé sốt cao lắm anh là dơng bố bé đi rẫy chưa về em ạ")
    names = texts(rules, text, "NAME")
    assert "mlưng" in names


def test_occupations_of_upland_work(rules):
    text = ("Người nhà: chồng là Hoàng Văn Sính, lái máy xúc cho mỏ đá; bà nội Lò Thị Ươi, trưởng bản Nà Lốc. "
            "Trước đây bệnh nhân làm công nhân hái chè ở nông trường, nay ở nhà.\n"
            "Father: Rơ Mah Y Bliu, 41 yo, seasonal coffee picker.")
    jobs = texts(rules, text, "PROFESSION")
    assert any("lái máy xúc" in j for j in jobs)
    assert any("trưởng bản" in j for j in jobs)
    assert any("công nhân hái chè" in j for j in jobs)
    assert any("coffee picker" in j for j in jobs)


def test_roles_of_programmes_interpreters_and_drivers_call_a_name(rules):
    text = ("Bé nhận sữa điều trị của chương trình dinh dưỡng; phụ trách chương trình Patrick Dunne gọi lại thứ Hai. "
            "Đã báo phiên dịch Hlơi đón ở cổng.\nContacts: HHF program manager Olivia Brennan, RN; social worker "
            "Tran Thi Hoa.")
    names = texts(rules, text, "NAME")
    for who in ("Patrick Dunne", "Hlơi", "Olivia Brennan", "Tran Thi Hoa"):
        assert who in names
    lower = ("bản ghi cuộc gọi người nói một chị ơi tiền xe về làng thì bên chương trình duyệt rồi tài xế rơ lan y "
             "kliêng đón lúc hai giờ chiều nhé người nói hai dạ vâng em cảm ơn chị nhiều lắm em sẽ báo lại cho bố em")
    assert "rơ lan y kliêng" in " ".join(texts(rules, lower, "NAME"))


def test_a_role_word_without_a_name_after_it_calls_no_one(rules):
    text = ("Cần phiên dịch tiếng Gia Rai cho buổi tư vấn. The program manager said the volunteer team will call. "
            "Tài xế đã chờ ở cổng.")
    assert texts(rules, text, "NAME") == []
