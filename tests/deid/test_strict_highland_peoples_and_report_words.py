"""The strict profile keeps what names a kind of thing in Lâm Đồng psychiatry and TB notes: the peoples of the
plateau and their subgroups ('Churu', 'Cơ Ho Srê', 'tiếng Chil'), child rating scales ('SDQ', 'SCAS', 'Vanderbilt'),
lung lobes and radiology words of English reports ('RUL', 'infiltrates', 'resistance') and the columns of an
insurance claim ('Mã DV', 'Tổng CP', 'Nơi ĐK KCB BĐ')."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def untouched(text: str, part: str) -> bool:
    i = text.index(part)
    return not any(s.start < i + len(part) and i < s.end for s in strict_spans(text, []))


@pytest.mark.parametrize("text, part", [
    ("Dân tộc: Churu      Nghề nghiệp: làm rẫy", "Churu"),
    ("Dân tộc: Cơ Ho Srê, nói được tiếng Việt", "Cơ Ho Srê"),
    ("bà chỉ nói tiếng Chil, cần người dịch", "Chil"),
    ("Đánh giá: SDQ bản phụ huynh 18 điểm, SCAS 41, Vanderbilt phụ huynh chưa đủ tiêu chuẩn", "SDQ"),
    ("Đánh giá: SDQ bản phụ huynh 18 điểm, SCAS 41, Vanderbilt phụ huynh chưa đủ tiêu chuẩn", "SCAS"),
    ("Đánh giá: SDQ bản phụ huynh 18 điểm, SCAS 41, Vanderbilt phụ huynh chưa đủ tiêu chuẩn", "Vanderbilt"),
    ("CT chest: LUL nodule, patchy infiltrates; isoniazid resistance not detected", "LUL"),
    ("CT chest: LUL nodule, patchy infiltrates; isoniazid resistance not detected", "infiltrates"),
    ("CT chest: LUL nodule, patchy infiltrates; isoniazid resistance not detected", "resistance"),
    ("STT | Mã DV | Tên dịch vụ | Tổng CP | Quỹ BHYT", "DV"),
    ("STT | Mã DV | Tên dịch vụ | Tổng CP | Quỹ BHYT", "CP"),
    ("Nơi ĐK KCB BĐ: Trạm Y tế xã", "BĐ"),
])
def test_strict_keeps_peoples_scales_and_claim_columns(text, part):
    assert untouched(text, part)


def test_strict_still_removes_a_capitalised_name_beside_a_people():
    text = "Dân tộc: Churu. Người nhà: Brơi Kơ Să"
    spans = strict_spans(text, [])
    i = text.index("Brơi")
    assert any(s.start <= i < s.end for s in spans)
