"""A foreign postal address that opens on its floor, suite or block ('Level 3, 41 Pitt Street, Sydney NSW 2000',
'Floor 7, 25 King Road, ...') is one LOCATION with it; a level of care or a floor of the ward alone is none."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_floor_before_the_street_belongs_to_the_address(rules):
    text = "Sponsor office: Level 9, 210 George Street, Brisbane QLD 4000 / Tel: +61 7 3000 1234"
    assert "Level 9, 210 George Street, Brisbane QLD 4000" in texts(rules, text, "LOCATION")


def test_level_of_care_is_no_address(rules):
    text = "Triage level 3, chuyển tầng 4 khoa Nội; Level 2 NICU care for 5 days."
    assert not any(t.startswith("Level") or t.startswith("level") for t in texts(rules, text, "LOCATION"))
