"""The strict profile and a person's occupation written beside the name, between commas or in brackets, an age
perhaps between ('mẹ Đinh Thị Mai, bán tạp hóa, …', 'ông Hà Văn Sinh (thợ rèn, 66 tuổi)'): the words are common
one by one, the slot is the evidence. A sex, a kinship, a nationality, a clinical term, a note that goes on in a sentence, and
the role of a clinician or writer stay."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def occupation_removed(text: str, name: str, part: str) -> bool:
    """Whether the strict profile removes `part` when the default detector found the person `name`."""
    s = text.index(name)
    spans = strict_spans(text, [Span(s, s + len(name), "NAME", name)])
    i = text.index(part)
    return all(any(x.start <= k < x.end for x in spans) for k in range(i, i + len(part)) if not text[k].isspace())


@pytest.mark.parametrize("text, name, job", [
    ("Người đi cùng: mẹ Đinh Thị Mai, bán tạp hóa, SĐT để sau.", "Đinh Thị Mai", "bán tạp hóa"),
    ("Trước đó đã đắp lá với ông Hà Văn Sinh (thợ rèn, 66 tuổi, hàng xóm).", "Hà Văn Sinh", "thợ rèn"),
    ("Người báo tin: Lầu Thị Dợ, 31t, làm rẫy thuê, không biết chữ.", "Lầu Thị Dợ", "làm rẫy thuê"),
    ("Emergency contact: Pham Quoc Viet, 44 yo, construction welder, mobile on file.", "Pham Quoc Viet",
     "construction welder"),
])
def test_strict_removes_the_occupation_beside_a_name(text, name, job):
    assert occupation_removed(text, name, job)


@pytest.mark.parametrize("text, name, part", [
    ("Bệnh nhân Nguyễn Văn Tâm, nam, 45 tuổi, đau bụng vùng thượng vị.", "Nguyễn Văn Tâm", "nam"),
    ("Bệnh nhân Trần Thị Bé, 45 tuổi, đau bụng vùng thượng vị, nôn.", "Trần Thị Bé", "đau bụng"),
    ("Con Lưu Gia Phúc, nay 5 tuổi, sinh thường.", "Lưu Gia Phúc", "nay"),
    ("Seen by: Dr. Trần Minh Huy (resident, night team), supervised.", "Trần Minh Huy", "resident"),
    ("BS Lê Thu Hà, nội trú năm hai, đã khám lúc 8 giờ.", "Lê Thu Hà", "nội trú"),
    ("Đã gọi cho chị Hoa Lan, thông tin chính xác rồi nhé.", "Hoa Lan", "thông tin"),
    ("Người lập: Thạch Thị Sa (nhập giùm) ngày hôm qua.", "Thạch Thị Sa", "nhập giùm"),
    ("Mẹ: Đinh Thị Mai, bán tạp hóa ở chợ huyện, SĐT để sau.", "Đinh Thị Mai", "chợ huyện"),
    ("Bed 12 – Min-seo Han, 44yo, korean, gout flare.", "Min-seo Han", "korean"),
])
def test_strict_keeps_what_is_no_occupation(text, name, part):
    assert not occupation_removed(text, name, part)


@pytest.mark.parametrize("text, name, job", [
    # a listed profession opening a bracket, whatever note follows it in the bracket
    ("Không ai nói được tiếng Khmer, hỏi anh Lâm Sóc Ri (điều dưỡng bên đó), ĐT để sau.", "Lâm Sóc Ri", "điều dưỡng"),
    ("Người đối chiếu: Sơn Ngọc Thành (kế toán) đã ký.", "Sơn Ngọc Thành", "kế toán"),
    # a birth year written as a field between the name and the occupation
    ("- Cha: Trần Văn Lực, sn 1988, bảo vệ; mẹ ruột ở quê.", "Trần Văn Lực", "bảo vệ"),
])
def test_strict_removes_a_listed_profession_in_brackets_and_after_a_birth_year(text, name, job):
    assert occupation_removed(text, name, job)


def test_strict_keeps_a_note_in_brackets_that_is_no_profession():
    assert not occupation_removed("Người nhận: bà Lò Thị Ỉn (điểm chỉ) tại trạm.", "Lò Thị Ỉn", "điểm chỉ")
