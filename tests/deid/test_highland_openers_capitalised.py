"""In a document about a Central Highlands people or province, a capitalised 'A' / 'Y' + one capitalised syllable is a
Ba Na / Xơ Đăng / Ê Đê given name with its opener, with no cue and outside the lexicons; the capital letter stays a
label after 'vitamin', 'nhóm máu', 'khu', and inside a run of capitals ('Sở Y Tế')."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_opener_and_unknown_syllable_is_a_name_in_a_highland_note(rules):
    text = ("Bệnh nhân nữ, dân tộc Xơ Đăng, ở làng Kon Rơ Bang. Mẹ không nói tiếng Việt, A Brêng dịch giúp. "
            "Khi sốt cao gọi trạm hoặc nhắn A Brêng; bà mế Y Hlơn giữ thuốc ở nhà.")
    names = texts(rules, text, "NAME")
    assert names.count("A Brêng") == 2 and "Y Hlơn" in names


def test_capital_letter_labels_stay(rules):
    text = ("Người bệnh Ba Na ở Kon Tum. Uống vitamin A Liều cao một lần. Nhóm máu A Rh dương. "
            "Nằm khu A Tầng hai. Báo cáo Sở Y Tế tỉnh.")
    names = texts(rules, text, "NAME")
    assert not any(n.startswith(("A ", "Y ")) for n in names)


def test_no_highland_context_no_name(rules):
    text = "Bệnh nhân ở Hà Nội, sáng nay A Brêng mang thuốc tới."
    assert "A Brêng" not in texts(rules, text, "NAME")
