"""The strict profile keeps form, school, social-work, civil-status and traditional-medicine phrases whose words
are also name syllables ('PHÒNG CÔNG TÁC XÃ HỘI', 'TÂM LÝ LÂM SÀNG', 'Năm học', 'cha mẹ ly hôn', 'huyệt Túc tam
lý'; words.yaml safe_phrases). A name written beside them still goes."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w.strip(".,:()") for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, words", [
    ("PHÒNG CÔNG TÁC XÃ HỘI\nBÁO CÁO CA", {"CÔNG", "TÁC"}),
    ("HỘI CHẨN CTXH / TÂM LÝ LÂM SÀNG\n", {"LÝ", "LÂM"}),
    ("Lớp: 1A  Năm học mới, Nghề nghiệp: làm nông", {"Năm", "Nghề"}),
    ("Hoàn cảnh: cha mẹ ly hôn 2024, mẹ đi làm xa.", {"ly"}),
    ("Xoa bóp bấm huyệt (huyệt Túc tam lý, Tam âm giao, Bách hội, Thần môn).", {"Túc", "Tam", "Bách"}),
    ("Hội đồng liên ngành họp ngày 27/11, trình Giám đốc duyệt.", {"đồng", "liên", "Giám"}),
])
def test_strict_keeps_phrases_whose_words_are_name_syllables(text, words):
    assert not removed_words(text) & words


def test_strict_still_removes_a_name_after_such_a_phrase():
    assert "Bốp" in removed_words("PHÒNG CÔNG TÁC XÃ HỘI\nBé Clâu Thị Bốp, 7 tuổi.")


@pytest.mark.parametrize("text, words", [
    ("CHƯƠNG TRÌNH DỰ PHÒNG LÂY TRUYỀN HIV TỪ MẸ SANG CON", {"TRÌNH", "TỪ"}),
    ("Gia đình liên hệ khi cần. Phương pháp: ICSI.", {"Gia", "đình", "liên", "Phương", "pháp"}),
    ("Bài thuốc gia giảm Thông thảo 6g, Vương bất lưu hành 10g; châm cứu Đản trung, Nhũ căn.",
     {"Thông", "thảo", "lưu", "hành", "Đản"}),
])
def test_strict_keeps_programme_family_and_herb_phrases(text, words):
    assert not removed_words(text) & words


def test_strict_keeps_a_number_added_to_a_number_and_english_clinical_words():
    text = "Perinatal history: 37+1 wks. Fontanelle soft. Cord: 3 vessels. CPAP 5 cmH2O. Colostrum by syringe. TLD 90+30."
    got = removed_words(text)
    assert not got & {"+1", "+30", "Perinatal", "Fontanelle", "Cord", "cmH2O", "Colostrum"}
