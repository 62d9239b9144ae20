"""A page number in a printed or OCR'd header ('Trang 1/2', 'trang 3/7') and a count of eggs or embryos out of
those retrieved ('ICSI 11/11 noãn MII') are no dates; a day and month in the same places still are
('Trang 12/3 khám lại' is Trang on 12 March, 'ngày 11/11 phôi chuyển' a day)."""
from __future__ import annotations

from vimednlp.deid.recognizers.allow import allow_spans
from vimednlp.deid.recognizers.base import Context


def _allowed(text: str) -> list[str]:
    return [text[s:e] for s, e, why in allow_spans(Context(text)) if why in ("page number", "egg or embryo count")]


def test_page_numbers_are_allowed():
    text = ("PHIẾU KẾT QUẢ XÉT NGHIỆM                 Trang 1/2\n"
            "(bản chụp lại từ giấy, trang 3/7)\nTờ 2/3 - hồ sơ bệnh án")
    assert _allowed(text) == ["Trang 1/2", "trang 3/7", "Tờ 2/3"]


def test_embryo_counts_are_allowed():
    text = "Phương pháp: ICSI 9/10 noãn MII, thụ tinh được 7/9 phôi, ngày 3 có 5/7 phôi loại I"
    assert _allowed(text) == ["9/10 noãn", "7/9 phôi", "5/7 phôi"]


def test_day_and_month_stay_dates():
    text = "Trang 12/3 khám lại. Ngày 11/11 phôi chuyển 2 con. Hẹn 20/11 phôi ngày 5"
    assert _allowed(text) == []
