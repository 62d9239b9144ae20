"""A bar, restaurant, spa, cruise line or tour company named in English ('Skylight Lounge', 'Coral Horizon Cruises')
is an organisation, as a hotel or a clinic is: capitalised words ending in the kind of venue. The kind words alone,
or after a generic word, name none ('the Hotel Spa', 'Day Spa treatment')."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_venues_and_cruise_lines_named_in_english(rules):
    text = ("Mr Hale, 41, works as a chef at Blue Marlin Restaurant and travels with Pearl Sea Cruises; "
            "his partner manages Ocean Breeze Spa.")
    found = texts(rules, text, "ORGANIZATION")
    assert {"Blue Marlin Restaurant", "Pearl Sea Cruises", "Ocean Breeze Spa"} <= set(found)


def test_generic_venue_words_are_no_organisation(rules):
    assert texts(rules, "the Hotel Spa was closed; Day Spa treatment recommended", "ORGANIZATION") == []
