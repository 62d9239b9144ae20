"""A transcript typed all in lower case with its marks: after a place word ('ở', 'bên', 'ghé', 'thành phố') a known
ward, district or province name of two syllables or more is a LOCATION ('ở khâm đức', 'bên ba chúc'); a name that is
also an ordinary word in lower case ('về hòa bình', 'ở nhà bè') stays, and so does a capitalised text."""
from __future__ import annotations

from tests.deid.helpers import texts

TALK = ("dạ chào chị em là nhân viên công tác xã hội gọi hỏi thăm bé nha chị ơi bé dạo này ăn uống được không "
        "dạ bé ăn được ba chén rồi nhưng mà ba nó đi làm hồ ở tịnh biên còn em thì đi cắt lúa mướn bên ba chúc "
        "tối mới về tới nhà cuối tuần em dẫn bé ghé an thới thăm bà ngoại")


def test_known_place_after_a_place_word(rules):
    places = texts(rules, TALK, "LOCATION")
    assert "tịnh biên" in places and "ba chúc" in places and "an thới" in places


def test_place_names_that_are_ordinary_words_stay(rules):
    talk = TALK.replace("ở tịnh biên", "ở nhà bè").replace("bên ba chúc", "về hòa bình")
    places = texts(rules, talk, "LOCATION")
    assert "nhà bè" not in places and "hòa bình" not in places


def test_home_town_and_market_named_by_a_known_place(rules):
    # 'quê' (home town) and a market named by its place, in a transcript typed in lower case
    text = ("sản phụ tên vi thị hằng hai mươi sáu tuổi người tày quê bình liêu lấy chồng bên kia biên giới chị về nhà "
            "mẹ đẻ để đẻ mẹ đẻ là bà hoàng thị dung bán rau ở chợ móng cái đi cùng hết")
    places = texts(rules, text, "LOCATION")
    assert "bình liêu" in places and any("móng cái" in p for p in places)
