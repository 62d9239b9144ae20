"""The strict profile on transcripts whose speakers open their lines without a colon: a lower-case word that
opens two lines or more, each time before the first word a speaker says ('alo', 'dạ', 'ừ'), is the speaker's name
even when it is an ordinary word; roles and kinship words at line start stay."""
from __future__ import annotations

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
