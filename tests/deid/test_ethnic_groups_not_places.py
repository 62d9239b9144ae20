"""An ethnic group's name after 'tiếng', 'người' or a 'Dân tộc:' field is a people or its language, not the place
written the same way ('Gia Rai' and the town Giá Rai); the same name as an address stays a place."""
from __future__ import annotations

import pytest

from tests.deid.helpers import texts


@pytest.mark.parametrize("text", [
    "Bà chỉ nghe được tiếng Gia Rai, cháu nội phiên dịch lúc khám.",
    "Sản phụ là người Gia Rai, con thứ tư, sinh tại nhà.",
    "- Họ tên: (xem bìa)\n- Dân tộc: Gia Rai        Tôn giáo: không\n",
    "ong noi tieng Gia Rai, con gai dich lai cho bac si",
])
def test_ethnic_group_after_its_cue_is_no_place(rules, text):
    assert not any("Rai" in t for t in texts(rules, text, "LOCATION"))


def test_the_town_of_the_same_name_is_still_a_place(rules):
    text = "Bệnh nhân chuyển từ Gia Rai lên, địa chỉ: thị xã Giá Rai, tỉnh Bạc Liêu."
    locs = texts(rules, text, "LOCATION")
    assert any("Gia Rai" in t for t in locs) and any("Giá Rai" in t for t in locs)
