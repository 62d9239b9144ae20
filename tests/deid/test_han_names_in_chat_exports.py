"""Names in Han characters in a chat exported from WeChat: the sender after a year-first time stamp ('2026/12/04
07:58 李美芳:'), a name after a kin word as said in a chat ('我妹妹 李美玲', '我老公 周海涛', 'anh trai 黄建军'), and every
later mention of a Han name found once (one token holds the whole name: no cue needed). A form's field label in Han
characters ('诊断:') with no clock before it is no sender, and a three-character name ends before the prose after it."""
from __future__ import annotations

from tests.deid.helpers import texts

WECHAT = ("微信 WeChat · 对话: 李美芳 (备注: khách quen)\n"
          "2026/12/04 07:58 李美芳: 郑医生早上好 bac si oi\n"
          "2026/12/04 08:21 郑光荣: 早。头痛的时候有没有恶心\n"
          "2026/12/04 08:44 李美芳: 或者找我妹妹 李美玲 她在越南\n"
          "2026/12/04 09:02 郑光荣: 收到。妹妹 李美玲 我安排 周六 上午 洗牙\n"
          "2026/12/04 09:05 李美芳: 对了 我老公 周海涛 说他下周自己来\n")


def test_wechat_senders_with_year_first_stamps(rules):
    names = texts(rules, WECHAT, "NAME")
    assert names.count("李美芳") == 4
    assert names.count("郑光荣") == 2


def test_han_names_after_chat_kin_words(rules):
    names = texts(rules, WECHAT, "NAME")
    assert names.count("李美玲") == 2 and "周海涛" in names
    assert not any("我安排" in n for n in names)


def test_vietnamese_two_word_kin_before_a_han_name(rules):
    assert "黄建军" in texts(rules, "Người đưa đến: anh trai 黄建军 (Huang Jianjun), ĐT +86 138 7701 2245.", "NAME")


def test_han_field_label_is_no_sender(rules):
    form = "诊断: 偏头痛\n处理: 氟桂利嗪 5mg\n"
    assert texts(rules, form, "NAME") == []
