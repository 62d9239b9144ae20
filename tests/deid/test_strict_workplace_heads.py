"""The strict profile and workplaces named in lower case after a head word the default detector's list lacks
('lâm trường', 'đồn biên phòng', 'trại giam'): the words after the head go with it, up to a function word or a
clinical term. A one-word head is left out on purpose: typed without marks it is another word ('chua' = 'chưa')."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_touched


@pytest.mark.parametrize("text, org", [
    ("chồng chị làm bảo vệ ở lâm trường sơn hà đắk nông mấy năm nay", "sơn hà đắk nông"),
    ("anh ấy công tác ở đồn biên phòng tà lùng từ năm ngoái", "tà lùng"),
    ("bố cháu đang ở trại giam thủ đức nên không ký được", "thủ đức"),
])
def test_strict_removes_a_workplace_after_its_head(text, org):
    assert all(strict_touched(text, w) for w in org.split())


@pytest.mark.parametrize("text, part", [
    ("me chua di kham lan nao, xuong tram y te thi dong cua", "chua di"),
    ("lâm trường ở gần nhà nên sáng nào cũng đi làm", "gần nhà"),
])
def test_strict_keeps_ordinary_words_near_a_head(text, part):
    assert not strict_touched(text, part)
