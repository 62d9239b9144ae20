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


def test_relative_named_with_the_patient_possessive_keeps_the_family_section():
    # `bố BN`: the patient's word closes the relative's name, it does not make the patient the subject
    text = ("Tiền sử gia đình: bố BN mất năm 61 tuổi vì suy tim, lúc sống hay khó thở về đêm. "
            "Mẹ còn sống, không đái tháo đường.\n"
            "Khám: tỉnh, phổi ran ẩm đáy phải.\n")
    a = attrs(text)
    assert a["suy tim"]["family"] and a["khó thở về đêm"]["family"]
    assert a["đái tháo đường"]["family"] and a["đái tháo đường"]["negated"]
    assert not a["ran ẩm"]["family"]


def test_pedigree_rows_with_an_age_before_the_colon():
    text = ("Tiền sử gia đình: bố mẹ khỏe.\n"
            " anh trai 58t: THA, sỏi mật\n"
            " em gái 47 tuổi: hen phế quản\n"
            " con trai 25t: chưa khám\n"
            "Khám: mạch 88 l/p, không phù.\n")
    a = attrs(text)
    for term in ("THA", "sỏi mật", "hen phế quản"):
        assert a[term]["family"], term
    assert not a["phù"]["family"]


def test_a_pedigree_row_of_a_son_is_no_chat_sender():
    # ` con trai 25t: ...` in a family section is a row: the patient's own `mẹ` elsewhere stays a relative
    text = ("Tiền sử bản thân: viêm gan B (2015).\n"
            "Tiền sử gia đình: mẹ mất vì ung thư gan.\n"
            " con trai 30t: viêm gan B\n"
            "Khám: vàng da nhẹ.\n")
    a = attrs(text)
    assert a["ung thư gan"]["family"]
    assert not a["vàng da"]["family"]


def test_a_kinship_syllable_inside_a_mention_names_no_person():
    # `chong mat` (chóng mặt) is no `chồng`: the child's bare `bo` stays the patient for what follows
    text = ("[21:05] Hoa (con gai bn Tran Van Lam): chi oi toi nay bo keu chong mat vs run tay, va mo hoi nhieu\n"
            "[21:07] DD Thu: e do duong mau cho bo chua?\n")
    a = attrs(text)
    for term in ("chong mat", "run tay", "va mo hoi"):
        assert term in a and not a[term]["family"], term


def test_a_sender_label_naming_the_parent_makes_only_that_parent_the_patient():
    # `con trai bà ...`: mẹ is the patient, bố is a relative
    text = ("[07:10] Tuan (con trai ba Lo Thi Sen): chi oi me e uong thuoc lao dc 2 tuan r, sang nay me kho tho\n"
            "[07:15] DD Thu: me co vang mat, buon non ko?\n"
            "[07:20] Tuan: ko a. bo e ngay xua cung bi lao, chac la lay tu bo\n")
    a = {s.text + str(s.start): s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}
    fam = {k for k, v in a.items() if v["family"]}
    assert any(k.startswith("lao") and int(k[3:]) > text.index("bo e") for k in fam)
    assert not any(k.startswith(("kho tho", "vang mat", "buon non")) for k in fam)
