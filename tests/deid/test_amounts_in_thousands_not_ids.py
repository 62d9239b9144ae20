"""An amount written in thousands with dots ('6.220.300', '899.600d', '7.083.300 đ') after a bill's cue ('Quỹ BHYT:',
'8 lượt BN') is the insurance's share or a total, no record number; record numbers written the same way after their
own cue ('Mã BA: 24.015.882', 'Số vào viện: 25.011.906') and identity cards stay identifiers."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_insurance_share_is_no_card_number(rules):
    assert texts(rules, "Cộng: 282.300   Quỹ BHYT: 268.185   Người bệnh trả: 14.115", "ID") == []
    assert texts(rules, "Tong: 8 luot · 927.700d · BHYT 899.600d · NB 38.100d", "ID") == []


def test_total_after_patient_count_is_no_patient_number(rules):
    assert texts(rules, "TỔNG CỘNG\t8 lượt BN\t7.083.300 đ\nNgười lập bảng: Hà Thị Thu", "ID") == []


def test_dotted_record_numbers_stay(rules):
    ids = texts(rules, "Giường: 14     Mã BA: 24.015.882\nSố vào viện: 25.011.906     Số CMND: 024.567.891", "ID")
    assert "24.015.882" in ids and "25.011.906" in ids and "024.567.891" in ids
