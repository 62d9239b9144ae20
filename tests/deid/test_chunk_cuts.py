"""Long documents are detected in chunks: an identifier that straddles a cut, or whose cue word is on the other
side of it, is still removed whole."""
from __future__ import annotations

import pytest

from vimednlp.deid import Deidentifier
from vimednlp.deid.api import DEFAULT_CHUNK_CHARS, split_chunks

# an examination note's findings, commas only: the cut falls on the last space before the chunk size
FILLER = ("bệnh nhân tỉnh, tiếp xúc tốt, da niêm hồng, tim đều rõ, phổi trong không rale, bụng mềm không chướng, "
          "gan lách không sờ thấy, ăn uống được, ngủ được, đại tiện bình thường, ")

PHONES = ["0912 345 678", "0987 654 321", "0903 112 233", "0868 456 789", "0356 789 012", "0708 222 333",
          "0243 869 1234", "0912 77 88 99"]
CCCDS = ["001079012345", "036185004321", "079090123456", "031200987654", "001 079 012 345", "036 185 004 321",
         "0790 9012 3456", "0312 0098 7654", "038092001234", "046 193 007 788", "0010 8801 2233", "022187005566"]


def _document(cue: str, ident: str) -> tuple[str, int]:
    """A note whose first chunk cut falls inside `ident` or right before it (after its cue)."""
    head = FILLER * (DEFAULT_CHUNK_CHARS // len(FILLER) + 1)
    placed = []
    for shift in range(len(ident) + len(cue) + 2):
        pre = head[:DEFAULT_CHUNK_CHARS - len(cue) - 1 - shift]
        text = f"{pre}{cue} {ident}, {FILLER * 3}"
        at = len(pre) + len(cue) + 1
        cut = split_chunks(text)[0][1]
        if at <= cut < at + len(ident):
            placed.append((cut == at, text, at))  # inside first; else right after the cue
    assert placed, "no placement puts the cut at the identifier"
    return min(placed)[1:]


@pytest.fixture(scope="module")
def deid():
    return Deidentifier("tag")


@pytest.mark.parametrize("ident", PHONES)
def test_phone_across_the_cut_is_removed_whole(deid, ident):
    text, at = _document("SĐT", ident)
    res = deid(text)
    assert any(s.start <= at and s.end >= at + len(ident) and s.label == "PHONE" for s in res.spans), \
        [(s.start, s.end, s.label) for s in res.spans if s.end > at - 20 and s.start < at + 20]
    assert ident not in res.text and ident[-3:] + ", " + FILLER[:10] not in res.text


@pytest.mark.parametrize("ident", CCCDS)
def test_cccd_across_the_cut_is_removed_whole(deid, ident):
    text, at = _document("CCCD", ident)
    res = deid(text)
    assert any(s.start <= at and s.end >= at + len(ident) and s.label == "ID" for s in res.spans), \
        [(s.start, s.end, s.label) for s in res.spans if s.end > at - 20 and s.start < at + 20]
    digits = ident.replace(" ", "")
    assert not any(digits[i:i + 4] in res.text.replace(" ", "") for i in range(0, len(digits) - 3, 4))


def test_spans_of_a_long_document_are_sorted_and_disjoint(deid):
    text = "".join(f"SĐT {p}, CCCD {c}, {FILLER * 20}" for p, c in zip(PHONES * 3, CCCDS * 2))
    res = deid(text)
    assert len(split_chunks(text)) > 3
    for a, b in zip(res.spans, res.spans[1:]):
        assert a.end <= b.start
    for s in res.spans:
        assert text[s.start:s.end] == s.text
    found = {s.text for s in res.spans}
    assert set(PHONES) <= found and set(CCCDS) <= found
