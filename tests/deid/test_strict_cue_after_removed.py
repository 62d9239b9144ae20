"""The strict profile after a cue whose name or place the default detector removed already: a lower-case name
after a person cue goes on only with a personal prefix and its name ('anh giàng | a dế'), not with the next
ordinary word ('tài xế nay y krăk | đón'); an organisation's name after its head stops at a place already removed,
and a lower-case word before a removed code is no organisation."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def span_of(text: str, part: str, label: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part), label, part)


def removed(spans, text: str, part: str) -> bool:
    i = text.index(part)
    return any(s.start <= i < s.end for s in spans)


def test_strict_takes_the_prefix_and_name_after_a_removed_surname():
    text = "em trai anh ấy là anh giàng a páo làm bảo vệ ở chợ"
    spans = strict_spans(text, [span_of(text, "giàng", "NAME")])
    assert removed(spans, text, "a páo") and removed(spans, text, "páo")
    assert not removed(spans, text, "làm")


def test_strict_stops_after_a_name_the_detector_removed_whole():
    text = "hôm đó anh hờ phan lóng chở bệnh nhân xuống trạm"
    spans = strict_spans(text, [span_of(text, "hờ phan lóng", "NAME")])
    assert not removed(spans, text, "chở")


def test_strict_keeps_the_words_before_a_removed_code_after_a_place_cue_typed_without_marks():
    text = "employer cần medical cert cho work permit hih-opd-20-5897 trước thứ 6"
    spans = strict_spans(text, [])
    assert removed(spans, text, "hih-opd") and not removed(spans, text, "work permit")
