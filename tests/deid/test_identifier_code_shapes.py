"""A code whose shape alone says identifier is one without a cue before it (a writer's own cue word is never all
known): capitals then six digits or more (a border pass, a bank transfer, a record number), capital groups + a
year-like group + a serial ('HSC-KV-2026-0112'), a long run of capitals and digits (a tax number). Clinical codes,
gene and lab names and document numbers of decrees stay."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_codes_without_a_known_cue(rules):
    text = ("Giấy thông hành XNC EB3307214, hồ sơ ngoại trú TT2604419. Chuyển khoản xong, mã GD FT26339104827. "
            "For the donor report use client codes only, HSC-KV-2026-0112 and HSC-KV-2026-0113. "
            "Xuất hóa đơn công ty, 税号 91450681MA5L3K7Q2X.")
    ids = texts(rules, text, "ID")
    for code in ("EB3307214", "TT2604419", "FT26339104827", "HSC-KV-2026-0112", "HSC-KV-2026-0113",
                 "91450681MA5L3K7Q2X"):
        assert code in ids


def test_clinical_codes_and_decrees_stay(rules):
    text = ("Chẩn đoán: loét hành tá tràng (K26.4); kiểu gen CYP2C19 *2/*2; HbA1c 9.8%; nhiễm SARS-CoV-2 "
            "điều trị theo QĐ 4689/QĐ-BYT; mã ATC A10BA02; INTERNATI0NAL HEALTH CLAIM.")
    assert texts(rules, text, "ID") == []


def test_dashed_codes_of_any_group_length(rules):
    # French and English cue words ('contrat n°', 'appel', 'Dossier X:') are never all known: the shape carries it
    text = ("Assurance: Mutuelle Horizon Expat, contrat n° HZE-2025-0448120 (réf. dossier KTS-26-11-0571). "
            "Bảo hiểm Allianz Care n° AC-5512-77301-02. [transcription auto · appel VC-20261130-0042] "
            "Dossier SanteViet: SVN-CAR-00412. Lao ART code SLV-ART-2201 is stable on TLD.")
    ids = texts(rules, text, "ID")
    for code in ("HZE-2025-0448120", "KTS-26-11-0571", "AC-5512-77301-02", "VC-20261130-0042", "SVN-CAR-00412",
                 "SLV-ART-2201"):
        assert code in ids


def test_dashed_markers_under_four_digits_stay(rules):
    text = "CA 19-9 tăng nhẹ, CA-125 35 U/mL, IL-6 bình thường, HLA-B27 âm tính, BI-RADS 3, NYHA-3."
    assert texts(rules, text, "ID") == []


def test_chat_handles_with_underscore(rules):
    text = ('{"export":"chat","room_id":"rm_5e2b9d07c1","patient":"x"} / [Chat · phòng rm_a81f30c6d4] / '
            'WeChat của anh ấy: minhduc_hx2291')
    ids = texts(rules, text, "ID")
    for code in ("rm_5e2b9d07c1", "rm_a81f30c6d4", "minhduc_hx2291"):
        assert code in ids


def test_file_names_and_snake_case_words_stay(rules):
    text = "[img_20261205_2119.jpg] ban đỏ ở bụng; file ket_qua.pdf; trường patient_id trống"
    assert texts(rules, text, "ID") == []
