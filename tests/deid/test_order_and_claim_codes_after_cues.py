"""A shop order, a delivery slip, an insurance claim or an invoice is named by its code right after the cue word
('Đơn hàng NT-0412-7781', 'PHIẾU GIAO HÀNG #...', 'Claim AXA-...', 'invoice INV-...'): an ID. A bare 'hóa đơn'
before an amount or a count names no one."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_codes_after_order_delivery_claim_and_invoice_cues(rules):
    text = ("Đơn hàng NT-0412-7781 đã giao lúc 10:00.\n"
            "PHIẾU GIAO HÀNG #NT-HN-251130-0215   Giao: 14:00\n"
            "Subject: Claim AXA-2025-553201 - outpatient visit\n"
            "Please find the invoice INV-PK-25-118840 attached.\n"
            "Mã giao hàng: GHN8842107733")
    ids = texts(rules, text, "ID")
    for code in ("NT-0412-7781", "NT-HN-251130-0215", "AXA-2025-553201", "INV-PK-25-118840", "GHN8842107733"):
        assert any(code in s for s in ids), code


def test_amount_or_count_after_bare_invoice_word_is_no_id(rules):
    text = "Khách xin hóa đơn 350.000đ để thanh toán bảo hiểm. Lập hóa đơn 2 bản, giao khách 1 bản."
    assert texts(rules, text, "ID") == []
