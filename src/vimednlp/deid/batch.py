"""Batch de-identification of text files, folders, JSONL and CSV, with workers and resumable output.

Units of work ("records") are read lazily and processed in order by a pool of worker processes,
each building its `Deidentifier` (and so its Analyzer) once. Results are written in input order.

Accounting: every record read is either written, or listed in the report as skipped (file, line,
reason), or was done by an earlier run of the same settings; `Report.accounting()` says so in one
line. Folders also list what they could not read (an unreadable subfolder, a dangling link).

Resuming: a finished record is remembered in a progress file (`<out>.progress`, or
`.vimednlp-deid.progress` in an output folder), written after the output. Its first line holds a
hash of the settings (operator, labels, model, fields, inputs, ...; never the key), so a rerun with
other settings processes everything again. Records are keyed by position (a file's relative path,
"line:N", "row:N"), never by their id, which may repeat or be empty. For JSONL and CSV each entry
also holds the output's (and audit's) size after that record: a resume cuts the output back to it,
so a record written just before a kill is not written twice.

Errors (broken JSONL lines, a missing field, undecodable bytes, a detector failure) are reported
with the file and line/row number and the error type, never the text: `--on-error fail` stops at
the first (exit 1), `--on-error skip` goes on and lists every skipped record in the report.
"""
from __future__ import annotations

import csv
import gc
import hashlib
import hmac
import json
import os
import re
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..outputs import decode_text, detect_encoding, is_stdio, open_output, open_private, writes_in_place

TEXT_SUFFIXES = {".txt", ".text", ".md"}
STDIN_NAME = "<stdin>"
PROGRESS_MAGIC = "#vimednlp-deid-progress 2"
FOLDER_PROGRESS = ".vimednlp-deid.progress"
# Fields of vimednlp's record format (and of Label Studio / token exports) that hold the original text
# or offsets into it: they would leak what the de-identified field hid, so they are dropped unless kept
# by name (--keep-field).
DERIVED_FIELDS = ("spans", "tokens", "ents", "entities", "annotations", "predictions", "sentences")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Record:
    key: str                 # resume key: relative path, "line:N" or "row:N" (a position, never an id)
    source: str              # file the record came from (for error reports)
    line: int | None         # 1-based line where the record starts, None for whole files
    payload: Any = None      # text (files), dict (JSONL), (row, column indexes) (CSV)
    error: str | None = None  # a reading error (reported, never silently dropped)
    doc_id: str | None = None
    patient_id: str | None = None
    end_line: int | None = None  # last line of a record that spans several (a quoted CSV field)


@dataclass
class Report:
    processed: int = 0       # written by this run
    skipped_done: int = 0    # done by an earlier run with the same settings
    empty: int = 0
    errors: list[dict] = field(default_factory=list)
    spans: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    ignored: dict[str, int] = field(default_factory=dict)  # files in folders that are not text, by suffix
    duplicate_ids: int = 0   # records whose id an earlier record of the input already had (all processed)
    empty_ids: int = 0
    restarted: str | None = None  # why an earlier run's progress was set aside
    interrupted: bool = False

    @property
    def records_in(self) -> int:
        return self.processed + self.skipped_done + len(self.errors)

    def accounting(self, report_path: str | Path | None = None) -> str:
        where = f", listed in {report_path}" if report_path and self.errors else ""
        return (f"accounting: {self.records_in} record(s) in = {self.processed} written + {len(self.errors)} "
                f"skipped{where} + {self.skipped_done} done by an earlier run")

    def to_dict(self) -> dict:
        d = {"records_in": self.records_in, "processed": self.processed, "already_done": self.skipped_done,
             "errors": len(self.errors), "empty": self.empty, "spans": self.spans,
             "counts": dict(sorted(self.counts.items())), "error_records": self.errors}
        if self.ignored:
            d["ignored_files"] = dict(sorted(self.ignored.items()))
        if self.duplicate_ids or self.empty_ids:
            d["duplicate_ids"], d["empty_ids"] = self.duplicate_ids, self.empty_ids
        if self.restarted:
            d["restarted"] = self.restarted
        if self.interrupted:
            d["interrupted"] = True
        return d


class Namer:
    """File names and record ids as they appear in outputs, audits, progress and reports: unchanged, or
    (--hash-names) the SHA-256 of the name, keyed with HMAC when a key is given (names are not
    de-identified otherwise: 'Nguyen_Van_An.txt' would stay in every file the run writes)."""

    def __init__(self, on: bool = False, key: str | bytes | None = None):
        self.on, self.key = on, key

    def __call__(self, name: str) -> str:
        if not self.on:
            return name
        data = name.encode("utf-8", "surrogatepass")
        if self.key:
            # under the scrypt-stretched key (derived once): a released name hash must not let a
            # guessed key be checked with one fast HMAC
            if getattr(self, "_keyring", None) is None:
                from .vault import Keyring

                self._keyring = Keyring(self.key)
            return hmac.new(self._keyring.sub("names"), data, hashlib.sha256).hexdigest()[:32]
        return hashlib.sha256(data).hexdigest()[:32]


