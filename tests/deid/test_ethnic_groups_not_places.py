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


def test_a_peoples_branch_is_no_person(rules):
    text = "Họ tên: Bàn Văn Chiêu   Tuổi: 61   Dân tộc: Dao Tiền   Nghề: làm ruộng"
    assert texts(rules, text, "NAME") == ["Bàn Văn Chiêu"]
    names = texts(rules, "Người bệnh: bà Lưu Ngọc Anh, 69 tuổi, Hoa Triều Châu, bán vải ở chợ", "NAME")
    assert "Lưu Ngọc Anh" in names and not any("Triều Châu" in n for n in names)


def test_the_language_a_name_is_given_in_is_no_person(rules):
    names = texts(rules, "Họ tên: Bàn Thị Mùi (tên Dao: Bàn Mùi Sểnh), 17 tuổi", "NAME")
    assert "Bàn Thị Mùi" in names and "Dao" not in names


def test_a_person_named_like_a_branch_stays(rules):
    # the surname Đào and a given name, written with their marks
    assert "Đào Tiền" in texts(rules, "Bác sĩ Đào Tiền khám cho chị Hoa hôm nay", "NAME")
