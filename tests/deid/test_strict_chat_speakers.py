"""The strict profile's chat speakers: a numbered form field ('(3) Mã thẻ BHYT:') is no chat line, a field label
said twice that starts with a form phrase ('Mã số thuế:') stays, and a role or abbreviation in lower case inside
a speaker ('dd khue opc 06:58:') stays while the name goes."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans


def removed(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, [])]


def test_strict_keeps_numbered_form_fields_in_a_chat_like_card():
    text = ("(3) Mã thẻ BHYT: \n(4) Nơi đăng ký KCB: \n(8) Mức hưởng: 100%\n"
            "(3) Mã thẻ BHYT: \n(4) Nơi đăng ký KCB: \n(8) Mức hưởng: 80%")
    assert removed(text) == []


def test_strict_keeps_a_label_starting_with_a_form_phrase_said_twice():
    text = "Mã số thuế: \nĐịa chỉ: \nMã số thuế: \nĐịa chỉ: "
    assert removed(text) == []


def test_strict_removes_the_name_but_not_the_role_of_a_chat_speaker():
    text = ("dd khue opc 06:58: chao em. bo con ho k\n"
            "sung a tua 07:22: da. ho co sao k co\n"
            "dd khue opc 07:26: ho tren 2 tuan thi di kham nhe")
    out = removed(text)
    assert "khue" in out and "dd" not in out
    assert any("sung" in w for w in out)


def test_strict_removes_a_speaker_and_time_with_an_emoji_after_a_space():
    text = ("[08:12] Rahlan 🌻: chi oi me em sang nay sot lai\n"
            "[08:15] Y tá Hằng: em cho me uong thuoc ha sot chua\n"
            "[08:21] Rahlan 🌻: da roi a, gio con 38 do\n")
    spans = strict_spans(text, [])
    got = [s.text for s in spans]
    assert "08:12" in got and "08:21" in got
    assert any(s.label == "NAME" and s.text.startswith("Rahlan") for s in spans)
    assert not any("🌻" in s.text for s in spans)


def test_strict_keeps_a_heading_with_a_symbol_after_it():
    text = "Chẩn đoán ✓: viêm phổi\nĐiều trị ✓: kháng sinh\n"
    assert removed(text) == []


def test_strict_removes_a_speaker_whose_time_carries_the_day():
    text = ("Ba (19:02 08/12): may uong thuoc gi day\n"
            "Ratha (19:05 08/12): thuoc phong thoi ba\n"
            "Chau Sophal (20:14 08/12): anh oi em hoi chut\n")
    got = " ".join(removed(text))
    assert "Chau" in got and "Sophal" in got


def test_strict_keeps_a_kinship_word_alone_as_a_speaker_role():
    text = ("Ba: phong gi ma phai uong\n"
            "Lim Dara: thuoc phong thoi ba\n"
            "Ba: vay thi duoc\n"
            "Lim Dara: dung roi\n")
    got = removed(text)
    assert "Ba" not in got and any("Dara" in s for s in got)


def test_strict_removes_a_speaker_after_the_message_time_and_day():
    # (an export that writes the clock time before the day: '20:12 04/12/2026 thảo ds:')
    text = ("20:12 04/12/2026 thảo ds: ae check giúp c vụ khách phản hồi\n"
            "20:26 04/12/2026 thảo ds: ok, k phải bán nhầm\n"
            "20:41 04/12/2026 trang cskh: e gọi rồi ạ\n")
    got = " ".join(removed(text))
    assert "thảo" in got and "trang" in got