# --- readers ---------------------------------------------------------------------------------------
def read_text_file(path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 (with or without BOM), else the text layer's legacy decoder;
    a UnicodeDecodeError naming the file, line and byte offset otherwise."""
    return decode_text(Path(path).read_bytes(), Path(path).name)


def _read_stdin_bytes() -> bytes:
    buf = getattr(sys.stdin, "buffer", None)
    return buf.read() if buf is not None else sys.stdin.read().encode("utf-8", "surrogateescape")


def iter_text_inputs(paths: list[Path], report: Report | None = None) -> Iterator[tuple[Path | None, str, str | None]]:
    """(file, output-relative name, error) for every text input: files, '-' (stdin, file None), and the
    text files below folders, sorted. What a folder holds but cannot be read (an unreadable subfolder, a
    dangling link, a FIFO) comes with an error; files that are not text are counted in `report.ignored`."""
    seen: set[str] = set()
    multi = len(paths) > 1
    for p in paths:
        if is_stdio(p):
            yield None, STDIN_NAME, None
            continue
        if not p.is_dir():
            if not p.exists():
                raise FileNotFoundError(f"input {p} does not exist")
            yield p, p.name, None if p.is_file() else "not a regular file"
            continue
        prefix = p.name + "/" if multi else ""
        for f, rel, err in _walk(p, report):
            rel = prefix + rel
            if err is None and rel in seen:
                err = "another input has the same relative path (its output would be overwritten)"
            seen.add(rel)
            yield f, rel, err


def _walk(root: Path, report: Report | None) -> Iterator[tuple[Path | None, str, str | None]]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        while errors:
            e = errors.pop(0)
            yield None, _rel(e.filename, root) + "/", f"cannot read the folder ({type(e).__name__})"
        dirnames.sort()
        d = Path(dirpath)
        for name in sorted(filenames):
            f = d / name
            rel = f.relative_to(root).as_posix()
            if f.is_symlink() and not f.exists():
                yield None, rel, "a dangling symbolic link"
            elif f.suffix.lower() not in TEXT_SUFFIXES:
                if report is not None:
                    report.ignored[f.suffix.lower() or "(none)"] = report.ignored.get(f.suffix.lower() or "(none)", 0) + 1
            elif not f.is_file():
                yield None, rel, "not a regular file"
            else:
                yield f, rel, None
        for name in dirnames:
            if (d / name).is_symlink():  # os.walk does not follow them: say so rather than skip in silence
                yield None, (d / name).relative_to(root).as_posix() + "/", "a symbolic link to a folder, not followed"
    while errors:
        e = errors.pop(0)
        yield None, _rel(e.filename, root) + "/", f"cannot read the folder ({type(e).__name__})"


def _rel(name: str | None, root: Path) -> str:
    try:
        return Path(name or root).relative_to(root).as_posix()
    except ValueError:
        return Path(name or root).name


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, path relative to its input root) for every readable text file under the given paths, sorted."""
    for f, rel, err in iter_text_inputs(paths):
        if err is None and f is not None:
            yield f, Path(rel)


def iter_lines(path: Path | str, name: str | None = None) -> Iterator[tuple[int, int, str, str | None]]:
    """(line number, byte offset, text, error) for each line of a file or '-' (stdin), with its line end.

    UTF-8 (a BOM is dropped) is decoded line by line: a line with bytes that are not UTF-8 comes back
    decoded with surrogate escapes and an error naming its line and byte offset, and reading goes on
    with the next line. UTF-16/UTF-32 files (with a byte-order mark, or detected by their NUL bytes)
    are decoded whole; a decode error there ends the file with one error line."""
    name = name or (STDIN_NAME if is_stdio(path) else Path(path).name)
    fh = sys.stdin.buffer if is_stdio(path) else open(path, "rb")  # noqa: SIM115 (stdin is not closed)
    try:
        head = fh.read(65536)
        enc = detect_encoding(head[:4096])
        if enc is not None and enc != "utf-8-sig":
            raw = head + fh.read()
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError as e:
                yield 1, 0, "", f"not valid {enc} at byte offset {e.start}: the file cannot be read past it"
                return
            for n, line in enumerate(text.splitlines(keepends=True), 1):
                yield n, -1, line, None
            return
        offset = 0
        for n, raw in enumerate(_raw_lines(fh, head), 1):
            start = 3 if n == 1 and raw.startswith(b"\xef\xbb\xbf") else 0
            try:
                yield n, offset, raw[start:].decode("utf-8"), None
            except UnicodeDecodeError as e:
                at = offset + start + e.start
                yield n, offset, raw[start:].decode("utf-8", "surrogateescape"), \
                    f"byte 0x{raw[start + e.start]:02X} is not UTF-8 (line {n}, byte offset {at})"
            offset += len(raw)
    finally:
        if not is_stdio(path):
            fh.close()


def _raw_lines(fh, head: bytes) -> Iterator[bytes]:
    pos = 0
    while True:
        i = head.find(b"\n", pos)
        if i < 0:
            break
        yield head[pos:i + 1]
        pos = i + 1
    rest = head[pos:]
    for raw in fh:
        if rest:
            raw, rest = rest + raw, b""
        yield raw
    if rest:
        yield rest


def _lone_surrogate(obj: dict) -> str | None:
    """The first field holding a lone surrogate (invalid Unicode that JSON escapes allow), as an error."""
    for k, v in obj.items():
        for s in _strings(v):
            m = _LONE_SURROGATE.search(s)
            if m:
                return (f"field {k!r} holds a lone surrogate (U+{ord(m.group()):04X}) at character {m.start()}: "
                        "not valid Unicode text")
    return None


def _strings(v: Any) -> Iterator[str]:
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield str(k)
            yield from _strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from _strings(x)


def iter_jsonl(path: Path | str, field_name: str, id_field: str | None, patient_field: str | None,
               name: str | None = None) -> Iterator[Record]:
    name = name or (STDIN_NAME if is_stdio(path) else Path(path).name)
    for n, _off, line, err in iter_lines(path, name):
        key = f"line:{n}"
        if err:
            yield Record(key, name, n, error=err)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Record(key, name, n, error=f"invalid JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(obj, dict):
            yield Record(key, name, n, error=f"a JSONL record must be an object, got {type(obj).__name__}")
            continue
        if field_name not in obj:
            yield Record(key, name, n, error=f"record lacks the field {field_name!r}")
            continue
        if not isinstance(obj[field_name], str):
            yield Record(key, name, n, error=f"field {field_name!r} is {type(obj[field_name]).__name__}, not a string")
            continue
        if _SURROGATE_ESCAPE.search(line):
            bad = _lone_surrogate(obj)
            if bad:
                yield Record(key, name, n, error=bad)
                continue
        doc_id = str(obj[id_field]) if id_field and obj.get(id_field) not in (None, "") else None
        pid = str(obj[patient_field]) if patient_field and obj.get(patient_field) is not None else None
        yield Record(key, name, n, obj, doc_id=doc_id, patient_id=pid)


def iter_csv(path: Path | str, columns: list[str], id_col: str | None, patient_col: str | None,
             header_out: list, name: str | None = None) -> Iterator[Record]:
    """CSV rows as records keyed "row:N", N the line where the row starts. Undecodable bytes, a broken
    row or a wrong number of fields become error records; reading goes on with the next row."""
    name = name or (STDIN_NAME if is_stdio(path) else Path(path).name)
    bad: dict[int, str] = {}

    def lines() -> Iterator[str]:
        for n, _off, text, err in iter_lines(path, name):
            if err:
                bad[n] = err
            yield text

    # a clinical note in one cell may pass csv's default limit of 128 KiB
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    reader = csv.reader(lines(), strict=True)  # an unterminated quote is an error, not a row that eats the rest
    header: list[str] = []
    try:
        while not header:
            header = next(reader)
    except StopIteration:
        return
    except csv.Error as e:
        raise ValueError(f"{name}: cannot read the CSV header (line {reader.line_num}: {e})") from None
    if bad:
        raise ValueError(f"{name}: the header row: {bad[min(bad)]}")
    missing = [c for c in columns if c not in header]
    if missing:
        # never print the first row: without a header row, it is a record
        raise ValueError(f"{name}: no column named {', '.join(map(repr, missing))} in the first row "
                         f"({len(header)} fields); the file needs a header row naming its columns")
    header_out[:] = header
    idx = [header.index(c) for c in columns]
    id_i = header.index(id_col) if id_col and id_col in header else None
    pid_i = header.index(patient_col) if patient_col and patient_col in header else None
    prev = reader.line_num
    while True:
        start = prev + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            end = reader.line_num
            yield Record(f"row:{start}", name, start, error=f"bad CSV row ({e}), lines {start}-{end}", end_line=end)
            if end == prev:  # nothing consumed: stop rather than loop
                break
            prev = end
            continue
        end = prev = reader.line_num
        errs = [bad.pop(i) for i in sorted(bad) if i <= end]
        if not row:
            continue
        span = {"end_line": end} if end > start else {}
        if errs:
            yield Record(f"row:{start}", name, start, error=errs[0], **span)
            continue
        if len(row) != len(header):
            more = f"; the row runs from line {start} to {end}: an unterminated quote?" if end > start else ""
            yield Record(f"row:{start}", name, start, error=f"row has {len(row)} fields, the header {len(header)}{more}",
                         **span)
            continue
        doc_id = row[id_i] if id_i is not None and row[id_i] != "" else None
        yield Record(f"row:{start}", name, start, (row, idx), doc_id=doc_id,
                     patient_id=row[pid_i] if pid_i is not None and row[pid_i] else None, **span)


# --- workers ---------------------------------------------------------------------------------------
_ENGINE = None


# (a fictitious note: a name, an age, a date, a phone number, an ID, a place, an organisation; then the forms whose
# tables and patterns load on first use -- a landline, a health-insurance number, an e-mail, initials, a dose, a
# foreign city -- so that each worker forked after it does not load them again)
_WARM_UP = ("Bệnh nhân Nguyễn Văn An, 45 tuổi, vào viện ngày 12/03/2024 lúc 14h30, SĐT 0912 345 678, "
            "CCCD 001084012345, địa chỉ phường Nghĩa Đô, quận Cầu Giấy, Hà Nội. BS. Trần Thị Bình, Bệnh viện Bạch Mai.\n"
            "Người nhà: chị N.V.Hoa, ĐT bàn (024) 3869 3731, thẻ BHYT DN4010123456789, email hoa.nv@gmail.com. "
            "Thuốc: Paracetamol 5OOmg x 2 viên. Quê ở Huế; con trai đang làm việc tại Paris, Pháp; bé an ngủ tốt.")


def _init_worker(engine_kwargs: dict) -> None:
    global _ENGINE
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from .api import Deidentifier

    _ENGINE = Deidentifier(**engine_kwargs)
    # build the detector now (once), not on the first record: a missing model fails here, clearly
    _ = _ENGINE.analyzer
    # and run it once on a short note, so what it loads on first use (rule packs bound lazily, the tagger's
    # attribute table) is loaded here, before a fork, once for all workers. Detection only: it keeps no state
    # (the surrogate generators, which do, are not touched). A detector that fails here fails again on the
    # first record, which reports it by its id
    try:
        _ENGINE.detect(_WARM_UP)
    except Exception:  # noqa: BLE001 - reported per record
        pass


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the pool, workers print no traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _process(task: tuple) -> tuple:
    """(key, status, output payload or error, audit) — runs in a worker."""
    key, kind, payload, doc_id, patient_id, field_name = task
    try:
        if kind == "text":
            res = _ENGINE(payload, patient_id=patient_id, doc_id=doc_id)
            res.text.encode("utf-8")  # a lone surrogate fails here, as this record's error
            return key, "ok", res.text, res.audit
        if kind == "jsonl":
            res = _ENGINE(payload[field_name], patient_id=patient_id, doc_id=doc_id)
            out = dict(payload)
            out[field_name] = res.text
            # serialised here, in the worker: the parent only writes lines (it shares the cores with the workers)
            line = json.dumps(out, ensure_ascii=False)
            line.encode("utf-8")
            return key, "ok", line, res.audit
        if kind == "csv":
            row, idx = payload
            row = list(row)
            audits = []
            for i in idx:
                res = _ENGINE(row[i], patient_id=patient_id, doc_id=doc_id)
                res.text.encode("utf-8")
                row[i] = res.text
                audits.append(res.audit)
            audit = _merge_audits(audits)
            return key, "ok", row, audit
        raise ValueError(f"unknown record kind {kind}")
    except Exception as e:  # noqa: BLE001 - any detector failure is this record's error: type and a PHI-free message
        return key, "error", _safe_error(e), None


def _safe_error(e: Exception) -> str:
    """An error message without document text: type, plus the message only for our own checks."""
    if isinstance(e, UnicodeEncodeError):
        return f"the text holds a lone surrogate (U+{ord(e.object[e.start]):04X}) at character {e.start}"
    msg = str(e)
    if isinstance(e, (TypeError, ValueError)) and len(msg) < 200 and "'" not in msg and '"' not in msg:
        return f"{type(e).__name__}: {msg}"
    return f"{type(e).__name__} in the detector"


def _merge_audits(audits: list[dict]) -> dict:
    if len(audits) == 1:
        return audits[0]
    merged = dict(audits[0])
    for k in ("chars", "n_spans"):
        merged[k] = sum(a.get(k, 0) for a in audits)
    for k in ("counts", "recognizers"):
        c: dict[str, int] = {}
        for a in audits:
            for lab, n in a.get(k, {}).items():
                c[lab] = c.get(lab, 0) + n
        merged[k] = dict(sorted(c.items()))
    merged["spans"] = [dict(s, column=i) for i, a in enumerate(audits) for s in a.get("spans", [])]
    merged["empty"] = all(a.get("empty") for a in audits)
    return merged


# --- the runner ------------------------------------------------------------------------------------
class BatchError(RuntimeError):
    """A record failed under --on-error fail (the message names the file and line, never the text)."""


class UsageProblem(ValueError):
    """The command cannot run as given (an input that does not exist, --out over the input): exit 2."""


def settings_hash(settings: dict) -> str:
    """A short hash of the run's settings (the key left out) that progress is kept under."""
    blob = json.dumps(settings, sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256(blob.encode("ascii")).hexdigest()[:16]


def _read_progress(progress: Path, digest: str) -> tuple[set[str], int | None, int | None, str | None, str | None]:
    """(done keys, output size, audit size, recorded audit path, why it is set aside) of a progress file."""
    try:
        data = progress.read_text(encoding="utf-8")
    except FileNotFoundError:
        return set(), None, None, None, None
    lines = data.split("\n")
    lines.pop()  # the last piece has no line end: empty, or an entry cut by a kill
    if not lines or not lines[0].startswith(PROGRESS_MAGIC):
        return set(), None, None, None, "the progress file is from an older version"
    try:
        meta = json.loads(lines[0][len(PROGRESS_MAGIC):] or "{}")
        if meta.get("settings") != digest:
            return set(), None, None, None, "the settings differ from the earlier run's"
        done: set[str] = set()
        out_size = audit_size = None
        for ln in lines[1:]:
            key, _, rest = ln.partition("\t")
            o, _, a = rest.partition("\t")
            done.add(key)
            out_size = int(o) if o not in ("", "-") else out_size
            audit_size = int(a) if a not in ("", "-") else audit_size
    except (ValueError, AttributeError):  # a damaged progress file: trust none of it
        return set(), None, None, None, "the progress file is damaged"
    return done, out_size, audit_size, meta.get("audit"), None


def _check_out_vs_inputs(paths: list[Path], out: Path, fmt: str) -> None:
    if is_stdio(out):
        return
    o = Path(os.path.realpath(out))
    for p in paths:
        if is_stdio(p):
            continue
        r = Path(os.path.realpath(p))
        if p.is_dir() and (o == r or r in o.parents):
            raise UsageProblem(f"--out {out} is inside the input folder {p}: choose an output outside it")
        if p.is_file() and (o == r or (o.exists() and os.path.samefile(o, r))):
            raise UsageProblem(f"--out {out} is the input file {p}: choose another output")


def run_batch(inputs: list[str | Path], out: str | Path, *, engine_kwargs: dict, fmt: str = "auto",
              field_name: str = "text", columns: list[str] | None = None, id_field: str | None = "id",
              patient_field: str | None = None, workers: int = 1, on_error: str = "fail",
              audit_path: str | Path | None = None, report_path: str | Path | None = None,
              resume: bool = True, progress_bar: bool = True, chunksize: int = 4,
              keep_fields: tuple[str, ...] | list[str] = (), hash_names: bool = False) -> Report:
    """De-identify `inputs` into `out`; returns a `Report`. See `vimednlp deid --help`.

    '-' as an input is stdin, as `out` stdout. A single text input with an `out` that has a suffix (or is
    '-' or a special file) is written to that one file; otherwise text inputs go to the folder `out`."""
    if on_error not in ("skip", "fail"):
        raise ValueError("on_error must be 'skip' or 'fail'")
    paths: list = ["-" if is_stdio(p) else Path(p) for p in inputs]
    if not paths:
        raise UsageProblem("no input given")
    if sum(is_stdio(p) for p in paths) > 1:
        raise UsageProblem("'-' (stdin) can be given once")
    for p in paths:
        if not is_stdio(p) and not p.exists() and not p.is_symlink():
            raise UsageProblem(f"input {p} does not exist")
    out_std = is_stdio(out)
    out = "-" if out_std else Path(out)
    special_out = writes_in_place(out)   # '-', /dev/stdout, a FIFO...: written through, never resumed
    if fmt == "auto":
        files = [p for p in paths if not is_stdio(p) and p.is_file()]
        sfx = {p.suffix.lower() for p in files}
        fmt = ("text" if len(files) != len(paths) or not sfx else "jsonl" if sfx <= {".jsonl", ".ndjson"} else
               "csv" if sfx == {".csv"} else "text")
    if fmt == "csv" and not columns:
        raise UsageProblem("CSV input needs --columns (the text columns to de-identify)")
    if fmt in ("jsonl", "csv") and (len(paths) != 1 or not (is_stdio(paths[0]) or paths[0].is_file())):
        raise UsageProblem(f"{fmt} input is one file (or - for stdin)")
    single = fmt == "text" and len(paths) == 1 and (is_stdio(paths[0]) or paths[0].is_file()) and (
        special_out or (not out.is_dir() and bool(out.suffix) and not str(out).endswith(("/", os.sep))))
    if fmt == "text" and not single and special_out:
        raise UsageProblem("several text inputs or a folder need --out FOLDER")
    if fmt == "text" and not single and any(is_stdio(p) for p in paths):
        raise UsageProblem("stdin (-) with other inputs: give each input its own run")
    _check_out_vs_inputs([p for p in paths if not is_stdio(p)], out if not out_std else Path("-"), fmt)
    if fmt in ("jsonl", "csv") and not special_out and out.is_dir():
        raise UsageProblem(f"--out {out} is a folder; {fmt} output is one file")
    if single and not special_out and out.is_dir():
        raise UsageProblem(f"--out {out} is a folder")

    namer = Namer(hash_names, engine_kwargs.get("key"))
    keep = set(keep_fields)
    settings = {k: v for k, v in engine_kwargs.items() if k != "key"}
    settings.update(key_given=engine_kwargs.get("key") is not None, fmt=fmt, field=field_name, columns=columns,
                    id_field=id_field, patient_field=patient_field, keep=sorted(keep), hash_names=hash_names,
                    inputs=["-" if is_stdio(p) else os.path.realpath(p) for p in paths])
    digest = settings_hash(settings)
    resumable = not special_out and not single and not any(is_stdio(p) for p in paths)
    report = Report()
    done: set[str] = set()
    out_size = audit_size = None
    if fmt == "text" and not single:
        out.mkdir(parents=True, exist_ok=True)
        progress: Path | None = out / FOLDER_PROGRESS
    elif resumable:
        out.parent.mkdir(parents=True, exist_ok=True)
        progress = Path(str(out) + ".progress")
    else:
        progress = None
    if progress is not None and resume:
        done, out_size, audit_size, old_audit, why = _read_progress(progress, digest)
        if why:
            report.restarted = why
        else:
            size = out.stat().st_size if fmt != "text" and out.exists() else 0
            if fmt != "text" and out_size is not None and size < out_size:
                raise ValueError(f"{out} is shorter than its progress file says: it was changed; "
                                 "use --restart to write it again")
            if audit_path and (is_stdio(audit_path) or old_audit != os.path.realpath(audit_path)):
                audit_size = None  # another audit file: leave it as it is
        if fmt != "text" and not progress.exists() and out.exists() and out.stat().st_size:
            # appending to an output we know nothing about would duplicate or mix records
            raise ValueError(f"{out} exists but has no progress file ({progress.name}); "
                             "use --restart to overwrite it or choose another --out")
    header: list[str] = []
    seen_ids: set[str] = set()

    def count_id(doc_id: str | None) -> None:
        if doc_id is None:
            report.empty_ids += 1
        elif doc_id in seen_ids:
            report.duplicate_ids += 1
        else:
            seen_ids.add(doc_id)

    # records -> tasks (records already done or unreadable never reach the pool)
    def tasks() -> Iterator[tuple]:
        if fmt == "text":
            for f, rel, err in iter_text_inputs(paths, report):
                key = namer(rel)
                src = namer(rel) if not (single and f is None) else STDIN_NAME
                if key in done:
                    report.skipped_done += 1
                    continue
                if err:
                    yield ("__error__", Record(key, src, None, error=err))
                    continue
                try:
                    text = decode_text(_read_stdin_bytes(), STDIN_NAME) if f is None else read_text_file(f)
                except UnicodeDecodeError as e:
                    yield ("__error__", Record(key, src, None, error=_decode_msg(e, f.name if f else STDIN_NAME)))
                    continue
                except OSError as e:
                    yield ("__error__", Record(key, src, None, error=f"cannot read the file ({type(e).__name__})"))
                    continue
                yield (key, "text", text, key, None, None)
            return
        src_name = namer(STDIN_NAME if is_stdio(paths[0]) else paths[0].name)
        recs = (iter_jsonl(paths[0], field_name, id_field, patient_field, src_name) if fmt == "jsonl" else
                iter_csv(paths[0], columns or [], id_field, patient_field, header, src_name))
        for rec in recs:
            if rec.error is None:
                count_id(rec.doc_id)
            if rec.key in done:
                report.skipped_done += 1
                continue
            if rec.error:
                yield ("__error__", rec)
                continue
            line_of[rec.key] = (rec.line, rec.end_line)
            doc_id = namer(rec.doc_id) if rec.doc_id is not None else rec.key
            if fmt == "jsonl":
                payload = {k: v for k, v in rec.payload.items() if k not in DERIVED_FIELDS or k in keep}
                if hash_names and id_field and rec.doc_id is not None:
                    payload[id_field] = doc_id
                yield (rec.key, "jsonl", payload, doc_id, rec.patient_id, field_name)
            else:
                row, idx = rec.payload
                if hash_names and rec.doc_id is not None:
                    row = list(row)
                    row[header.index(id_field)] = doc_id
                yield (rec.key, "csv", (row, idx), doc_id, rec.patient_id, None)

    line_of: dict[str, tuple[int | None, int | None]] = {}

    def pool_input(errors_out: list) -> Iterator[tuple]:
        for t in tasks():
            if t[0] == "__error__":
                errors_out.append(t[1])
                continue
            yield t

    total = None
    if fmt == "text" and not single:
        total = sum(1 for _ in iter_text_inputs(paths))
    pending_errors: list[Record] = []
    from contextlib import ExitStack

    stack = ExitStack()
    out_fh = prog_fh = audit_fh = None
    csv_writer = None
    try:
        # open the outputs (cut back to what the progress file vouches for, so nothing is written twice)
        if progress is not None:
            fresh = not resume or report.restarted is not None or not progress.exists()
            if fmt != "text":
                if fresh or out_size is None:
                    out_size = 0
                _truncate(out, out_size)
            if audit_path and audit_size is not None and not fresh and not writes_in_place(audit_path):
                _truncate(Path(audit_path), audit_size)
            if fresh:
                if not resume or report.restarted:
                    done.clear()
                prog_fh = stack.enter_context(open_private(progress, "w"))
                meta = {"settings": digest,
                        "audit": os.path.realpath(audit_path) if audit_path and not is_stdio(audit_path) else None}
                prog_fh.write(PROGRESS_MAGIC + json.dumps(meta) + "\n")
                prog_fh.flush()
            else:
                prog_fh = stack.enter_context(open_private(progress, "a"))
                _drop_cut_entry(progress)
        if audit_path:
            audit_fh = stack.enter_context(open_private(audit_path, "a"))
        if fmt in ("jsonl", "csv"):
            if special_out or progress is None:  # nothing to resume (stdin): written whole, or in place
                out_fh = stack.enter_context(open_output(out, newline="" if fmt == "csv" else None))
            else:
                out_fh = stack.enter_context(open(out, "a", encoding="utf-8",  # noqa: SIM115
                                                  newline="" if fmt == "csv" else None))
            if fmt == "csv":
                csv_writer = csv.writer(out_fh)
        new_file = special_out or out_size in (None, 0)
        _run(report, paths, out, fmt, single, special_out, namer, workers, chunksize, engine_kwargs, on_error,
             pool_input, pending_errors, line_of, total, progress_bar, out_fh, csv_writer, prog_fh, audit_fh,
             header, new_file)
    finally:
        stack.close()
        if report_path:
            with open_private(report_path, "w") as fh:
                fh.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    return report


def _run(report, paths, out, fmt, single, special_out, namer, workers, chunksize, engine_kwargs, on_error,
         pool_input, pending_errors, line_of, total, progress_bar, out_fh, csv_writer, prog_fh, audit_fh,
         header, new_file) -> None:
    wrote_header = False

    def flush_errors() -> None:
        while pending_errors:
            rec = pending_errors.pop(0)
            _record_error(report, rec.source, rec.line, rec.key, rec.error or "error", on_error, rec.end_line)

    def write_header() -> None:
        nonlocal wrote_header
        if fmt == "csv" and new_file and not wrote_header and header:
            csv_writer.writerow(header)
            wrote_header = True

    from tqdm import tqdm

    src_name = namer(STDIN_NAME if is_stdio(paths[0]) else paths[0].name) if fmt != "text" else None
    bar = tqdm(total=total, unit="doc", disable=not progress_bar, file=sys.stderr, desc="deid")
    pool = None
    frozen = False
    try:
        if workers > 1:
            import multiprocessing as mp

            if sys.platform != "win32":
                # build the engine (detector, lexicons, model, one key) once, before forking: workers
                # share it copy-on-write, start at once, and use the same ephemeral key if none is given
                _init_worker(engine_kwargs)
                # the lexicons, rules and model are built for good: out of the collector's sight, a worker's
                # collections neither walk them nor touch (copy) the pages it shares with the others
                gc.freeze()
                pool = mp.get_context("fork").Pool(workers, initializer=_ignore_sigint)
            else:
                pool = mp.get_context("spawn").Pool(workers, initializer=_init_spawned, initargs=(engine_kwargs,))
            results = _windowed_imap(pool, pool_input(pending_errors), chunksize, window=workers * chunksize * 256)
        else:
            _init_worker(engine_kwargs)
            # (one process too: the collector's full passes would walk the lexicons and the model's tables, built
            # for good, every few hundred records; given back to the caller's collector in `finally`)
            gc.freeze()
            frozen = True
            results = map(_process, pool_input(pending_errors))
        for key, status, payload, audit in results:
            flush_errors()
            if status == "error":
                if fmt == "text":
                    _record_error(report, key, None, key, payload, on_error)
                else:
                    line, end = line_of.pop(key, (None, None))
                    _record_error(report, src_name, line, key, payload, on_error, end)
                bar.update(1)
                continue
            line_of.pop(key, None)
            out_pos = "-"
            if fmt == "text":
                if single:
                    with open_output(out) as fh:
                        # a terminal or pipe gets a final line end; a file gets the text exactly
                        fh.write(payload + "\n" if is_stdio(out) and not payload.endswith("\n") else payload)
                else:
                    dest = out / (key + ".txt") if namer.on else out / key
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    with open_output(dest) as fh:  # atomic; a symlink's target is written, the link kept
                        fh.write(payload)
            elif fmt == "jsonl":
                out_fh.write(payload + "\n")
                out_fh.flush()
                out_pos = "-" if special_out else str(os.fstat(out_fh.fileno()).st_size)
            else:
                write_header()
                csv_writer.writerow(payload)
                out_fh.flush()
                out_pos = "-" if special_out else str(os.fstat(out_fh.fileno()).st_size)
            audit_pos = "-"
            if audit and audit_fh:
                rec = dict(audit)
                rec.setdefault("id", key)
                rec["source_file"] = key if fmt == "text" else src_name
                audit_fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                audit_fh.flush()
                if audit_fh.seekable():  # a regular file (not stdout or a FIFO)
                    audit_pos = str(os.fstat(audit_fh.fileno()).st_size)
            if prog_fh is not None:
                prog_fh.write(f"{key}\t{out_pos}\t{audit_pos}\n")
                prog_fh.flush()
            report.processed += 1
            if audit:
                report.empty += bool(audit.get("empty"))
                report.spans += audit.get("n_spans", 0)
                for lab, n in audit.get("counts", {}).items():
                    report.counts[lab] = report.counts.get(lab, 0) + n
            bar.update(1)
        flush_errors()
        write_header()
    except BaseException as e:
        report.interrupted = isinstance(e, KeyboardInterrupt)
        if pool is not None:
            pool.terminate()
            pool.join()
            pool = None
        raise
    finally:
        bar.close()
        if pool is not None:
            pool.close()
            pool.join()
            gc.unfreeze()  # (a caller's process goes on collecting as before)
        elif frozen:
            gc.unfreeze()


def _init_spawned(engine_kwargs: dict) -> None:
    _ignore_sigint()
    _init_worker(engine_kwargs)


def _decode_msg(e: UnicodeDecodeError, name: str) -> str:
    """The decode error's reason without the file name (the report names the file, hashed or not)."""
    msg = e.reason
    return msg[len(name) + 2:] if msg.startswith(name + ": ") else msg


def _truncate(path: Path, size: int) -> None:
    """Cut `path` back to `size` bytes (a regular file only; a missing file is made empty)."""
    if not path.exists():
        if size == 0:
            with open_private(path, "w"):
                pass
        return
    if writes_in_place(path):
        return
    if path.stat().st_size > size:  # never extend a file that shrank: that would pad it with NULs
        os.truncate(path, size)


def _drop_cut_entry(progress: Path) -> None:
    """Remove a last progress entry that a kill cut in the middle (it has no line end)."""
    size = progress.stat().st_size
    if not size:
        return
    with open(progress, "rb") as fh:
        fh.seek(max(0, size - 65536))
        tail = fh.read()
    if tail.endswith(b"\n"):
        return
    i = tail.rfind(b"\n")
    os.truncate(progress, size - len(tail) + i + 1 if i >= 0 else 0)


# a window of tasks handed to the pool at once: large, because the pool drains at the end of each window (one
# worker idles while the other finishes), and bounded in characters so that huge documents stay few in memory
WINDOW_CHARS = 16_000_000


def _task_chars(task: tuple) -> int:
    _key, kind, payload, _doc_id, _patient_id, field_name = task
    if kind == "text":
        return len(payload)
    if kind == "jsonl":
        v = payload.get(field_name) if isinstance(payload, dict) else None
        return len(v) if isinstance(v, str) else 0
    row, idx = payload
    return sum(len(str(row[i])) for i in idx if i < len(row))


def _windowed_imap(pool, tasks: Iterator[tuple], chunksize: int, window: int,
                   max_chars: int = WINDOW_CHARS) -> Iterator[tuple]:
    """`pool.imap` over bounded slices (at most `window` tasks and about `max_chars` characters): Pool would
    otherwise read the whole input into its queue."""
    while True:
        batch, chars = [], 0
        for t in tasks:
            batch.append(t)
            chars += _task_chars(t)
            if len(batch) >= window or chars >= max_chars:
                break
        if not batch:
            return
        yield from pool.imap(_process, batch, chunksize=chunksize)


def _record_error(report: Report, source: str, line: int | None, key: str, error: str, on_error: str,
                  end_line: int | None = None) -> None:
    entry: dict[str, Any] = {"source": source, "key": key, "error": error}
    if line is not None:
        entry["line"] = line
    if end_line is not None and end_line != line:
        entry["end_line"] = end_line
    report.errors.append(entry)
    if on_error == "fail":
        # name the record: its line, else its key, so the failing document can be found
        where = f"{source}:{line}" if line is not None else (f"{source} record {key}" if key != source else source)
        raise BatchError(f"{where}: {error} (use --on-error skip to go on and report it)")
