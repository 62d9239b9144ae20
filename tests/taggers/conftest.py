"""Small, realistic Vietnamese training data written for these tests (no corpus text)."""
from __future__ import annotations

import random

import pytest

from vimednlp.schema import Document, Span

NAMES = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Nam", "Phạm Thu Hà", "Võ Minh Tuấn", "Đặng Thị Lan",
         "Bùi Quốc Huy", "Hoàng Thị Mai", "Ngô Đức Thắng", "Đỗ Thị Hạnh", "Vũ Văn Khoa", "Lý Thị Thu"]
AGES = ["45 tuổi", "67 tuổi", "8 tháng tuổi", "32 tuổi", "71 tuổi", "19 tuổi", "55 tuổi", "3 tuổi"]
DATES = ["12/03/2024", "ngày 5 tháng 6", "01/11/2023", "20/7/2024", "ngày 14/2", "03/01/2025"]
SYMPTOMS = ["sốt cao", "ho khan", "khó thở", "đau ngực trái", "đau bụng", "buồn nôn", "chóng mặt",
            "mệt mỏi", "đau đầu", "tiêu chảy", "phù hai chân", "ho ra máu"]
DISEASES = ["tăng huyết áp", "đái tháo đường", "viêm phổi", "suy tim", "hen phế quản", "lao phổi",
            "viêm dạ dày", "nhồi máu cơ tim", "sốt xuất huyết", "viêm gan B"]
DRUGS = ["Amoxicilin", "Paracetamol", "Ceftriaxon", "Metformin", "Amlodipin", "Omeprazol", "Cefuroxim"]
HOSPITALS = ["Bệnh viện Bạch Mai", "Bệnh viện Chợ Rẫy", "Bệnh viện Đa khoa tỉnh Nghệ An",
             "Trung tâm Y tế huyện Gia Lâm", "Bệnh viện Nhi Trung ương"]

TEMPLATES = [
    "Bệnh nhân {NAME} , {AGE} , vào viện ngày {DATE} vì {SYMPTOM} .",
    "Tiền sử {DISEASE} , đang dùng {DRUG} 500 mg .",
    "BN {NAME} được chuyển đến {ORGANIZATION} ngày {DATE} .",
    "Người bệnh {AGE} , có {SYMPTOM} và {SYMPTOM} từ ngày {DATE} .",
    "Chẩn đoán : {DISEASE} . Điều trị {DRUG} 1 viên x 2 lần / ngày .",
    "Khám thấy {SYMPTOM} , nghi {DISEASE} , chuyển {ORGANIZATION} .",
    "Ông {NAME} {AGE} đến khám tại {ORGANIZATION} vì {SYMPTOM} .",
    "Sau dùng {DRUG} bệnh nhân hết {SYMPTOM} , theo dõi {DISEASE} .",
]
FILLERS = {"NAME": NAMES, "AGE": AGES, "DATE": DATES, "SYMPTOM": SYMPTOMS, "DISEASE": DISEASES,
           "DRUG": DRUGS, "ORGANIZATION": HOSPITALS}


def make_docs(n: int, seed: int = 0) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        tpl = rng.choice(TEMPLATES)
        text = ""
        spans = []
        rest = tpl
        while "{" in rest:
            pre, _, after = rest.partition("{")
            label, _, rest = after.partition("}")
            text += pre
            value = rng.choice(FILLERS[label])
            spans.append(Span(len(text), len(text) + len(value), label, value))
            text += value
        text += rest
        docs.append(Document(id=f"t{seed}-{i}", text=text, spans=spans))
    return docs


@pytest.fixture(scope="session")
def train_docs() -> list[Document]:
    return make_docs(160, seed=1)


@pytest.fixture(scope="session")
def test_docs() -> list[Document]:
    return make_docs(40, seed=2)
