"""Family assertions in two forms (issue #18): a pedigree line written `relative (age) – problems` outside a family
section, and a relative named in apposition (`chị gái ruột <name>, <age>, <problem>`). Invented text."""
from vimednlp.clinical import extract


def _flags(text):
    return {s.text: s.attrs.get("family") for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_every_problem_on_a_dash_pedigree_line_is_the_relatives():
    f = _flags("Khám sức khỏe cho bé trai 7 tuổi.\nPhả hệ (bố kể):\n  Bà ngoại – mất 2021, hình như K gan, vàng da kéo dài\n"
               "  Bố (39t) — viêm gan B; ĐTĐ\n  Chị gái – khỏe\nBệnh sử: bé ho 1 tuần.")
    assert f["K gan"] and f["vàng da"] and f["viêm gan B"] and f["ĐTĐ"]
    assert not f["ho"]


def test_a_dash_line_stops_at_the_patient():
    f = _flags("- Mẹ - hen phế quản, bệnh nhân - khò khè")
    assert f["hen phế quản"] and not f["khò khè"]


def test_a_chat_speaker_with_a_colon_is_no_pedigree():
    f = _flags("Mẹ: con bị sốt từ tối qua.")
    assert not f["sốt"]


def test_relative_named_with_age_in_apposition():
    f = _flags("Nguồn lây: em trai ruột Phạm Văn Tú, 19t, lao phổi AFB(+) chẩn đoán 09/2026.")
    assert f["lao phổi AFB(+)"]


def test_full_name_without_age_then_problem():
    f = _flags("Tiếp xúc gần: chồng Đỗ Minh Khang, viêm gan C đang điều trị.")
    assert f["viêm gan C"]


def test_a_named_relative_who_brings_the_child_is_not_the_sick_one():
    f = _flags("Người đưa đến: mẹ Vũ Thị Hằng, 29 tuổi, bé nôn 3 lần.")
    assert not f["nôn"]


def test_thinking_mostly_of_a_disease_is_a_doubt():
    s = [x for x in extract("ĐG: hạch cổ to dần, nghĩ nhiều lao hạch.") if x.text == "lao hạch"]
    assert s and s[0].attrs["uncertain"]
