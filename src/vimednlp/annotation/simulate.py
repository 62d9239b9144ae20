"""Synthetic Vietnamese notes with gold spans, and simulated annotators with controlled disagreements.

For testing the annotation loop end to end (push -> annotate -> pull -> agreement -> adjudicate)
and for demos. Every name, number and address here is invented; the fillers are small lists written
for this module, combined at random with a seed.
"""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Union

from ..schema import Document, Span
from ..text.tokenizer import tokenize

# (label, attrs) slots are filled from these lists; plain strings are copied as they are.
Slot = tuple[str, str, dict]  # (label, filler key, attrs)
Piece = Union[str, Slot]

FILL: dict[str, list[str]] = {
    "name": ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Nam", "Phạm Thu Hà", "Võ Minh Khôi",
             "Đặng Thị Hồng", "Bùi Quốc Việt", "Huỳnh Gia Bảo", "Hoàng Thị Mai Anh", "Đỗ Văn Hùng"],
    "given": ["Lan", "Hùng", "Hoa", "Tuấn", "Mai", "Dũng", "Hương", "Sơn"],
    "doctor": ["Trần Quang Minh", "Nguyễn Thị Thảo", "Lý Văn Phúc", "Phan Thanh Tâm"],
    "age": ["45 tuổi", "62 tuổi", "8 tháng tuổi", "71t", "33 tuổi", "5 tuổi"],
    "gender": ["nam", "nữ"],
    "profession": ["công nhân", "giáo viên", "nông dân", "kế toán", "tài xế", "sinh viên"],
    "location": ["số 15 ngõ 89 Lạc Long Quân, phường Nghĩa Đô, quận Cầu Giấy, Hà Nội",
                 "thôn Phú Mỹ, xã Tân Phú, huyện Đồng Xuân, tỉnh Phú Yên",
                 "123/4 Lê Văn Sỹ, phường Nhiêu Lộc, TP. Hồ Chí Minh",
                 "tổ 7, phường Hòa Khánh, Đà Nẵng", "ấp Bình Thạnh, xã Long Hựu, tỉnh Tây Ninh"],
    "date": ["12/03/2024", "05/11/2023", "ngày 5 tháng 3 năm 2024", "28/02/2025", "01/07/2025"],
    "hospital": ["Bệnh viện Đa khoa tỉnh Phú Yên", "Bệnh viện Chợ Rẫy", "Trung tâm Y tế huyện Đồng Xuân",
                 "Trạm Y tế xã Tân Phú", "Bệnh viện Nhi Trung ương"],
    "phone": ["0912 345 678", "0987.654.321", "(028) 3855 4269", "+84 903 112 233"],
    "email": ["an.nguyen.vn@example.com", "thuha1990@example.org"],
    "patient_code": ["BN24-00917", "BN1234", "BN23-55102"],
    "cccd": ["001089012345", "079201004321"],
    "bhyt": ["DN4010123456789", "HC4791234567890"],
    "symptom": ["sốt cao", "ho khan", "đau ngực trái", "khó thở", "đau đầu", "buồn nôn", "đau bụng vùng hố chậu phải"],
    "disease": ["tăng huyết áp", "đái tháo đường type 2", "viêm phổi", "viêm ruột thừa cấp", "hen phế quản",
                "suy tim", "lao phổi"],
    "drug": ["Paracetamol", "Amoxicillin", "Metformin", "Amlodipin", "Salbutamol"],
    "dosage": ["500mg x 2 viên/ngày", "5mg uống sáng", "1g tiêm tĩnh mạch", "2 nhát xịt khi khó thở"],
    "test": ["công thức máu", "X-quang ngực thẳng", "glucose máu lúc đói", "siêu âm ổ bụng", "CRP"],
    "result": ["7.8 mmol/L", "bạch cầu 15.2 G/L", "âm tính", "hình ảnh mờ đáy phổi phải", "12 mg/L"],
    "procedure": ["mổ ruột thừa nội soi", "đặt stent động mạch vành", "khí dung", "chọc dịch màng phổi"],
}


def _s(label: str, key: str, **attrs) -> Slot:
    return (label, key, attrs)


