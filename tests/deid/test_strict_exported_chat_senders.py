"""The strict profile's exported chats (Zalo, Messenger exports): a line holding only the sender and the message's
date and time opens each message; the sender's words go as a name whatever they are as words ('Mai', 'Quang', 'Sen'
are ordinary words too), the time goes as a date, and a known abbreviation of the sender's post ('TYT') stays. A
timetable or a drug chart, where header lines follow each other with no message, is no chat."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans


def removed(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, [])]


def test_strict_removes_exported_chat_senders_and_times():
    text = ("nhom zalo tram y te\n\n"
            "Sen Quang TYT  14/11 07:42\nsang nay ca nha nho mang so tiem cho be nhe\n\n"
            "Mai Lo  14/11 07:50\nda c, be nha e con ho co tiem dc k\n\n"
            "Sen Quang TYT  14/11 08:03\nho nhe k sot van tiem dc e\n")
    out = removed(text)
    assert out.count("Sen") == 2 and out.count("Quang") == 2 and "Mai" in out and "Lo" in out
    assert "14/11 07:50" in out and "14/11 08:03" in out
    assert "TYT" not in out


def test_strict_keeps_a_timetable_with_times_on_each_line():
    text = "Lịch uống thuốc của bé\nSáng 08:00\nChiều 14:00\nSáng 08:00\nTối 20:00\n"
    assert removed(text) == []


def test_strict_needs_a_recurring_sender_for_an_exported_chat():
    text = "Khám lại\nThay băng 09:30\nvết mổ khô\n\nCắt chỉ 10:15\nvết mổ liền tốt\n"
    assert not any(w in removed(text) for w in ("Thay", "băng", "Cắt", "chỉ"))
