"""De-identification through the canonical view: hidden forms of identifiers are removed whole, the input's
other characters are kept, and odd characters never crash the tagger."""
from __future__ import annotations

import pytest

import vimednlp
from vimednlp.deid import deidentify

OPERATORS = ["tag", "mask", "redact", "hash", "encrypt", "surrogate"]


@pytest.mark.parametrize("operator", OPERATORS)
def test_lone_surrogate_reaches_no_encoder(operator):
    # the tagger (crfsuite) raised SystemError on a lone surrogate
    res = vimednlp.deidentify("BN An \ud800", operator=operator, key="khoa-bi-mat-du-dai-16")
    assert res.text.endswith("\ud800")  # outside the spans, the input's characters stay
    res = vimednlp.deidentify("Bệnh nhân Nguyễn Văn An \udc00, SĐT 0912 345 678 \ud83d", operator=operator,
                              key="khoa-bi-mat-du-dai-16")
    assert "0912" not in res.text and "Nguyễn Văn An" not in res.text


@pytest.mark.parametrize("text, secret, label", [
    ("SĐT 091\x002 345 678, gọi lại sau", "091\x002 345 678", "PHONE"),
    ("SĐT 0912\u200b345 678, gọi lại sau", "0912\u200b345 678", "PHONE"),
    ("SĐT ０９１２ ３４５ ６７８, gọi lại sau", "０９１２ ３４５ ６７８", "PHONE"),
    ("Họ tên: ＮＧＵＹＥＮ ＶＡＮ ＡＮ", "ＮＧＵＹＥＮ ＶＡＮ ＡＮ", "NAME"),
    ("Bệnh nhân Nguy&#7877;n Văn An, 45 tuổi", "Nguy&#7877;n Văn An", "NAME"),
    ("Bệnh nhân Nguy&#x1EC5;n&nbsp;Văn An &amp; vợ", "Nguy&#x1EC5;n&nbsp;Văn An", "NAME"),
    ("Vào viện ngày l0/O8/2O25 vì sốt", "l0/O8/2O25", "DATE"),
    ("Liên hệ SĐT O9l2.7O4.336 khi cần", "O9l2.7O4.336", "PHONE"),
    ("sdt 0 9 7 2 . 1 1 8 . 3 4 5 nha", "0 9 7 2 . 1 1 8 . 3 4 5", "PHONE"),
    ("sdt 0.9.7.2.1.1.8.3.4.5 nha", "0.9.7.2.1.1.8.3.4.5", "PHONE"),
    ("Vào viện ngày 12 03 2024 vì sốt", "12 03 2024", "DATE"),
    ("Ngày sinh 05/O3/l985, nam", "05/O3/l985", "DATE"),
    ("email hoa.pham (at) gmail (dot) com nhé", "hoa.pham (at) gmail (dot) com", "EMAIL"),
    ("Người nhà N.V.An gọi điện hỏi thăm", "N.V.An", "NAME"),
    ("Email: an.nguyen [at] gmail [dot] com", "an.nguyen [at] gmail [dot] com", "EMAIL"),
    ("Email: an.nguyen at gmail dot com", "an.nguyen at gmail dot com", "EMAIL"),
    ("Bệnh nhân Nguy-\nễn Văn An, 45 tuổi", "Nguy-\nễn Văn An", "NAME"),
])
def test_hidden_form_is_removed_whole(text, secret, label):
    res = deidentify(text, operator="tag")
    found = [(s.label, s.text) for s in res.spans]
    assert (label, secret) in found, found
    i = text.index(secret)
    assert text[:i] in res.text  # the input before it is kept as it was
    for s in res.spans:
        assert text[s.start:s.end] == s.text


def test_ocr_header_is_an_organisation_and_still_reads_as_given():
    text = "BỆNH VlỆN ĐA KH0A TỈNH NAM ĐỊNH\nBệnh nhân Nguyễn Văn An"
    res = deidentify(text, operator="tag")
    assert ("ORGANIZATION", "BỆNH VlỆN ĐA KH0A TỈNH NAM ĐỊNH") in [(s.label, s.text) for s in res.spans]


def test_output_keeps_odd_characters_outside_spans():
    text = "Ghi chú\u200b: BN Nguyễn Văn An\x00 ổn định &amp; ra viện"
    res = deidentify(text, operator="tag", output="input")
    assert res.text == "Ghi chú\u200b: BN [NAME]\x00 ổn định &amp; ra viện"