TEMPLATES: list[list[Piece]] = [
    ["Bệnh nhân ", _s("NAME", "name"), ", ", _s("AGE", "age"), ", ", _s("GENDER", "gender"), ", nghề nghiệp ",
     _s("PROFESSION", "profession"), ", địa chỉ ", _s("LOCATION", "location"), ". Vào viện ngày ",
     _s("DATE", "date"), " tại ", _s("ORGANIZATION", "hospital"), " vì ", _s("SYMPTOM", "symptom"), " và ",
     _s("SYMPTOM", "symptom"), ". Không ", _s("SYMPTOM", "symptom", negated=True), ". Tiền sử ",
     _s("DISEASE", "disease", historical=True), ". Chẩn đoán: ", _s("DISEASE", "disease"), ". Điều trị ",
     _s("DRUG", "drug"), " ", _s("DOSAGE", "dosage"), "."],
    ["Họ tên: ", _s("NAME", "name"), " - Mã BN: ", _s("ID", "patient_code", kind="patient_code"), " - SĐT: ",
     _s("PHONE", "phone"), ". Xét nghiệm ", _s("TEST", "test"), ": ", _s("RESULT", "result"), ". Nghi ",
     _s("DISEASE", "disease", uncertain=True), ". Mẹ bị ", _s("DISEASE", "disease", family=True), ". Đã ",
     _s("PROCEDURE", "procedure"), " ngày ", _s("DATE", "date"), "."],
    ["BS. ", _s("NAME", "doctor"), " khám lúc 9 giờ. Người nhà: chị ", _s("NAME", "given"), " (",
     _s("PHONE", "phone"), "), email ", _s("EMAIL", "email"), ". Bệnh nhân ", _s("AGE", "age"), " than ",
     _s("SYMPTOM", "symptom"), ", chưa ", _s("SYMPTOM", "symptom", negated=True), ". Dặn tái khám nếu ",
     _s("SYMPTOM", "symptom", hypothetical=True), "."],
    ["Số CCCD ", _s("ID", "cccd", kind="cccd"), ", thẻ BHYT ", _s("ID", "bhyt", kind="bhyt"), ". Chuyển từ ",
     _s("ORGANIZATION", "hospital"), " ngày ", _s("DATE", "date"), ". ", _s("TEST", "test"), " cho thấy ",
     _s("RESULT", "result"), ". Theo dõi ", _s("DISEASE", "disease", uncertain=True), ", đã dùng ",
     _s("DRUG", "drug"), " ", _s("DOSAGE", "dosage"), "."],
    ["Anh ", _s("NAME", "given"), ", ", _s("PROFESSION", "profession"), ", ở ", _s("LOCATION", "location"),
     ", đến khám ngày ", _s("DATE", "date"), " vì ", _s("SYMPTOM", "symptom"), ". Tiền sử gia đình: bố bị ",
     _s("DISEASE", "disease", family=True), ". Chỉ định ", _s("TEST", "test"), " và ",
     _s("PROCEDURE", "procedure"), "."],
]


def make_note(rng: random.Random, template: Sequence[Piece], doc_id: str) -> Document:
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    for piece in template:
        if isinstance(piece, str):
            parts.append(piece)
            pos += len(piece)
            continue
        label, key, attrs = piece
        value = rng.choice(FILL[key])
        spans.append(Span(pos, pos + len(value), label, value, "template", 1.0, dict(attrs)))
        parts.append(value)
        pos += len(value)
    return Document(doc_id, "".join(parts), spans, {"source": "vimednlp.annotation.simulate"})


def make_notes(n: int = 50, seed: int = 0) -> list[Document]:
    """`n` synthetic notes (cycling through the templates) with gold spans."""
    rng = random.Random(seed)
    return [make_note(rng, TEMPLATES[i % len(TEMPLATES)], f"sim-{i:03d}") for i in range(n)]


@dataclass
class EditCounts:
    spans: int = 0        # gold spans in all documents
    dropped: int = 0      # spans the second annotator missed
    relabeled: int = 0    # same offsets, other label
    shifted: int = 0      # same label, end moved one token left (still overlapping)


def _shrink_one_token(doc: Document, s: Span) -> Span | None:
    toks = [t for t in tokenize(doc.text[s.start:s.end]) if t.text.strip()]
    if len(toks) < 2:
        return None
    new_end = s.start + toks[-2].end
    return Span(s.start, new_end, s.label, doc.text[s.start:new_end], s.source, s.score, dict(s.attrs))


def controlled_annotator(docs: Sequence[Document], drop_every: int = 5, relabel_every: int = 7,
                         shift_every: int = 4) -> tuple[list[list[Span]], EditCounts, list[int]]:
    """A second annotator that departs from the gold spans on a fixed schedule:
    document i drops its first span when i % drop_every == 0, relabels its first SYMPTOM as DISEASE
    when i % relabel_every == 1, and ends its first multi-token LOCATION/ORGANIZATION one token early
    when i % shift_every == 2. Returns its spans per document, the edit counts and the edited doc indexes."""
    counts = EditCounts()
    out: list[list[Span]] = []
    edited: list[int] = []
    for i, d in enumerate(docs):
        spans = [Span(s.start, s.end, s.label, s.text, s.source, s.score, dict(s.attrs)) for s in d.spans]
        counts.spans += len(spans)
        touched = False
        if drop_every and i % drop_every == 0 and spans:
            spans.pop(0)
            counts.dropped += 1
            touched = True
        if relabel_every and i % relabel_every == 1:
            k = next((j for j, s in enumerate(spans) if s.label == "SYMPTOM"), None)
            if k is not None:
                s = spans[k]
                spans[k] = Span(s.start, s.end, "DISEASE", s.text, s.source, s.score, dict(s.attrs))
                counts.relabeled += 1
                touched = True
        if shift_every and i % shift_every == 2:
            for j, s in enumerate(spans):
                if s.label in ("LOCATION", "ORGANIZATION"):
                    new = _shrink_one_token(d, s)
                    if new is not None:
                        spans[j] = new
                        counts.shifted += 1
                        touched = True
                        break
        out.append(spans)
        if touched:
            edited.append(i)
    return out, counts, edited


def lexicon_predictor(docs: Sequence[Document]):
    """A stand-in pre-annotator for simulations: finds the surface strings of `docs`' gold spans
    (exact, first label seen). Used where vimednlp's own pipeline is not installed."""
    from .predict import Predictor

    table: dict[str, str] = {}
    for d in docs:
        for s in d.spans:
            table.setdefault(d.text[s.start:s.end], s.label)
    keys = sorted(table, key=len, reverse=True)

    def predict(text: str) -> list[Span]:
        taken: list[Span] = []
        for k in keys:
            pos = text.find(k)
            while pos >= 0:
                sp = Span(pos, pos + len(k), table[k], k, "lexicon", 0.9)
                if not any(sp.overlaps(t) for t in taken):
                    taken.append(sp)
                pos = text.find(k, pos + 1)
        return sorted(taken, key=lambda s: s.start)

    return Predictor(predict, "simulate-lexicon-1")
