"""Assertion cues of spoken notes and chats: an answer after the problem (`Ho thì không có`), chat negation (`hk`),
the spoken and dated past (`hồi tháng 3`, `hồi 2021`, a drug stopped `vì` a problem), relatives outside the nuclear
family (`anh họ`, `cậu út`, `má tui`), and `cũ` that dates a scar, not a problem."""
import pytest

import vimednlp


def _attrs(text: str, mention: str) -> set[str]:
    for e in vimednlp.extract(text):
        if e.text == mention:
            return {k for k in ("negated", "uncertain", "historical", "family", "hypothetical") if e.attrs.get(k)}
    raise AssertionError(f"mention not found: {mention}")


@pytest.mark.parametrize("text, mention", [
    ("BS: Có ho không chị? BN: Ho thì không có, chỉ mệt thôi.", "Ho"),
    ("Khó thở cũng không, ăn ngủ được.", "Khó thở"),
    ("dạ con hk sốt nữa, đỡ nhiều rồi", "sốt"),
])
def test_spoken_negation(text, mention):
    assert "negated" in _attrs(text, mention)


@pytest.mark.parametrize("text, mention", [
    ("Hồi tháng 3 ông nằm viện vì viêm phổi, nay ho lại.", "viêm phổi"),
    ("dạ e bị viêm dạ dày hồi 2021, nội soi rồi", "viêm dạ dày"),
    ("Tự mua Amoxicillin uống 2 ngày rồi ngưng vì nổi ban.", "nổi ban"),
])
def test_spoken_and_dated_past(text, mention):
    assert "historical" in _attrs(text, mention)


@pytest.mark.parametrize("text, mention", [
    ("Chị họ bên ngoại hen phế quản, đang xịt thuốc.", "hen phế quản"),
    ("Cậu út thì bị đột quỵ năm ngoái.", "đột quỵ"),
    ("Má tui hồi trước cũng suy thận mà mất.", "suy thận"),
])
def test_relatives_beyond_the_nuclear_family(text, mention):
    assert "family" in _attrs(text, mention)


def test_an_old_scar_does_not_date_the_pain():
    attrs = _attrs("Vào viện ngay khi ra máu hoặc đau vết mổ cũ.", "ra máu")
    assert attrs == {"hypothetical"}


@pytest.mark.parametrize("text, mention", [
    ("BS: Nghe cháu tả thì cô nghĩ nhiều là viêm ruột thừa, cháu vào viện ngay nhé.", "viêm ruột thừa"),
    ("Con đọc trên mạng thấy giống bệnh lupus quá bác sĩ ơi.", "bệnh lupus"),
])
def test_an_opinion_voiced_in_a_chat_is_uncertain(text, mention):
    assert "uncertain" in _attrs(text, mention)


@pytest.mark.parametrize("text, term", [
    ("dau bung thi hinh nhu co chut chut ben phai", "dau bung"),
    ("Bà Sáu: Đau ngực thì hình như có, tức tức.", "Đau ngực"),
])
def test_a_hedge_said_after_the_problem_makes_it_uncertain(text, term):
    got = {s.text: s for s in vimednlp.extract(text)}
    assert got[term].attrs["uncertain"] and not got[term].attrs["negated"]
