"""Lexicon matching: sizes of the curated lists, diacritics, case of abbreviations, brands, offsets."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract
from vimednlp.clinical.resources import lexicon_size


def spans(text, label=None):
    return [(s.text, s.label) for s in extract(text) if label is None or s.label == label]


def test_curated_list_sizes():
    n = lexicon_size()
    assert n["DRUG_concepts"] >= 600          # active ingredients (plus brands mapped to them)
    assert n["DISEASE_terms"] >= 300
    assert n["SYMPTOM_terms"] >= 400
    assert n["TEST_terms"] >= 150 and n["PROCEDURE_terms"] >= 100


def test_lists_have_source_notes():
    from vimednlp.paths import resource_path

    for name in ("diseases.tsv", "symptoms.tsv", "drugs.tsv", "drug_brands.tsv", "tests.tsv", "procedures.tsv",
                 "body_parts.tsv", "context.yaml", "sections.yaml", "patterns.yaml"):
        head = resource_path("clinical", name).read_text(encoding="utf-8")[:600]
        assert "Source" in head or "source" in head, name


@pytest.mark.parametrize("text,term,label", [
    ("Bệnh nhân tăng huyết áp 10 năm", "tăng huyết áp", "DISEASE"),
    ("benh nhan tang huyet ap 10 nam", "tang huyet ap", "DISEASE"),
    ("BỆNH NHÂN TĂNG HUYẾT ÁP", "TĂNG HUYẾT ÁP", "DISEASE"),
    ("Tiền sử THA, ĐTĐ type 2", "ĐTĐ type 2", "DISEASE"),
    ("tien su THA, DTD type 2", "DTD type 2", "DISEASE"),
    ("Điều trị Ceftriaxon 2g", "Ceftriaxon", "DRUG"),
    ("dieu tri ceftriaxone 2g", "ceftriaxone", "DRUG"),
    ("Uống Amoxicilin và Cefuroxim", "Cefuroxim", "DRUG"),
    ("Chỉ định CTM, TPTNT, XQ tim phổi", "TPTNT", "TEST"),
    ("Làm HbA1c và SA ổ bụng", "SA ổ bụng", "TEST"),
    ("Ho khạc đờm vàng 3 ngày", "Ho khạc đờm vàng", "SYMPTOM"),
    ("Phẫu thuật nội soi cắt ruột thừa", "Phẫu thuật nội soi cắt ruột thừa", "PROCEDURE"),
])
def test_terms_with_and_without_diacritics(text, term, label):
    assert (term, label) in spans(text)


def test_brand_maps_to_ingredient():
    (s,) = [s for s in extract("Kê Augmentin 1g và Panadol") if s.text == "Augmentin"]
    assert s.label == "DRUG" and s.attrs["ingredient"] == "amoxicillin clavulanate"
    (p,) = [s for s in extract("Kê Augmentin 1g và Panadol") if s.text == "Panadol"]
    assert p.attrs["ingredient"] == "paracetamol"


def test_disease_carries_icd10_hint():
    (s,) = [s for s in extract("Chẩn đoán: viêm phổi cộng đồng") if s.label == "DISEASE"]
    assert s.attrs["icd10_hint"] == "J18.9" and s.attrs["codes"] == []


def test_accents_count_where_the_text_has_them():
    # `họ` (they) is not the symptom `ho`; `ho` typed without accents is
    assert ("ho", "SYMPTOM") not in [(s.text.lower(), s.label) for s in extract("Họ đưa bệnh nhân vào viện.")]
    assert ("ho", "SYMPTOM") in spans("benh nhan ho, sot")


def test_abbreviations_are_case_sensitive():
    assert ("SA ổ bụng", "TEST") in spans("Đã làm SA ổ bụng")
    assert ("SA", "TEST") in spans("Kết quả SA: gan nhiễm mỡ")
    assert not [s for s in extract("Bệnh nhân bị sa tử cung độ 2") if s.label == "TEST"]


def test_vital_sign_words_need_a_value():
    assert ("mạch", "TEST") in spans("Mạch 90 lần/phút") or ("Mạch", "TEST") in spans("Mạch 90 lần/phút")
    assert not [s for s in extract("Tiêm tĩnh mạch chậm") if s.label == "TEST"]


def test_offsets_point_into_the_input():
    text = "  Lý do vào viện:\r\n\tđau bụng  vùng thượng vị, nôn ra máu 🙂 200 ml."
    for s in extract(text):
        assert text[s.start:s.end] == s.text
    assert ("đau bụng  vùng thượng vị", "SYMPTOM") in spans(text)


def test_lone_words_inside_other_words_are_not_entities():
    assert not extract("Người lao động được bố trí công việc phù hợp, xử lý quyết liệt.")
    assert not extract("Ban đầu gia đình rất sốt ruột.")
    assert [(s.text, s.label) for s in extract("Lao phổi, phù hai chân, liệt nửa người.")] == [
        ("Lao phổi", "DISEASE"), ("phù hai chân", "SYMPTOM"), ("liệt nửa người", "SYMPTOM")]
    # typed without diacritics: `tri` is far more often `điều trị` than `trĩ`
    assert not [s for s in extract("da dieu tri on dinh") if s.label == "DISEASE"]


def test_named_drug_classes_are_drugs_generic_medication_words_are_not():
    # guidelines: drug classes used as drug names are DRUG; `thuốc hạ sốt` (what it is for, no drug named) is not
    got = spans("Đã dùng kháng sinh 5 ngày, thuốc hạ áp không đều, không dùng corticoid, đang uống statin.", "DRUG")
    assert [t for t, _ in got] == ["corticoid", "statin"]
    got = spans("Rung nhĩ chưa dùng thuốc chống đông; chẹn beta đã ngưng. Uống thuốc nam của thầy lang 2 tháng.")
    assert got == [("Rung nhĩ", "DISEASE"), ("chẹn beta", "DRUG")]


def test_a_generic_medication_word_hides_the_words_inside_it():
    # `lao` inside `thuốc lao` is no disease of the patient; the drug named beside it still is a drug
    assert spans("Tạm ngừng thuốc lao tối nay, chờ men gan.", "DISEASE") == []
    assert spans("Kháng sinh dự phòng Cefazolin 2g TMC trước rạch da.", "DRUG") == [("Cefazolin", "DRUG")]


def test_tests_take_their_site_and_prefix():
    got = spans("Chỉ định CT scan sọ não, siêu âm Doppler mạch chi dưới, xét nghiệm đường máu, định lượng TSH.", "TEST")
    assert [t for t, _ in got] == ["CT scan sọ não", "siêu âm Doppler mạch chi dưới", "xét nghiệm đường máu",
                                   "định lượng TSH"]


@pytest.mark.parametrize("text,term", [
    ("Tối qua đau nhức lan lên tai, mất ngủ, tự uống Panadol.", "mất ngủ"),
    ("Theo dõi nếu tụt huyết áp thì báo ngay.", "tụt huyết áp"),
    ("Dị ứng Penicillin (nổi mề đay năm 2019).", "nổi mề đay"),
])
def test_lay_names_of_signs_are_symptoms(text, term):
    assert ("SYMPTOM", term) in [(s.label, s.text) for s in extract(text)]


@pytest.mark.parametrize("text,procedure", [
    ("Trước khi xuống viện đã cạo gió nhiều lần, lưng còn vết bầm.", "cạo gió"),
    ("R46: mở tủy, đặt thuốc, trám tạm. Hẹn bọc mão sứ.", "trám tạm"),
    ("Lần sau cạo vôi răng 2 hàm.", "cạo vôi răng"),
    ("Xử trí: cởi bỏ quần áo, tắm rửa khử độc toàn thân bằng xà phòng.", "tắm rửa khử độc"),
])
def test_folk_and_dental_procedures(text, procedure):
    assert ("PROCEDURE", procedure) in [(s.label, s.text) for s in extract(text)]


def test_a_triangle_is_no_cupping():
    assert not [s for s in extract("Phẫu tích tam giác Calot, kẹp cắt động mạch túi mật.") if s.text == "giác"]


@pytest.mark.parametrize("text,sign", [
    ("Khám: ăn mặc gọn, nét mặt buồn, trả lời chậm, không ảo giác.", "nét mặt buồn"),
    ("Nôn 3 lần, chảy nước bọt nhiều, vã mồ hôi, đau quặn bụng.", "chảy nước bọt nhiều"),
    ("- Đồng tử co nhỏ 1mm hai bên.", "Đồng tử co nhỏ"),
    ("Da xanh, niêm mạc nhợt, củng mạc vàng nhẹ, bụng cổ trướng.", "củng mạc vàng nhẹ"),
    ("Gần đây ăn kém, mệt, nước tiểu sẫm.", "nước tiểu sẫm"),
])
def test_sign_families_of_mood_poisoning_and_jaundice(text, sign):
    assert ("SYMPTOM", sign) in [(s.label, s.text) for s in extract(text)]


def test_funny_is_no_low_mood():
    assert not extract("Chuyện buồn cười lắm.")


def test_oxygen_by_nasal_prongs_written_o2():
    assert ("PROCEDURE", "thở O2 kính") in [(s.label, s.text) for s in extract("Nâng thở O2 kính lên 3 l/p.")]
