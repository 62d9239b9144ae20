"""The strict profile and a trade said as 'là người' and a verb of work with its object ('bố em là người chăn bò
thuê', 'mẹ là người bán vé xe'): PROFESSION; a people ('là người Tày'), a role in a decision ('là người quyết
định') or a verb that is no trade ('là người làm ăn') stays."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def professions(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, []) if s.label == "PROFESSION"]


@pytest.mark.parametrize("text, trade", [
    ("Bố em là người chăn bò thuê cho hợp tác xã.", "người chăn bò thuê"),
    ("mẹ cháu là người bán vé xe ở bến", "người bán vé xe"),
    ("ông ấy là người hái thuốc, hay vào rừng", "người hái thuốc"),
])
def test_strict_removes_a_trade_after_la_nguoi(text, trade):
    assert trade in professions(text)


@pytest.mark.parametrize("text", ["Ông là người Tày, nói tiếng Kinh ít.", "Chị là người quyết định chuyển viện.",
                                  "anh là người làm ăn chăm chỉ"])
def test_strict_keeps_what_is_no_trade(text):
    assert professions(text) == []
