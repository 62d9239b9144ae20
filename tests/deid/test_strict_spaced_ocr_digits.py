"""The strict profile and numbers typed one character at a time whose digits OCR or a phone keyboard turned into
letters ('0 S 6 l B 6 O 8 3 l'): a digit and an 'l' inside such a run is no volume in litres, so the run stays
one code. A real volume ('2 l mỗi ngày', 'vào 2 l, ra 1 l') stays."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_touched


@pytest.mark.parametrize("text, code", [
    ("Con gái gọi số 0 S 7 l B 4 O 2 6 l nhé", "0 S 7 l B 4 O 2 6 l"),
    ("Số lưu trữ: 4 7 l 2 0 9 8 3\nTRƯỞNG KHOA", "4 7 l 2 0 9 8 3"),
    ("ĐT người nhà: 0 3 9 1 . 4 4 2 . 7 l 5\nLý do vào viện: đau ngực", "7 l 5"),
])
def test_strict_removes_every_character_of_a_spaced_ocr_number(text, code):
    assert all(strict_touched(text, ch) for ch in code.split()[-3:])
    i = text.index(code)
    from vimednlp.deid.strict import strict_spans

    spans = strict_spans(text, [])
    assert all(any(s.start <= k < s.end for s in spans) for k in range(i, i + len(code)) if text[k].isalnum())


@pytest.mark.parametrize("text, part", [
    ("Dặn uống nước 2 l mỗi ngày, dịch truyền 1 l NaCl 0,9%.", "2 l"),
    ("Bilan dịch: vào 2 l, ra 1 l 5, cân bằng dương.", "2 l"),
])
def test_strict_keeps_a_volume_in_litres(text, part):
    assert not strict_touched(text, part)
