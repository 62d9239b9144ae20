"""An exported chat (Zalo / Messenger copied out): each message sits under a line holding only the sender and the
stamp, no ':' ('Lò Văn Thắm TYT  14/11 07:40'). With two such lines the sender is a NAME (the words before a role
tag), the stamp a DATE; the export's header names both people; a word of a sender's name after a short kinship
word and a call ('a tham oi') names the sender again. One such line alone, or a table row, is no chat."""
from __future__ import annotations

from tests.deid.helpers import texts

EXPORT = ("zalo Lo Tham \u2194 Vang Sua YTTB\n\n"
          "Vang Sua YTTB  14/11 07:40\n"
          "a tham oi hom nay thon co 3 chau sot, e cho di kham nhe\n\n"
          "Lo Tham 14/11 07:52\n"
          "ok e, dua xuong tram truoc 9h nhe\n\n"
          "khanhvy2019  14/11 08:03\n"
          "c oi chau nha e cung sot tu toi qua\n\n"
          "Vang Sua YTTB Lang Mo  14/11 08:10\n"
          "de e bao ca nha\n")


def test_sender_lines_give_names_and_stamps(rules):
    names = texts(rules, EXPORT, "NAME")
    assert names.count("Vang Sua") >= 3 and "Lo Tham" in names and "khanhvy2019" in names
    assert "YTTB" not in " ".join(names)
    dates = texts(rules, EXPORT, "DATE")
    assert all(s in dates for s in ("14/11 07:40", "14/11 07:52", "14/11 08:03", "14/11 08:10"))


def test_sender_called_after_kinship_word(rules):
    assert "tham" in texts(rules, EXPORT, "NAME")


def test_one_stamp_line_or_a_sheet_row_is_no_sender(rules):
    one = "Kham lai 14/11 07:40\nBN on dinh, an ngu duoc\n"
    assert texts(rules, one, "NAME") == []
    sheet = "Mach 14/11 07:40\nNhiet do 14/11 08:00\nHuyet ap 14/11 09:00\n"
    assert not any(n in ("Mach", "Nhiet do", "Huyet ap") for n in texts(rules, sheet, "NAME"))


def test_clock_minutes_before_a_new_line_are_no_measurement(rules):
    # '20:31' then 'tuan truoc ...' on the next line is no '31 tuần' (a value with its unit): the stamp stays a date
    chat = ("Lo Tham  02/12 20:14\nca nha oi mai tiem chung\n\n"
            "Vang Sua  02/12 20:31\ntuan truoc be bi sot nen chua di\n\n"
            "Lo Tham  02/12 20:40\nok e\n")
    assert "02/12 20:31" in texts(rules, chat, "DATE")


def test_value_with_unit_still_allowed_on_its_line():
    from vimednlp.deid.analyzer import allow_spans
    from vimednlp.deid.recognizers.base import Context
    text = "can nang 4,6 kg, thai 31 tuan, Hb 110 g/l"
    found = [text[s:e] for s, e, _ in allow_spans(Context(text))]
    assert "4,6 kg" in found and "31 tuan" in found


# a chat exported within one day: the sender line holds the clock time only, and the sender's display name may
# start with a title or family role ('BS Minh Tâm', 'Bà Ngoại Hồng', 'Mẹ Bống')
DAY_EXPORT = ("[Zalo nhóm \"Nhà Bống + BS Minh Tâm\"]\n"
              "Mẹ Bống 20:02\n"
              "bs ơi con em sốt 38 độ 5 từ chiều\n\n"
              "BS Minh Tâm 20:05\n"
              "e cho bé uống hạ sốt, lau mát, theo dõi thêm nhé\n\n"
              "Bà Ngoại Hồng 20:11\n"
              "Bác sĩ ơi có cần đưa cháu đi viện không\n\n"
              "BS Minh Tâm 20:14\n"
              "nếu co giật hoặc li bì thì đưa đi viện ngay ạ\n")


def test_day_chat_sender_keeps_its_title_or_family_role(rules):
    names = texts(rules, DAY_EXPORT, "NAME")
    assert "BS Minh Tâm" in names and "Bà Ngoại Hồng" in names and "Mẹ Bống" in names


def test_a_run_sheet_of_clock_times_is_no_chat(rules):
    sheet = "Nhận lệnh 06:41\nĐến hiện trường 06:58\nĐến BV 07:35\n"
    assert not any(n.startswith(("Nhận", "Đến")) for n in texts(rules, sheet, "NAME"))


INLINE = ("nhom zalo: yte thon dak wek\n"
          "a yong 05/12 06:41: a thiet oi chau nha ben kia sot run tu dem qua\n"
          "lan yt 05/12 06:50: da a cho chau xuong tram luon nha\n"
          "Hoa nhan su hom qua 21:47: bs oi e gui ds cong nhan kham lai\n"
          "bs hanh hom nay 07:31: ok e, chieu nay chi xem\n")


def test_sender_lines_with_the_message_after_a_colon_and_a_day_in_words(rules):
    names = texts(rules, INLINE, "NAME")
    assert "a yong" in names and "lan" in names and "Hoa" in names and "hanh" in names
    assert not any("nhan su" in n or n.endswith("yt") for n in names)
    dates = texts(rules, INLINE, "DATE")
    assert "05/12 06:41" in dates and "hom qua 21:47" in dates and "hom nay 07:31" in dates


def test_a_care_plan_with_times_after_a_colon_is_no_chat(rules):
    plan = "Kham lai 05/12 08:00: on dinh\nThay bang 05/12 14:00: vet mo kho\n"
    assert not any(n in ("Kham lai", "Thay bang") for n in texts(rules, plan, "NAME"))
