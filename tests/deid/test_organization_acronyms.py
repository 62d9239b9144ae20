"""An acronym given to an organisation in brackets where it is first named is that organisation wherever the note
writes it alone; a clinical abbreviation in brackets, a disease's short name and a code built on the acronym are not."""
from __future__ import annotations

from tests.deid.helpers import texts

LETTER = ("THƯ GIỚI THIỆU — Mekong Rural Eye Foundation (MREF)\n"
          "Kính gửi khoa Mắt, Bệnh viện Đa khoa tỉnh Kon Tum.\n"
          "Chương trình mổ đục thủy tinh thể miễn phí của MREF nhận bệnh nhân từ các xã vùng sâu; MREF chi trả "
          "tiền xe và tiền ăn cho người nhà, mã hồ sơ MREF-KT-2026-077.\n"
          "Bệnh nhân có tiền sử bệnh phổi tắc nghẽn mạn tính (COPD), đã khám tại phòng khám ngoại trú (OPD).\n")


def test_acronym_defined_after_an_organisation_is_found_everywhere(rules):
    orgs = texts(rules, LETTER, "ORGANIZATION")
    assert orgs.count("MREF") >= 3  # in brackets, then twice alone


def test_clinical_abbreviations_and_codes_are_not_taken_as_the_organisation(rules):
    spans = rules.analyze(LETTER)
    assert not any(s.text in ("COPD", "OPD") and s.label == "ORGANIZATION" for s in spans)
    code = LETTER.index("MREF-KT")
    assert not any(s.label == "ORGANIZATION" and s.start <= code < s.end for s in spans)


def test_acronym_in_brackets_after_no_organisation_is_left(rules):
    text = ("Chẩn đoán: hội chứng suy hô hấp cấp tiến triển (ARDS) trên nền viêm phổi; theo dõi SpO2 liên tục, "
            "hội chẩn khoa Hồi sức tích cực (HSTC) chiều nay.")
    assert texts(rules, text, "ORGANIZATION") == []


def test_acronym_after_goi_tat_la_in_brackets(rules):
    text = ("Giấy xác nhận: Trung tâm Hỗ trợ Cộng đồng Tây Nguyên (gọi tắt là TNCS) đã nhận hồ sơ của bệnh nhân; "
            "TNCS sẽ liên hệ gia đình trong tuần.")
    assert texts(rules, text, "ORGANIZATION").count("TNCS") == 2


def test_acronym_never_spelled_out_is_an_organisation_where_it_supports_or_pays(rules):
    text = ("Phiếu khám răng - bệnh nhi Siu Y Lơ, 7 tuổi. Đi kèm: mẹ (hồ sơ VHSF, chương trình nha học đường).\n"
            "Chi phí: 980.000đ, VHSF hỗ trợ 60% (phiếu VHSF-RM-0712), BHYT chi trả phần còn lại.\n"
            "Lần sau nhờ VHSF chi tiền xe cho hai mẹ con.")
    spans = rules.analyze(text)
    orgs = [s.text for s in spans if s.label == "ORGANIZATION"]
    assert orgs.count("VHSF") == 3  # in brackets with no name before it, before 'hỗ trợ', after 'nhờ'
    assert any(s.text == "VHSF-RM-0712" and s.label == "ID" for s in spans)
    assert "BHYT" not in orgs  # the health insurance, an administrative abbreviation


def test_clinical_acronyms_before_support_words_are_not_organisations(rules):
    text = ("Bệnh nhân điều trị ARV phác đồ TLD; RUTF hỗ trợ tăng cân tốt, CPAP hỗ trợ thở đêm qua. "
            "Nhờ ĐD trực theo dõi SpO2.")
    assert texts(rules, text, "ORGANIZATION") == []
