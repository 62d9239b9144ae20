"""A voice message or speech-to-text transcript typed all in lower case with its marks, pasted under a capitalised
header and above a capitalised note, is read as lower-case text where it stands: an organisation's head and a known
place in lower case, a place after a place word, a given name after a title. The capitalised lines around it keep the
ordinary rules, and a note in sentence case has no such stretch."""
from __future__ import annotations

from tests.deid.helpers import texts
from vimednlp.deid.recognizers import Context
from vimednlp.deid.recognizers.names import lower_segments

HEADER = "Zalo · Lò Thị Hoa → BS Quàng Văn Tính khoa Nhi\nTin nhắn thoại 1 (1:20) · 20:15 04/12/2026 · Chuyển thành văn bản:\n"
VOICE = ("alo em chào bác sĩ ạ em là hoa y tế thôn bản đây cháu bé nhà anh lù a chớ sốt ba ngày rồi ăn kém nôn nhiều "
         "em định sáng mai gọi xe chở cháu xuống trung tâm y tế mường tè nếu nặng thì lên bệnh viện đa khoa lai châu "
         "bố cháu đang đi làm ở điện biên chưa về được bác sĩ khánh dặn gì thì nhắn em nhé\n")
FOOTER = "Ghi chú của BS Tính: đã gọi lại lúc 20:40, hẹn khám sáng 05/12/2026 tại khoa Nhi."
NOTE = HEADER + VOICE + FOOTER


def test_lower_case_organisations_in_the_transcript(rules):
    found = texts(rules, NOTE, "ORGANIZATION")
    assert "trung tâm y tế mường tè" in found and "bệnh viện đa khoa lai châu" in found


def test_lower_case_place_after_a_place_word(rules):
    assert "điện biên" in texts(rules, NOTE, "LOCATION")


def test_given_name_after_a_title_in_the_transcript(rules):
    assert "khánh" in texts(rules, NOTE, "NAME")


def test_verb_after_a_pronoun_is_no_name(rules):
    assert "định" not in texts(rules, NOTE, "NAME")


def test_only_the_lower_case_stretch_is_flagged():
    ctx = Context(NOTE)
    flags = lower_segments(ctx)
    inside = [flags[i] for i, t in enumerate(ctx.tokens) if len(HEADER) <= t.start < len(HEADER) + len(VOICE)]
    outside = [flags[i] for i, t in enumerate(ctx.tokens) if t.start < len(HEADER) or t.start >= len(HEADER) + len(VOICE)]
    assert all(inside) and not any(outside)


def test_sentence_case_note_has_no_lower_case_stretch():
    text = ("Bệnh nhân nam 54 tuổi vào viện vì đau ngực trái. Tiền sử tăng huyết áp 10 năm, điều trị không đều. "
            "Khám: tim đều, phổi không ran. Điện tâm đồ ST chênh lên. Chẩn đoán nhồi máu cơ tim cấp.")
    assert not any(lower_segments(Context(text)))
