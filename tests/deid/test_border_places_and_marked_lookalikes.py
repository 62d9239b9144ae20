"""Places across the northern border and where migrant workers go (Guangxi and Yunnan towns in their Vietnamese reading
or romanised: 'Bằng Tường', 'Pingxiang, Guangxi', 'Bách Sắc'; Korean and Taiwanese cities: 'Gimhae', 'Đào Viên') are
foreign places. In a text written with marks, words whose marks differ from the place's ('THẨM QUYỀN', authority, is
no 'Thâm Quyến') are no place."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_chinese_border_towns(rules):
    locs = " ".join(texts(rules, "Chồng chị đi làm phu bốc vác bên Bằng Tường, tháng sau mới về", "LOCATION"))
    assert "Bằng Tường" in locs
    locs = " ".join(texts(rules, "Mr Li, 47, lives in Pingxiang, Guangxi and crosses the border weekly", "LOCATION"))
    assert "Pingxiang" in locs and "Guangxi" in locs


def test_migrant_work_cities(rules):
    locs = " ".join(texts(rules, "Con trai làm thợ hàn ở Gimhae, con gái làm điện tử ở Đào Viên", "LOCATION"))
    assert "Gimhae" in locs and "Đào Viên" in locs


def test_other_marks_make_no_place(rules):
    text = "NGƯỜI CÓ THẨM QUYỀN KÝ TÊN\nBS. Phạm Thị Hạnh"
    assert not any("QUYỀN" in s for s in texts(rules, text, "LOCATION"))
