"""Words that open an organisation's or a venue's name only when they stand alone: 'bộ' (ministry) and 'vụ' (a
ministry's department) closing a compound with the word before ('cán bộ' an official, 'đi bộ' walking, 'dịch vụ'
a service), a bank's name stopping before the account after it ('chủ TK', 'STK'), and 'cho' typed without marks
after a subject, a negation or before a title ('BS cho Calcium', 'cho chị Ka Giang'): the verb, no market (chợ)."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_official_is_no_ministry(rules):
    text = "Người lập: Cầm Thị Hoa (cán bộ OPC), ĐT 0215 3812 447. Liên hệ cán bộ LĐTBXH phường: chị Lò Thị Bích."
    orgs = texts(rules, text, "ORGANIZATION")
    assert not any("bộ" in o for o in orgs)
    assert "Cầm Thị Hoa" in texts(rules, text, "NAME")


def test_walking_and_services_are_no_organisations(rules):
    assert not any("bộ" in o for o in texts(rules, "Đau gối trái sau khi đi bộ Hồ Tây sáng nay.", "ORGANIZATION"))
    orgs = texts(rules, "BẢNG KÊ CHI PHÍ KCB BHYT NGOẠI TRÚ – DỊCH VỤ YHCT – THÁNG 11/2026", "ORGANIZATION")
    assert not any("VỤ" in o for o in orgs)


def test_ministry_still_an_organisation(rules):
    assert any("Bộ Y tế" in o for o in texts(rules, "Theo hướng dẫn của Bộ Y tế năm 2025.", "ORGANIZATION"))


def test_bank_name_stops_before_account_holder(rules):
    text = "Mọi người giúp đỡ qua STK 106870452213 Vietinbank chủ TK NONG THI DON, xin cảm ơn."
    orgs = texts(rules, text, "ORGANIZATION")
    assert not any("TK" in o or "chủ" in o for o in orgs)


def test_unmarked_cho_as_a_verb_is_no_market(rules):
    for text in ("phospho thang roi hoi cao, BS cho Calcium carbonate 500mg x 3 lan",
                 "a gui giay ra vien qua zalo cho chi Ka Giang o tram roi",
                 "ba bau thi ko cho Primaquine nha"):
        assert not any(s.startswith("cho") for s in texts(rules, text, "LOCATION")), text


def test_unmarked_market_still_a_place(rules):
    locs = texts(rules, "hom qua co 1 ba ben kia sang kham o cho Ta Lung roi ve", "LOCATION")
    assert any("Ta Lung" in s for s in locs)


def test_unmarked_tiem_as_an_injection_is_no_shop(rules):
    for text in ("thu 3 e mang be ra tiem 5 trong 1 dc k c", "chau 3 tuoi chac tiem bu DPT vs VNNB nha"):
        assert texts(rules, text, "LOCATION") == [], text


def test_unmarked_shop_with_a_name_stays(rules):
    assert any("Hong Phuc" in s for s in texts(rules, "mua o tiem thuoc Hong Phuc roi", "LOCATION"))


def test_emphasis_in_capitals_names_no_hospital(rules):
    text = "Bệnh viện cảm ơn mọi người. Bệnh viện KHÔNG nhận chuyển khoản cá nhân."
    assert texts(rules, text, "ORGANIZATION") == []
    assert "TRƯỜNG ĐẠI HỌC Y VÀ DƯỢC HUẾ" in texts(rules, "Sinh viên TRƯỜNG ĐẠI HỌC Y VÀ DƯỢC HUẾ ạ", "ORGANIZATION")


def test_tablet_unit_column_is_no_institute(rules):
    text = "Amoxicilin 500mg\tvien\t184\t1.150\t211.600\nParacetamol 500mg\tvien\t312\t220\t68.640"
    assert texts(rules, text, "ORGANIZATION") == []
    assert texts(rules, "chuyen len bv phoi trung uong roi", "ORGANIZATION") == ["bv phoi trung uong"]


def test_next_field_label_ends_a_clinic_name(rules):
    text = "Nơi ĐK KCB ban đầu: Trạm Y tế xã Sơn Bình Mã: 56O61\nĐến khám: 14 giờ"
    assert "Trạm Y tế xã Sơn Bình" in texts(rules, text, "ORGANIZATION")
