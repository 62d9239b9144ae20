"""A symptom word inside a common collocation is no symptom (`nóng ran` = burning hot, not crackles)."""

from vimednlp.clinical.extractor import extract


def test_nong_ran_is_no_crackles():
    assert not [s for s in extract("Bé sốt, sờ trán thấy nóng ran từ chiều.") if s.text == "ran"]
    assert not [s for s in extract("be van nong ran, chua ha sot") if s.text == "ran"]


def test_crackles_stay():
    found = {s.text for s in extract("Phổi: ran ẩm đáy phổi P, ran nổ rải rác.") if s.label == "SYMPTOM"}
    assert "ran ẩm đáy phổi P" in found
