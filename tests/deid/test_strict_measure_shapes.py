"""The strict profile and digit-bearing shapes that are measurements, not codes: a size ('2x3 cm', '1x1,5cm'), a
combined vaccine ('6in1'), a lens power ('+1.5', '-2,0'), a price per period ('2.400.000đ/tháng'); a card number,
and a long joined code still go."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, [])]


@pytest.mark.parametrize("text", [
    "Loét tì đè vùng gót 2x3 cm, nền đỏ; mảng trắng niêm mạc má 1x1,5cm.",
    "Tiêm 6in1 mũi 2 và phế cầu cùng buổi.",
    "Đo khúc xạ: MP +1.5, MT -2,0; cấp kính.",
    "Hỗ trợ tiền xe 2.400.000đ/tháng, thuốc 350.000đ/tuần.",
])
def test_strict_keeps_measure_shapes(text):
    assert removed(text) == []


@pytest.mark.parametrize("text, code", [
    ("Thẻ BHYT GD4797933281456, hết hạn cuối năm.", "GD4797933281456"),
    ("Mã lưu trữ HS-2026-0418 gửi kèm hồ sơ.", "HS-2026-0418"),
])
def test_strict_still_removes_codes(text, code):
    assert any(code in r for r in removed(text))
