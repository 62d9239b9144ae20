"""A phone transcript in lower case that opens each turn on the speaker without a colon ('anh lộc hết sốt rồi'):
a kinship word and one word opening three turns or more names that speaker, wherever the kinship word calls him
('cảm ơn anh lộc'), and with the surname said before it ('gọi anh thạch lộc'); a role ('bác sĩ ...') or a
pronoun opening the turns ('anh ấy', 'em thì') is no name."""
from __future__ import annotations

from tests.deid.helpers import texts

CALL = ("ghi âm cuộc gọi nhắc uống thuốc lao tôi gọi anh thạch lộc lúc chiều\n"
        "tôi alo anh lộc hả em bên trạm y tế nè anh uống thuốc đều không\n"
        "anh lộc đều mà còn có ba ngày thuốc thôi em\n"
        "tôi vậy mai anh ghé trạm lấy thêm nha\n"
        "anh lộc mai anh đi biển rồi chắc tuần sau\n"
        "tôi vậy em nhờ vợ anh lấy giùm được không\n"
        "anh lộc được được cảm ơn em nha\n"
        "bác sĩ dặn uống lúc đói\nbác sĩ dặn tái khám\nbác sĩ dặn kiêng rượu\n")


def test_speaker_opening_turns_is_a_name(rules):
    names = texts(rules, CALL, "NAME")
    assert names.count("lộc") >= 4 and "thạch lộc" in names


def test_role_opening_turns_is_no_name(rules):
    names = texts(rules, CALL, "NAME")
    assert not any(n in ("sĩ", "bác sĩ") for n in names)
