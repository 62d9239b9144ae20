"""The strict profile and a chat speaker's display name as chat exports write it: the message's date and clock time
before the name without brackets ('04/12 21:10 Thu Hien:'), a country flag after the name (it tells where the
sender lives, so it goes with the name), the name of the sender's workplace joined by ' - ' (the whole display
name goes), and a staff title in capitals before the name ('ĐD Xuân:'), which stays. Another emoji stays."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans

CHAT = ("04/12 21:10 Thu Hien 🇰🇷: chi oi me em uong thuoc roi\n"
        "04/12 21:12 Bao Tram - Nha Thuoc Song Hau: da em, nho do duong huyet nhe\n"
        "04/12 21:15 Thu Hien 🇰🇷: dạ em nhớ rồi\n"
        "04/12 21:20 Bao Tram - Nha Thuoc Song Hau: ok em\n")


def removed_text(text: str) -> str:
    return " ".join(s.text for s in strict_spans(text, []))


def test_strict_removes_a_speaker_after_an_unbracketed_date_and_time():
    got = removed_text(CHAT)
    assert "Thu" in got and "Hien" in got and "Bao" in got and "Tram" in got


def test_strict_removes_a_flag_after_the_speakers_name():
    assert "🇰🇷" in removed_text(CHAT)


def test_strict_removes_the_workplace_joined_to_the_speakers_name():
    spans = strict_spans(CHAT, [])
    line = CHAT.splitlines()[1]
    start = CHAT.index(line)
    name = line[len("04/12 21:12 "):line.index(":", 12)]
    covered = {i for s in spans for i in range(s.start, s.end)}
    assert all(start + len("04/12 21:12 ") + k in covered for k, ch in enumerate(name) if not ch.isspace())


def test_strict_keeps_another_emoji_and_a_staff_title_before_the_name():
    text = ("06:40 ĐD Quyên: chào chị, hôm nay bé còn sốt không\n"
            "06:45 Mai Chi 🌼: dạ còn sốt nhẹ ạ\n"
            "06:50 ĐD Quyên: chị cho bé uống hạ sốt nhé\n"
            "06:52 Mai Chi 🌼: dạ vâng\n")
    got = removed_text(text)
    assert "Quyên" in got and "Mai" in got and "Chi" in got
    assert "ĐD" not in got and "🌼" not in got
