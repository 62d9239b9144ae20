"""The tagger's spans meet the rules' spans: a tagger span is cut at a line break unless the line goes on (a
comma or a dash ends it) or a rule of its label reads across that break too; a tagger span never takes over a
validated pattern (phone, e-mail) of another label, though it may take over a place inside an organisation."""
from __future__ import annotations

from vimednlp.deid.analyzer import _tagger_lines, resolve
from vimednlp.deid.recognizers import Candidate
from vimednlp.text.canonical import canonical_view

_WHY = "statistical tagger (CRF over syllable, lexicon and rule features)"


def _tag(text: str, piece: str, label: str) -> Candidate:
    s = text.index(piece)
    return Candidate(s, s + len(piece), label, 0.6, "crf", _WHY)


def _rule(text: str, piece: str, label: str, source: str, score: float = 0.9) -> Candidate:
    s = text.index(piece)
    return Candidate(s, s + len(piece), label, score, source, "rule")


def test_tagger_span_cut_at_a_line_break():
    text = "Liên hệ qua zalo hôm nay\n@minh.tam.92 nhé"
    out = _tagger_lines(text, [_tag(text, "nay\n@minh.tam.92", "EMAIL")], [])
    assert [text[c.start:c.end] for c in out] == ["nay", "@minh.tam.92"]


def test_address_going_on_below_stays_whole():
    text = "Địa chỉ: thôn Hiếu Lễ, xã Phước Sơn,\nhuyện Ninh Phước, tỉnh Ninh Thuận"
    piece = "thôn Hiếu Lễ, xã Phước Sơn,\nhuyện Ninh Phước, tỉnh Ninh Thuận"
    out = _tagger_lines(text, [_tag(text, piece, "LOCATION")], [])
    assert [text[c.start:c.end] for c in out] == [piece]


def test_rules_reading_across_the_break_keep_it_whole():
    text = "Tên đơn vị: CÔNG TY TNHH DƯỢC AN\nPHÚC"
    piece = "CÔNG TY TNHH DƯỢC AN\nPHÚC"
    rule = _rule(text, piece, "ORGANIZATION", "organization")
    out = _tagger_lines(text, [_tag(text, piece, "ORGANIZATION")], [rule])
    assert [text[c.start:c.end] for c in out] == [piece]


def test_tagger_span_does_not_swallow_a_phone():
    text = "Người nhà anh Tòng 0912 345 678 gọi lại"
    phone = _rule(text, "0912 345 678", "PHONE", "phone", 0.95)
    wide = _tag(text, "Tòng 0912 345 678", "NAME")
    got = resolve([phone, wide], text, frozenset({"phone"}))
    assert ("PHONE", "0912 345 678") in [(c.label, text[c.start:c.end]) for c in got]


def test_tagger_organisation_takes_over_the_place_inside_it():
    text = "Giới thiệu mẹ tới Hội Liên hiệp Phụ nữ xã Đinh Lạc xin hỗ trợ."
    place = _rule(text, "xã Đinh Lạc", "LOCATION", "location", 0.55)
    org = _tag(text, "Hội Liên hiệp Phụ nữ xã Đinh Lạc", "ORGANIZATION")
    got = resolve([place, org], text, frozenset({"phone"}))
    assert [(c.label, text[c.start:c.end]) for c in got] == [("ORGANIZATION", "Hội Liên hiệp Phụ nữ xã Đinh Lạc")]


def test_handle_on_the_next_line_is_no_email():
    text = "38,2K lượt xem\n@thuytien.2k3: e bị viêm họng"
    assert canonical_view(text).text == text
    assert canonical_view("gửi vào an [at] gmail [dot] com nhé").text == "gửi vào an@gmail.com nhé"
    assert canonical_view("mail: lan.nguyen @ yahoo.com.vn").text == "mail: lan.nguyen@yahoo.com.vn"
