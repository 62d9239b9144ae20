"""The strict profile on transcripts whose speakers open their lines without a colon: a lower-case word that
opens two lines or more, each time before the first word a speaker says ('alo', 'dạ', 'ừ'), is the speaker's name
even when it is an ordinary word; roles and kinship words at line start stay."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def line_starts(text: str, word: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(word + " ", i) and (i == 0 or text[i - 1] == "\n")]


def test_strict_removes_a_speaker_that_opens_lines_before_a_particle():
    text = ("trung tâm y tế huyện gọi lại sau ra viện\n"
            "thương alo chị ơi chị có nghe rõ không ạ\n"
            "chị hiền ờ nghe rõ rồi em\n"
            "thương dạ chị đọc giúp em số thẻ bảo hiểm\n"
            "thương dạ em hẹn chị thứ hai lên tái khám nhé")
    spans = strict_spans(text, [])
    for i in line_starts(text, "thương"):
        assert any(s.start <= i < s.end and s.label == "NAME" for s in spans)


def test_strict_the_speaker_said_again_after_a_kinship_word_goes_too():
    text = "thất alo anh ơi\nthất dạ anh đọc giúp em số điện thoại\nngười nhà ừ cảm ơn em thất nhé"
    last = text.rindex("thất")
    assert any(s.start <= last < s.end for s in strict_spans(text, []))


def test_strict_keeps_roles_and_a_word_said_once_at_line_start():
    text = ("bác sĩ nói chào anh\nbác sĩ nói anh đọc giúp tôi số thẻ\n"
            "người nhà dạ vâng\nngười nhà dạ được ạ\n"
            "sốt dạ từ hôm qua")
    assert not any(s.label == "NAME" for s in strict_spans(text, []))


def test_strict_a_speaker_after_a_chat_prefix_opens_the_line_too():
    # a call transcript pasted into a chat: the speaker's name comes after the chat sender and ':'
    text = ("💬 hy nguyen: tủa alo chị triệu thanh thiền phải không ạ\n"
            "💬 hy nguyen: tủa dạ chị đọc giúp em số căn cước")
    spans = strict_spans(text, [])
    for i in [k for k in range(len(text)) if text.startswith("tủa ", k)]:
        assert any(s.start <= i < s.end for s in spans)


def test_strict_no_speaker_inside_a_clinical_phrase():
    text = "Chẩn đoán:\nviêm dạ dày cấp\nviêm dạ dày trào ngược"
    assert strict_spans(text, []) == []


@pytest.mark.parametrize("text, name", [
    ("alo dạ em chào chị em là tiểu ở phòng công tác xã hội bệnh viện", "tiểu"),
    ("dạ tôi là khuyên bên trạm y tế xã gọi hỏi thăm bác", "khuyên"),
    ("alo cô ơi em là sa ly đây ạ", "sa ly"),
])
def test_strict_removes_the_name_of_a_self_introduction(text, name):
    start = text.index(" " + name + " ") + 1
    assert any(s.start <= start and start + len(name) <= s.end for s in strict_spans(text, []))


@pytest.mark.parametrize("text", [
    "dạ em là giáo viên ở trường tiểu học xã",
    "tôi là bác sĩ ở khoa cấp cứu",
    "em là con gái bác ở nhà với bác",
    "chị là người nhà đây ạ",
])
def test_strict_keeps_roles_and_professions_of_a_self_introduction(text):
    assert not any(s.label == "NAME" for s in strict_spans(text, []))


def test_strict_a_speaker_after_a_kinship_word_at_line_start():
    text = ("trung tâm y tế hỏi thăm anh sau hôm ra viện\n"
            "anh sinh ờ đúng rồi em ơi tay đỡ đau rồi\n"
            "dạ anh đọc giúp em số căn cước\n"
            "anh sinh à để anh tìm\n")
    spans = strict_spans(text, [])
    for i in [k for k in range(len(text)) if text.startswith("sinh ", k)]:
        assert any(s.start <= i < s.end for s in spans)
    assert not any(s.start <= text.index("anh sinh") < s.end for s in spans)  # the kinship word stays


def test_strict_keeps_a_kinship_phrase_at_line_start():
    text = "anh trai dạ vâng\nanh trai ừ để em hỏi\nchị ấy à"
    assert strict_spans(text, []) == []


@pytest.mark.parametrize("text, name", [
    ("người nhà ừ cảm ơn em thương nhé", "thương"),
    ("dạ cám ơn cô kim nha, mai em lên", "kim"),
])
def test_strict_removes_the_name_of_the_one_thanked(text, name):
    i = text.index(" " + name + " ") + 1
    assert any(s.start <= i < s.end for s in strict_spans(text, []))


def test_strict_keeps_a_thanks_without_a_name():
    assert strict_spans("dạ em cảm ơn em nhiều nhé, cảm ơn chị luôn nha", []) == []
