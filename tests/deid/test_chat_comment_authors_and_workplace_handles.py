"""Chat handles that are no known full name: a comment thread's author said once ('Brian Vo:', 'Sopheap Lam:': one
word a surname, the other a name or no Vietnamese word), and a display name followed by its owner's workplace after a
dash, said twice or more ('Thu Ha - PK Phuoc Loc:'): the display name is a NAME, with the workplace when it is the
workplace's own name, without it when the workplace opens on a role tag ('Bich Van - CTXH BV Tinh'). A section label
in title case, or a heading with a dash, is no handle."""
from __future__ import annotations

from tests.deid.helpers import texts

THREAD = ("Nhóm \"Hội người chạy thận Bến Tre\" - bài viết\n"
          "Mọi người ơi cho em hỏi chạy thận ở đâu gần Mỏ Cày ạ\n"
          "Bình luận\n"
          "Thúy Nga Lê: Em qua bệnh viện tỉnh hỏi thử nha\n"
          "Sopheap Lam: Bên Trà Vinh cũng có chỗ chạy, đi xe buýt được\n"
          "Brian Vo: From Seattle - sent $40, hope she gets better\n"
          "Minh Tâm Đặng: Cố lên em ơi\n")

STAFF = ("[Zalo] Nhom \"Ba Sau - chay than\"\n"
         "06/11 18:02 Thu Ha: chi oi hom nay ba met khong chi\n"
         "06/11 18:10 Bich Van - PK Phuoc Loc: chao em, ba on, ha 140/80\n"
         "06/11 18:12 Thu Ha: da cam on chi\n"
         "06/11 18:20 Bich Van - PK Phuoc Loc: nho nhac ba uong thuoc dung gio\n"
         "06/11 18:25 Thu Ha: da\n")

ROLE_TAG = ("[07:10] Luong Thi Mo - CTXH BVDK Tinh: chao ca nha\n"
            "[07:12] Thu Ha: da chao chi\n"
            "[07:20] Luong Thi Mo - CTXH BVDK Tinh: mai nho mang the BHYT\n"
            "[07:22] Thu Ha: da\n")


def test_comment_authors_said_once(rules):
    names = texts(rules, THREAD, "NAME")
    assert "Sopheap Lam" in names and "Brian Vo" in names


def test_display_name_with_workplace_name(rules):
    names = texts(rules, STAFF, "NAME")
    assert names.count("Bich Van - PK Phuoc Loc") == 2 or sum("Bich Van" in n for n in names) == 2


def test_role_tag_after_dash_stays_outside(rules):
    names = texts(rules, ROLE_TAG, "NAME")
    assert names.count("Luong Thi Mo") == 2
    assert not any("CTXH" in n for n in names)


def test_title_case_labels_and_dash_headings_are_no_handles(rules):
    text = ("Buổi 1 - Thứ Hai: khám lại\n"
            "Buổi 2 - Thứ Tư: lấy máu\n"
            "Kết Luận: ổn định\n"
            "Hướng Xử Trí: tái khám\n"
            "Ghi Chú: không\n")
    assert texts(rules, text, "NAME") == []
