"""Advice that tells a condition before its consequence: problems before `thì` / an arrow and an escalation."""

from vimednlp.clinical.extractor import extract


def _attrs(text, mention):
    for s in extract(text):
        if s.text.startswith(mention):
            return s.attrs
    raise AssertionError(f"{mention!r} not found")


def test_problems_before_thi_and_a_call_are_hypothetical():
    text = "BS: Tối nay mà ông khó thở, môi tím hay đau ngực thì chị gọi 115 ngay nha."
    assert _attrs(text, "môi tím").get("hypothetical")
    assert _attrs(text, "đau ngực").get("hypothetical")


def test_problem_before_an_arrow_and_a_report_is_hypothetical():
    assert _attrs("Y lệnh: truyền 1 đv HC. Nôn máu lại -> báo trực.", "Nôn máu").get("hypothetical")


def test_a_treatment_after_thi_is_no_condition():
    assert not _attrs("Đau lưng thì tạm dùng Paracetamol 500mg.", "Đau lưng").get("hypothetical")


def test_an_open_question_inside_advice_stays_a_doubt():
    from vimednlp.clinical import extract

    a = {s.text: s.attrs for s in extract("Levofloxacin: tránh dùng khi chưa loại trừ lao phổi. "
                                          "Giảm liều dần, không thì có thể quá liều.")
         if s.label == "DISEASE"}
    assert a["lao phổi"]["uncertain"] and not a["lao phổi"]["hypothetical"]
    assert a["quá liều"]["hypothetical"] and not a["quá liều"]["uncertain"]
