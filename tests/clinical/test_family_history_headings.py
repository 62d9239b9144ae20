"""Family history headed by its short forms (`TS gia đình:`, `GĐ:`) or by a pedigree (`Phả hệ (...)`): every
problem under it is a relative's, not the patient's history."""
from __future__ import annotations

from vimednlp.clinical import extract


def attrs(text):
    return {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_pedigree_heading_with_informant_makes_rows_family():
    text = ("TS: gout 2019, THA.\n"
            "Phả hệ (con gái kể):\n"
            " mẹ (mất) – đột quỵ năm 65t\n"
            " em trai – suy thận, đang lọc máu\n"
            "Khám: tỉnh, HA 150/90 mmHg.\n")
    a = attrs(text)
    assert a["đột quỵ"]["family"] and a["suy thận"]["family"]
    assert not a["gout"]["family"] and a["gout"]["historical"]


def test_abbreviated_family_heading():
    text = ("TS nội: ko THA.\n"
            "GĐ:\n"
            " mẹ ĐTĐ typ 2\n"
            " bố hen phế quản\n"
            "Khám: ko phù.\n")
    a = attrs(text)
    assert a["hen phế quản"]["family"]
    assert not a["phù"]["family"]


def test_rows_under_a_family_heading_end_at_the_margin():
    text = ("GĐ:\n"
            " mẹ ĐTĐ typ 2\n"
            " chị ruột ĐTĐ thai kỳ 2 lần\n"
            "NPDNG 75g tuần 25 (03/11): G0 5,4 mmol/L, G2h 9,1 mmol/L -> viêm tụy cấp?\n")
    a = attrs(text)
    assert a["ĐTĐ thai kỳ"]["family"]
    assert not a["viêm tụy cấp"]["family"]


def test_ts_gia_dinh_heading_is_family_not_own_history():
    a = attrs("TS gia đình: Bố mất năm 72t do nhồi máu cơ tim - Mẹ đái tháo đường.\nKhám: ko sốt.")
    assert a["nhồi máu cơ tim"]["family"] and a["đái tháo đường"]["family"]
    assert not a["sốt"]["family"]
