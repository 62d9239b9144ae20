"""Whole families of signs a new writer uses (motor signs of parkinsonism, psychiatric risk, obstetric warning signs,
tongue and pulse of traditional medicine, dental findings, English symptoms) and lab tables whose rows are in
capitals: a row with a value in its own column is a table row, not a form title."""
import pytest

import vimednlp


def _found(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in vimednlp.extract(text)}


@pytest.mark.parametrize("text, label, mention", [
    ("Ông cụ 72 tuổi, 1 năm nay đi lại chậm, hay vấp ngã trong nhà.", "SYMPTOM", "đi lại chậm"),
    ("Con gái kể mặt bố ít biểu cảm, chữ viết nhỏ dần từ đầu năm.", "SYMPTOM", "chữ viết nhỏ dần"),
    ("Khám tâm thần: còn ý nghĩ tự tử thoáng qua, chưa có kế hoạch.", "SYMPTOM", "ý nghĩ tự tử"),
    ("Ngủ 4 tiếng, thức giấc sớm lúc 3h, không ngủ lại được.", "SYMPTOM", "thức giấc sớm"),
    ("Thai 36 tuần, sản phụ thấy thai máy yếu từ chiều qua.", "SYMPTOM", "thai máy yếu"),
    ("Vọng chẩn: lưỡi đỏ, rêu vàng dày. Thiết chẩn: mạch huyền sác.", "SYMPTOM", "mạch huyền sác"),
    ("R36: lợi sưng đỏ, túi nha chu 5 mm, nhiều vôi răng.", "SYMPTOM", "túi nha chu"),
    ("CC: fever 5 days, myalgia, no cough.", "SYMPTOM", "myalgia"),
    ("Khám: nghiệm pháp Lasègue chân P dương tính 40°.", "TEST", "Lasègue"),
    ("Bệnh nhân nam 48 tuổi, chẩn đoán rối loạn sử dụng rượu, đang cai.", "DISEASE", "rối loạn sử dụng rượu"),
])
def test_sign_families_are_found(text, label, mention):
    # the span may carry its site or side (`nghiệm pháp Lasègue chân`): the mention must lie inside one span
    assert any(lab == label and mention in span for lab, span in _found(text))


def test_table_rows_in_capitals_keep_their_tests():
    text = ("HUYẾT HỌC\n"
            "Tên xét nghiệm      Kết quả     Trị số bình thường    Đơn vị\n"
            "WBC                 12,4   H    4,0 - 10,0            G/L\n"
            "PLT                 98     L    150 - 400             G/L\n")
    found = _found(text)
    assert ("TEST", "WBC") in found and ("TEST", "PLT") in found
    assert ("RESULT", "12,4") in found


def test_a_title_in_capitals_still_holds_no_test():
    found = _found("KẾT QUẢ SIÊU ÂM Ổ BỤNG\nGan không to, nhu mô đều.")
    assert not any(label == "TEST" for label, _ in found)
