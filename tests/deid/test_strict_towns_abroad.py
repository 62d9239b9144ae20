"""The strict profile and a town abroad written in lower case between a place preposition and its country, as
transcripts and chats of families with a member working abroad write it ('ở bu san hàn quốc', 'bên hà khẩu trung
quốc', unmarked 'o cao hung dai loan'): the town goes, the country stays; a generic word before the country ('ở
nhà hàn quốc', 'bên cửa khẩu trung quốc') and a country alone stay."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def places(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, []) if s.label == "LOCATION"]


@pytest.mark.parametrize("text, town", [
    ("thằng út nó đi làm thợ sơn ở bu san hàn quốc ba năm rồi", "bu san"),
    ("ổng chạy xe hàng bên hà khẩu trung quốc nên ít về", "hà khẩu"),
    ("vo em lam cong nhan o cao hung dai loan, thang sau moi ve", "cao hung"),
])
def test_strict_removes_a_town_before_its_country(text, town):
    got = places(text)
    assert town in got and not any("quốc" in p or "loan" in p for p in got)


@pytest.mark.parametrize("text", [
    "chị ở nhà hàn quốc gọi về hỏi thuốc cho mẹ",
    "anh đi bốc vác bên cửa khẩu trung quốc mỗi sáng",
    "con gái đi du học ở nhật bản từ năm ngoái",
])
def test_strict_keeps_generic_words_and_the_country(text):
    assert places(text) == []
