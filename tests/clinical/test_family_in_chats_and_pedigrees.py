"""Who a kinship word names: in a chat written by the patient's child the bare parent word is the patient; a
relative who opens a family line or a pedigree row keeps the family section's subject."""
from __future__ import annotations

from vimednlp.clinical import extract


def attrs(text):
    return {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_parent_word_in_a_chat_by_the_patients_child_is_the_patient():
    text = ("Nga (con gai): bs oi ba e tu trua toi gio ho nhieu, sot nhe\n"
            "BS Vinh: ba co dau nguc ko em?\n"
            "Nga: ba li bi, goi moi tra loi\n")
    a = attrs(text)
    assert "li bi" in a and not a["li bi"]["family"]
    assert "ho nhieu" in a and not a["ho nhieu"]["family"]


def test_parent_word_stays_family_without_a_child_sender():
    a = attrs("Bệnh nhân nữ 45t, ho 2 tuần. Mẹ bị hen phế quản.")
    assert a["hen phế quản"]["family"] and not a["ho"]["family"]


def test_history_told_by_the_child_counts_for_the_patient():
    text = ("[19:02] Khanh - con trai: me e ho ra dom xanh tu hom qua\n"
            "[19:05] BS Thu: tien su me COPD tu nam 2019 phai ko\n")
    a = attrs(text)
    assert "COPD" in a and not a["COPD"]["family"] and a["COPD"]["historical"]


def test_family_section_line_opened_by_the_informant_relative():
    text = ("Tiền sử: đái tháo đường 12 năm.\n"
            "Gia đình: con gái kể mẹ bà \"hồi trước cũng run tay, đi lê chân\", chắc là Parkinson không chữa.\n"
            "Khám: tỉnh, tiếp xúc được.\n")
    a = attrs(text)
    assert a["Parkinson"]["family"]
    assert not a["đái tháo đường"]["family"]


def test_pedigree_row_of_a_grandchild_is_family():
    text = ("Gia đình (sơ đồ phả hệ):\n"
            " Chồng 72t — đái tháo đường\n"
            " Cháu ngoại 4t — ho kéo dài 2 tuần\n"
            "Khám: bà tỉnh, phổi ran ẩm đáy phải.\n")
    a = attrs(text)
    assert a["ho kéo dài"]["family"] and a["đái tháo đường"]["family"]


def test_a_child_patient_called_chau_is_not_family():
    a = attrs("Cháu gái 3 tuổi, sốt cao từ chiều, nôn 2 lần.")
    assert not a["sốt cao"]["family"]
