"""Clinical abbreviation dictionary: data file, lookup, and offset-keeping expansion."""
from __future__ import annotations

import pytest

from vimednlp.text import abbreviations, expand, lookup
from vimednlp.text.abbreviations import load_abbreviations


def test_dictionary_size_and_required_entries():
    table = abbreviations()
    assert len(table) >= 150
    for a in ["BN", "THA", "ĐTĐ", "NMCT", "TBMMN", "COPD", "HA", "TD", "CLS", "XN", "CTM", "TPTNT",
              "XQ", "SA", "ECG", "ĐM", "TM", "BC", "HC", "TC", "CRP"]:
        assert a in table, a
    cats = {a.category for a in table.values()}
    assert {"disease", "test", "anatomy", "admin"} <= cats


@pytest.mark.parametrize(
    "abbr,expected",
    [("THA", "tăng huyết áp"), ("NMCT", "nhồi máu cơ tim"), ("TBMMN", "tai biến mạch máu não"),
     ("CTM", "công thức máu"), ("TPTNT", "tổng phân tích nước tiểu"), ("XQ", "X-quang"),
     ("COPD", "bệnh phổi tắc nghẽn mạn tính"), ("CLS", "cận lâm sàng")],
)
def test_unambiguous(abbr, expected):
    a = lookup(abbr)
    assert a is not None and not a.ambiguous and a.expansion == expected


@pytest.mark.parametrize(
    "abbr,meanings",
    [("TD", {"theo dõi", "tràn dịch"}), ("BC", {"bạch cầu", "biến chứng"}), ("HC", {"hồng cầu", "hội chứng"}),
     ("ĐTĐ", {"đái tháo đường", "điện tâm đồ"}), ("TM", {"tĩnh mạch"})],
)
def test_ambiguous(abbr, meanings):
    a = lookup(abbr)
    assert a.ambiguous and a.expansion is None
    assert meanings <= set(a.expansions)


def test_lookup_is_case_and_accent_tolerant():
    assert lookup("tha").abbr == "THA"
    assert lookup("DTD").abbr == "ĐTĐ"
    assert lookup("không có") is None


def test_expand_keeps_offsets():
    text = "BN nam, THA 10 năm, TD viêm phổi. XN CTM: BC 12 G/L. HA 150/90, mạch 90 l/p."
    out, al = expand(text)
    assert out.startswith("bệnh nhân nam, tăng huyết áp 10 năm, TD viêm phổi.")
    assert "xét nghiệm công thức máu: BC 12 G/L" in out  # BC is ambiguous: kept
    assert "huyết áp 150/90" in out and "90 lần/phút" in out
    i = out.index("tăng huyết áp")
    assert text[slice(*al.to_original(i, i + len("tăng huyết áp")))] == "THA"
    j = out.index("150/90")
    assert text[slice(*al.to_original(j, j + 6))] == "150/90"
    assert al.to_normalized(*[text.index("CTM"), text.index("CTM") + 3]) == (out.index("công thức máu"), out.index("công thức máu") + 13)


def test_expand_respects_word_boundaries_and_headings():
    out, _ = expand("THAI SẢN, BNP tăng, SA TỬ CUNG, SA bụng")
    assert out == "THAI SẢN, BNP tăng, SA TỬ CUNG, siêu âm bụng"
    out, _ = expand("THA", keep_abbreviation=True)
    assert out == "tăng huyết áp (THA)"


def test_bad_file_reports_line(tmp_path):
    p = tmp_path / "a.tsv"
    p.write_text("abbr\texpansions\tambiguous\tcategory\nBN\tbệnh nhân\t0\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"a.tsv:2"):
        load_abbreviations(p)
