"""A full name found in a note names the same person when its given name later stands alone: in a text written
with marks a marked given name is no common word even when its folded form is one ('Dợ' is no 'do'); a full name
in capitals names its given name in sentence case ('HỜ THỊ DI' ... 'Bé Di'); an unmarked given name that is also a
common word ('Di', 'Do') needs a role or kinship word before it; a kinship word ('Bé') or a word pair of ordinary
Vietnamese ('Bảo hiểm') is never taken."""
from __future__ import annotations

from tests.deid.helpers import texts

CALL = ("KÊU GỌI GIÚP ĐỠ BÉ SÙNG THỊ DI\n"
        "Bé Di 8 tuổi, học lớp 3 trường tiểu học của xã, bị tim bẩm sinh cần mổ sớm.\n"
        "Mọi ủng hộ xin gửi y tế thôn bản Giàng Thị Dợ 0981 224 673 (ghi: ủng hộ bé Di).\n"
        "Chị đã chia sẻ vào nhóm thiện nguyện. Dợ ơi hồ sơ bé gửi chị qua email nhé.")


def test_marked_given_name_alone_after_its_full_name(rules):
    found = texts(rules, CALL, "NAME")
    assert found.count("Dợ") >= 1


def test_given_name_of_a_name_in_capitals_after_a_kinship_word(rules):
    found = texts(rules, CALL, "NAME")
    assert found.count("Di") == 2


def test_unmarked_common_word_without_a_cue_stays(rules):
    text = "Bệnh nhân Hoàng Văn Do, 52 tuổi, vào viện lúc 21:10.\nDo sốt cao liên tục nên được chuyển khoa Nội."
    found = texts(rules, text, "NAME")
    assert "Hoàng Văn Do" in found and found.count("Do") == 0


def test_kinship_word_and_ordinary_words_stay(rules):
    text = ("Sản phụ Lò Thị Bé, 24 tuổi, sinh thường lúc 04:20.\n"
            "Bé sinh ra khóc to, cân nặng 3,1 kg. Bảo hiểm y tế chi trả, người nhà Hà Văn Bảo ký giấy.")
    found = texts(rules, text, "NAME")
    assert "Bé" not in found and "Bảo" not in found
