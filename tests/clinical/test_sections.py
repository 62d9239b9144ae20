"""Sections of Vietnamese records, on every span."""
from __future__ import annotations

from vimednlp.clinical import extract, find_sections

NOTE = """TÓM TẮT BỆNH ÁN
I. Lý do vào viện: sốt, ho.
Bệnh sử: sốt 3 ngày, ho khan. Tiền sử: hen phế quản.
Tiền sử gia đình: mẹ đái tháo đường.
2. Khám vào viện: phổi ran rít.
Cận lâm sàng: XQ phổi có đám mờ.
Chẩn đoán ra viện: viêm phổi.
Lời dặn: khi có khó thở đến khám ngay.
"""


def test_headings_found_in_order():
    names = [s.name for s in find_sections(NOTE)]
    assert names == ["tom_tat_benh_an", "ly_do_vao_vien", "benh_su", "tien_su", "tien_su_gia_dinh",
                     "kham_lam_sang", "can_lam_sang", "chan_doan_ra_vien", "loi_dan"]
    s = find_sections(NOTE)[1]
    assert NOTE[s.start:s.heading_end] == "Lý do vào viện"


def test_sections_on_spans_and_implied_assertions():
    out = {(s.text, s.attrs["section"]): s for s in extract(NOTE)}
    assert ("viêm phổi", "chan_doan_ra_vien") in out
    assert out[("đái tháo đường", "tien_su_gia_dinh")].attrs["family"]
    assert out[("hen phế quản", "tien_su")].attrs["historical"]
    assert out[("khó thở", "loi_dan")].attrs["hypothetical"]
    assert not out[("sốt", "ly_do_vao_vien")].attrs["historical"]


def test_headings_without_diacritics_and_not_inside_sentences():
    text = "TIEN SU GIA DINH: bo bi tang huyet ap\nbenh nhan co tien su: khong ro"
    secs = find_sections(text)
    assert [s.name for s in secs] == ["tien_su_gia_dinh"]
    assert find_sections("") == []


def test_section_implication_stops_at_a_terminator():
    def cls(text):
        return [(s.text, s.attrs["historical"], s.attrs["family"]) for s in extract(text)]

    assert cls("Tiền sử: THA. Lần này vào viện vì đau ngực.") == [("THA", True, False), ("đau ngực", False, False)]
    assert cls("Tiền sử gia đình: mẹ ĐTĐ. Bệnh nhân ho nhiều.") == [("ĐTĐ", False, True), ("ho nhiều", False, False)]


def test_english_headings_of_bilingual_notes():
    text = "Chief complaint: cough\nPMH: HTN, DM\nFamily history: mother breast cancer\nPlan: follow up in 2 weeks"
    secs = find_sections(text)
    assert [(s.name, s.implies) for s in secs] == [
        ("ly_do_vao_vien", None), ("tien_su", "historical"), ("tien_su_gia_dinh", "family"), ("huong_dieu_tri", None)]


def test_a_label_with_dashes_between_its_words_changes_subject():
    # traditional medicine's four examinations label their line `Vọng - văn - vấn - thiết:`; the history above
    # does not run into it (dashes and slashes between a label's words are not counted as words)
    text = ("TS: THA 5 năm, viêm dạ dày (2022).\n"
            "Vọng - văn - vấn - thiết: lưỡi nhạt rêu trắng mỏng, mạch trầm tế. Lạnh lưng, tiểu đêm.\n")
    got = {s.text: s.attrs["historical"] for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}
    assert got["THA"] and got["viêm dạ dày"]
    assert not got["tiểu đêm"] and not got["Lạnh lưng"]
    text = "Tiền sử: ĐTĐ type 2.\nHỏi / khám: ho khan, sốt nhẹ."
    got = {s.text: s.attrs["historical"] for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}
    assert got["ho khan"] is False


def test_a_table_header_row_ends_an_advice_section():
    from vimednlp.clinical import extract

    text = ("Dự phòng: Cotrimoxazol 960mg/ngày\n"
            "Tháng | AFB đờm | Cân | Tác dụng phụ\n"
            " T2 | âm tính | 48 | ngứa nhẹ\n"
            " T3 | — | 49 | tê bì 2 bàn chân\n")
    a = {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}
    assert "tê bì 2 bàn chân" in a and not a["tê bì 2 bàn chân"]["hypothetical"]
    assert not a["ngứa"]["hypothetical"]
