"""Fixes found on batch 13 of hand-written development notes (names, places, organisations and occupations).
Sentences written for these tests, not copied from any note."""
from __future__ import annotations

from .helpers import texts

_CHAT = """08:10 20/05/2026 ngọc mít: chị hòa ơi em hỏi xíu ạ. em là con ông trần văn hưng giường 5 khoa mình, mẹ em là bà lê thị bình
08:12 hòa: chào em, chị nhớ bác hưng rồi. bác dạo này thế nào em?
08:15 ngọc mít: sáng nay bố em kêu mệt, đo huyết áp 150/90 ạ, bố vẫn uống thuốc đều
08:20 hòa: em cho bác nghỉ rồi đo lại nhé. chị hỏi bs phạm minh quân rồi báo em
08:31 ngọc mít: dạ em cảm ơn chị, để em báo anh tuấn (anh rể em) nữa
09:02 21/05 hòa: bs quân dặn cứ uống thuốc như cũ nhé, mẹ em sinh năm nào em?
"""


def test_lower_case_chat_with_diacritics(rules):
    names = texts(rules, _CHAT, "NAME")
    # handles after a clock + date stamp, repeated lower-case handles, names after kinship and staff cues
    assert names.count("ngọc mít") == 3
    assert names.count("hòa") >= 3
    for who in ("trần văn hưng", "lê thị bình", "hưng", "phạm minh quân", "quân", "tuấn"):
        assert who in names, who
    # cue words before common words stay out ('mẹ em sinh', 'bác nghỉ', 'anh rể')
    assert not {"sinh", "nghỉ", "rể", "dạo"} & set(names)


def test_lower_case_prose_with_diacritics_keeps_cue_phrases(rules):
    # not a chat: 'bố trí' (arrange) is no father named Trí
    text = ("các trạm y tế và phòng khám tư nhân tăng cường sàng lọc người bệnh có dấu hiệu cảm cúm, bố trí khám ở "
            "khu vực riêng và có sổ theo dõi họ tên, địa chỉ của người bệnh để quản lý ca bệnh")
    assert texts(rules, text, "NAME") == []


def test_lower_case_ward_with_diacritics(rules):
    # a unit word typed in lower case with its marks, then a known ward or district
    got = texts(rules, "nhà em ở ngõ 5 khu tập thể, phường hoàng liệt gần bến xe", "LOCATION")
    assert any("phường hoàng liệt" in g for g in got)
    assert any("quận cầu giấy" in g for g in texts(rules, "em đang trọ ở quận cầu giấy ạ", "LOCATION"))
    # 'xã hội' (society) is no commune
    assert texts(rules, "bệnh này ảnh hưởng nhiều đến xã hội và gia đình", "LOCATION") == []
