"""The strict profile and days named in words, as speech-to-text and chats write them: a month after 'tháng'
('hồi tháng chín'), a lunar day ('mùng ba'), a solar day ('mười lăm tây'), a weekday pinned by a week word
('thứ sáu tuần sau') or right after a removed clock time ('sáu giờ mười lăm sáng thứ ba') are dates; an ordinal
('lần thứ ba', 'đợt hóa trị thứ 3'), a count of months ('ba tháng nay', 'mỗi tháng hai lần') and a weekday alone
('đến chủ nhật mới về') stay."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def dates(text: str, spans=()):
    return [s.text for s in strict_spans(text, list(spans)) if s.label == "DATE"]


@pytest.mark.parametrize("text, day", [
    ("cô có đi họp một lần hồi tháng chín là người dì dẫn đi", "tháng chín"),
    ("bé sinh tháng mười hai nên chưa đủ tuổi tiêm", "tháng mười hai"),
    ("anh nhớ ghé trạm lấy thuốc mùng ba nha", "mùng ba"),
    ("ghe này đi tới mười lăm tây mới vô bờ", "mười lăm tây"),
    ("chị đưa bé lên tái khám thứ sáu tuần sau nha", "thứ sáu"),
    ("hẹn chủ nhật này anh qua lấy kết quả", "chủ nhật"),
])
def test_strict_removes_a_day_named_in_words(text, day):
    assert any(day in d for d in dates(text))


def test_strict_removes_the_weekday_after_a_removed_clock_time():
    text = "tin nhắn thoại gửi lúc sáu giờ mười lăm sáng thứ ba chuyển chữ tự động"
    i = text.index("sáu giờ")
    clock = Span(i, i + len("sáu giờ mười lăm sáng"), "DATE", "sáu giờ mười lăm sáng")
    assert "thứ ba" in dates(text, [clock])


@pytest.mark.parametrize("text", [
    "Lần khám thứ 4, bệnh nhân đỡ ho. Đợt hóa trị thứ 3 dung nạp tốt.",
    "con thứ hai sinh non, lần thứ ba nhập viện vì sốt",
    "sốt ba tháng nay, mỗi tháng hai lần đi khám",
    "nó đi công tác đến chủ nhật mới về",
    "Tới đêm thứ ba thì sốt nóng ran",
])
def test_strict_keeps_ordinals_durations_and_a_weekday_alone(text):
    assert dates(text) == []
