"""The strict profile and an organisation's name in lower case after its head ('phòng khám thận nhân tâm'): a
syllable that only opens a title ('nhân' of 'nhân viên') is part of the name; the name ends before a whole title
or kinship cue ('… | bác sĩ') and before a people head ('… | người gọi')."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans


def orgs(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, []) if s.label == "ORGANIZATION"]


def test_strict_takes_a_title_syllable_inside_an_org_name():
    got = orgs("cuộc gọi nhắc lịch từ phòng khám mắt nhân hòa người gọi là điều dưỡng")
    assert any(o.endswith("nhân hòa") for o in got)
    assert not any("người" in o for o in got)


def test_strict_ends_an_org_name_before_a_whole_title():
    got = orgs("chị làm ở nhà thuốc minh châu nhân viên bán hàng")
    assert got and not any("viên" in o for o in got)
