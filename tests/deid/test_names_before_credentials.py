"""Capitalised words right before a post-nominal credential ('Siobhan Murphy RN MPH', 'Haruki Satō, DDS') are a
signer's name, whatever language it comes from; an ordinary phrase in title case before an abbreviation ('Kết Quả
Xét Nghiệm MD') is not."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_signature_with_credentials(rules):
    mail = ("Please use client codes only, no names or hamlet.\nCheers,\nAoife\n--\n"
            "Aoife Gallagher RN MPH | Clinical Adviser | Highland Health Partnership\n")
    assert "Aoife Gallagher" in texts(rules, mail, "NAME")


def test_credential_after_a_comma(rules):
    assert "Haruki Satō" in texts(rules, "Follow-up confirmed by e-mail.\nSigned: Haruki Satō, DDS\n", "NAME")


def test_title_case_heading_before_an_abbreviation_is_no_name(rules):
    assert texts(rules, "Kết Quả Xét Nghiệm MD\nIgG: dương tính\n", "NAME") == []
