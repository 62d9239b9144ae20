"""An organisation's name ends before an examination or a reply said after it ('đưa bác đi Bệnh viện Đa khoa Móng
Cái chụp CT sọ não', 'TTYT khu vực Tủa Chùa chụp X quang'): the clinical words are no part of the name."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_examination_after_a_hospital_name(rules):
    text = ("Nghĩ đột quỵ, anh đưa bác đi Bệnh viện Đa khoa Cẩm Phả chụp CT sọ não trước. "
            "Hôm 12/10 đã đến TTYT khu vực Tủa Chùa chụp X quang phổi.")
    orgs = texts(rules, text, "ORGANIZATION")
    assert "Bệnh viện Đa khoa Cẩm Phả" in orgs
    assert not any("chụp" in o for o in orgs)
