"""ICD-10 coding (issue 18, round 7): a plan said alone (a return visit by time, care at home) or a diagnosis not yet
made (`chưa xác định`) codes nothing; a follow-up after a named treatment still codes. Mentions written for these tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code
from vimednlp.terminology.canonical import says_absent


@pytest.mark.parametrize("mention", [
    "hẹn tái khám sau 5 ngày", "tai kham sau 2 thang", "follow up in two weeks", "điều trị tại nhà",
    "tự theo dõi ở nhà", "chưa xác định", "không rõ",
])
def test_a_plan_or_an_unknown_codes_nothing(vi_cache, mention):
    assert says_absent(mention)
    assert code(mention) == []


@pytest.mark.parametrize("mention", ["tái khám sau mổ ruột thừa", "theo dõi sốt xuất huyết", "chưa rõ nguyên nhân gây sốt"])
def test_a_plan_about_a_named_condition_is_read(mention):
    assert not says_absent(mention)


@pytest.mark.parametrize("mention", ["F/U: see prior notes", "như trên", "xem lại phiếu khám lần trước", "as above"])
def test_a_cross_reference_to_other_notes_is_no_diagnosis(vi_cache, mention):
    assert code(mention) == []
