"""A work permit's number ('giấy phép lao động 56/2026/GPLĐ-0318') and a code after an English reference or client
cue ('Our reference: 4471-CON-26', 'client code: 2026-PR-0381') identify a person like any record number after its
cue."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_work_permit_number_after_its_cue(rules):
    text = "BN nam 38 tuổi, kỹ sư người nước ngoài, giấy phép lao động 41/2026/GPLĐ-0207, AFB 2+."
    assert any(t.startswith("41/2026/GPLĐ") for t in texts(rules, text, "ID"))


def test_codes_after_english_reference_and_client_cues(rules):
    text = "Could you share an update? Our reference: 4471-CON-26.\nPrEP client code: 2026-PR-0381, first visit today."
    found = texts(rules, text, "ID")
    assert "4471-CON-26" in found and "2026-PR-0381" in found
