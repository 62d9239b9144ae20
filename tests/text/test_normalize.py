"""normalize(): NFC, tone convention, whitespace/quotes/dashes, and an exact alignment to the input."""
from __future__ import annotations

import unicodedata

import pytest

from vimednlp.text import Alignment, fold, normalize, place_tone, tokenize


@pytest.mark.parametrize(
    "old,new",
    [
        ("hòa", "hoà"), ("thúy", "thuý"), ("khỏe", "khoẻ"), ("tùy", "tuỳ"), ("hủy", "huỷ"),
        ("Hòa", "Hoà"), ("HÒA", "HOÀ"), ("THÚY", "THUÝ"), ("lũy", "luỹ"), ("xòe", "xoè"),
        ("họa", "hoạ"), ("thủy", "thuỷ"), ("lòe", "loè"), ("khóa", "khoá"), ("quỹ", "quỹ"),
    ],
)
def test_tone_conventions_round_trip(old, new):
    assert normalize(new, tone="old").text == old
    assert normalize(old, tone="new").text == new
    assert normalize(old, tone="old").text == old
    assert normalize(new, tone="new").text == new


@pytest.mark.parametrize(
    "word",
    # conventions agree: closed syllables, marked vowels, three vowels, qu/gi onsets, single vowels
    ["hoàn", "toán", "thuyết", "người", "được", "ngoài", "khuỷu", "quý", "quả", "già", "giữ",
     "gìn", "mái", "kìa", "múa", "cửa", "muốn", "tiếng", "huỳnh", "khoảng", "hoạch", "uống",
     "nghiêng", "Việt", "Nguyễn", "tuổi", "khuya", "ngoáy"],
)
def test_unambiguous_syllables_unchanged_in_both_styles(word):
    assert normalize(word, tone="old").text == word
    assert normalize(word, tone="new").text == word


@pytest.mark.parametrize(
    "bad,good", [("tóan", "toán"), ("hòan", "hoàn"), ("qúy", "quý"), ("mùôn", "muồn"), ("ngừơi", "người")]
)
def test_misplaced_tone_fixed(bad, good):
    # typing errors that no convention allows are fixed in both styles
    assert normalize(bad, tone="old").text == good
    assert normalize(bad, tone="new").text == good


@pytest.mark.parametrize("word", ["café", "José", "Müller", "naïve", "COVID", "HbA1c", "mmHg"])
def test_non_vietnamese_words_unchanged(word):
    assert normalize(word).text == word
    assert place_tone(word, "new") == word


def test_only_tone_position_changes():
    # same letters, same tone, same case: only where the mark sits
    for w in ["hòa", "thúy", "khỏe", "Tùy", "HỦY"]:
        n = normalize(w, tone="new").text
        assert fold(n) == fold(w)
        strip = lambda s: "".join(c for c in unicodedata.normalize("NFD", s) if c not in "\u0300\u0301\u0303\u0309\u0323")
        assert strip(n) == strip(w)
        tones = lambda s: [c for c in unicodedata.normalize("NFD", s) if c in "\u0300\u0301\u0303\u0309\u0323"]
        assert tones(n) == tones(w)


def test_nfc_and_alignment_of_decomposed_text():
    src = unicodedata.normalize("NFD", "Bệnh nhân đau ngực")
    res = normalize(src)
    assert res.text == "Bệnh nhân đau ngực"
    s = res.text.index("ngực")
    os_, oe = res.to_original(s, s + 4)
    assert unicodedata.normalize("NFC", src[os_:oe]) == "ngực"
    assert res.to_normalized(os_, oe) == (s, s + 4)


def test_whitespace_quotes_dashes():
    src = "Mạch:\t80\u00a0l/p\r\nHA “150/90” – ‘ổn’\u200b…\rx\u2028y\u3000z"
    res = normalize(src)
    assert res.text == 'Mạch: 80 l/p\nHA "150/90" - \'ổn\'...\nx\ny z'
    # every token maps back onto the same characters in the input
    for t in tokenize(res.text):
        os_, oe = res.to_original(t.start, t.end)
        assert normalize(src[os_:oe]).text == t.text


def test_zero_width_and_soft_hyphen_removed_offsets_still_map():
    src = "tăng\u200b huyết\u00ad áp"
    res = normalize(src)
    assert res.text == "tăng huyết áp"
    s = res.text.index("huyết")
    assert src[slice(*res.to_original(s, s + 5))].replace("\u00ad", "") == "huyết"
    assert res.to_original(0, len(res.text)) == (0, len(src))


def test_alignment_example_with_tone_move():
    src = "Bệnh nhân hoà giải, thuý"
    res = normalize(src, tone="old")
    assert res.text == "Bệnh nhân hòa giải, thúy"
    i = res.text.index("hòa")
    assert res.to_original(i, i + 3) == (i, i + 3)
    assert src[i:i + 3] == "hoà"
    # a tone move keeps the length, so it maps letter by letter: `ò` is the input's `o`
    assert res.to_original(i + 1, i + 2) == (i + 1, i + 2)
    assert src[i + 1:i + 2] == "o"


def test_identity_for_clean_text_and_errors():
    res = normalize("Bệnh nhân ổn định.")
    assert res.alignment.is_identity
    assert res.to_original(3, 7) == (3, 7)
    with pytest.raises(ValueError, match="out of range"):
        res.to_original(5, 100)
    with pytest.raises(ValueError, match="tone"):
        normalize("x", tone="modern")
    with pytest.raises(TypeError):
        normalize(b"bytes")  # type: ignore[arg-type]
    assert normalize("").text == ""


def test_alignment_from_edits_and_composition():
    a = Alignment.from_edits(10, [(2, 4, 1), (7, 8, 3)])  # orig 10 -> norm 11
    assert a.norm_len == 11
    assert a.to_original(0, 2) == (0, 2)
    assert a.to_original(2, 3) == (2, 4)
    assert a.to_original(3, 6) == (4, 7)
    assert a.to_original(6, 9) == (7, 8)
    b = Alignment.from_edits(11, [(0, 1, 0)])
    c = a.then(b)
    assert c.orig_len == 10 and c.norm_len == 10
    assert c.to_original(1, 2) == (2, 4)
    assert c.to_normalized(7, 8) == (5, 8)
    inv = a.inverse()
    assert inv.to_original(2, 4) == (2, 3)
