"""Batch de-identification of text files, folders, JSONL and CSV, with workers and resumable output.

Units of work ("records") are read lazily and processed in order by a pool of worker processes,
each building its `Deidentifier` (and so its Analyzer) once. Results are written in input order.

Resuming: a finished record is remembered in a progress file beside the output
(`<out>.progress`, one record key per line: a relative path or a line/row number), written after
the output itself; a rerun skips those keys. For folders, files already written are skipped too.

Errors (broken JSONL lines, a missing field, undecodable bytes, a detector failure) are reported
with the file and line/row number and the error type, never the text: `--on-error fail` stops at
the first (exit 1), `--on-error skip` goes on and lists every skipped record in the report.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = {".txt", ".text", ".md"}


@dataclass
class Record:
    key: str                 # resume key: relative path, "line:N" or "row:N"
    source: str              # file the record came from (for error reports)
    line: int | None         # 1-based line / row number in `source`, None for whole files
    payload: Any = None      # text (files), dict (JSONL), list (CSV row)
    error: str | None = None  # a reading error (reported, never silently dropped)
    doc_id: str | None = None
    patient_id: str | None = None


@dataclass
class Report:
    processed: int = 0
    skipped_done: int = 0
    empty: int = 0
    errors: list[dict] = field(default_factory=list)
    spans: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"processed": self.processed, "already_done": self.skipped_done, "empty": self.empty,
                "errors": len(self.errors), "spans": self.spans, "counts": dict(sorted(self.counts.items())),
                "error_records": self.errors}


# --- readers ---------------------------------------------------------------------------------------
def read_text_file(path: Path) -> str:
    """UTF-8 (with or without BOM), else the text layer's legacy decoder; a clear error otherwise."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        from ..text import decode_bytes

        out = decode_bytes(raw)
        return out if isinstance(out, str) else out[0]
    except Exception:
        raise UnicodeDecodeError("utf-8", raw[:1], 0, 1, f"{path.name}: not UTF-8 and no known legacy encoding")


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, path relative to its input root) for every text file under the given paths, sorted."""
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES:
                    yield f, f.relative_to(p)
        elif p.is_file():
            yield p, Path(p.name)
        else:
            raise FileNotFoundError(f"input {p} does not exist")


def iter_jsonl(path: Path, field_name: str, id_field: str | None, patient_field: str | None) -> Iterator[Record]:
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            key = f"line:{n}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                yield Record(key, path.name, n, error="line is not valid UTF-8")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield Record(key, path.name, n, error=f"invalid JSON ({e.msg} at column {e.colno})")
                continue
            if not isinstance(obj, dict):
                yield Record(key, path.name, n, error=f"a JSONL record must be an object, got {type(obj).__name__}")
                continue
            if field_name not in obj:
                yield Record(key, path.name, n, error=f"record lacks the field {field_name!r}")
                continue
            if not isinstance(obj[field_name], str):
                yield Record(key, path.name, n, error=f"field {field_name!r} is {type(obj[field_name]).__name__}, not a string")
                continue
            doc_id = str(obj[id_field]) if id_field and id_field in obj else None
            pid = str(obj[patient_field]) if patient_field and obj.get(patient_field) is not None else None
            yield Record(key if doc_id is None else f"id:{doc_id}", path.name, n, obj, doc_id=doc_id, patient_id=pid)


def iter_csv(path: Path, columns: list[str], id_col: str | None, patient_col: str | None,
             header_out: list) -> Iterator[Record]:
    fh = path.open("r", encoding="utf-8-sig", newline="")
    try:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise ValueError(f"{path.name}: cannot read the CSV header ({e})") from None
        missing = [c for c in columns if c not in header]
        if missing:
            raise ValueError(f"{path.name}: no column(s) {missing}; the header has {header}")
        header_out[:] = header
        idx = [header.index(c) for c in columns]
        id_i = header.index(id_col) if id_col and id_col in header else None
        pid_i = header.index(patient_col) if patient_col and patient_col in header else None
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as e:
                yield Record(f"row:{reader.line_num}", path.name, reader.line_num, error=f"bad CSV row ({type(e).__name__})")
                continue
            n = reader.line_num
            if len(row) != len(header):
                yield Record(f"row:{n}", path.name, n, error=f"row has {len(row)} fields, the header {len(header)}")
                continue
            doc_id = row[id_i] if id_i is not None else None
            yield Record(f"row:{n}" if doc_id is None else f"id:{doc_id}", path.name, n, (row, idx), doc_id=doc_id,
                         patient_id=row[pid_i] if pid_i is not None and row[pid_i] else None)
    finally:
        fh.close()


# --- workers ---------------------------------------------------------------------------------------
_ENGINE = None


def _init_worker(engine_kwargs: dict) -> None:
    global _ENGINE
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from .api import Deidentifier

    _ENGINE = Deidentifier(**engine_kwargs)
    # build the detector now (once), not on the first record: a missing model fails here, clearly
    _ = _ENGINE.analyzer


def _process(task: tuple) -> tuple:
    """(key, status, output payload or error, audit) — runs in a worker."""
    key, kind, payload, doc_id, patient_id, field_name = task
    try:
        if kind == "text":
            res = _ENGINE(payload, patient_id=patient_id, doc_id=doc_id)
            return key, "ok", res.text, res.audit
        if kind == "jsonl":
            res = _ENGINE(payload[field_name], patient_id=patient_id, doc_id=doc_id)
            out = dict(payload)
            out[field_name] = res.text
            # serialised here, in the worker: the parent only writes lines (it shares the cores with the workers)
            return key, "ok", json.dumps(out, ensure_ascii=False), res.audit
        if kind == "csv":
            row, idx = payload
            row = list(row)
            audits = []
            for i in idx:
                res = _ENGINE(row[i], patient_id=patient_id, doc_id=doc_id)
                row[i] = res.text
                audits.append(res.audit)
            audit = _merge_audits(audits)
            return key, "ok", row, audit
        raise ValueError(f"unknown record kind {kind}")
    except Exception as e:  # report the type and a PHI-free message
        return key, "error", _safe_error(e), None


def _safe_error(e: Exception) -> str:
    """An error message without document text: type, plus the message only for our own checks."""
    msg = str(e)
    if isinstance(e, (TypeError, ValueError)) and len(msg) < 200 and "'" not in msg and '"' not in msg:
        return f"{type(e).__name__}: {msg}"
    return type(e).__name__


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


def _load_done(progress: Path) -> set[str]:
    if not progress.exists():
        return set()
    return {x for x in progress.read_text(encoding="utf-8").splitlines() if x}


def run_batch(inputs: list[str | Path], out: str | Path, *, engine_kwargs: dict, fmt: str = "auto",
              field_name: str = "text", columns: list[str] | None = None, id_field: str | None = "id",
              patient_field: str | None = None, workers: int = 1, on_error: str = "fail",
              audit_path: str | Path | None = None, report_path: str | Path | None = None,
              resume: bool = True, progress_bar: bool = True, chunksize: int = 4) -> Report:
    """De-identify `inputs` into `out`; returns a `Report`. See `vimednlp deid --help`."""
    if on_error not in ("skip", "fail"):
        raise ValueError("on_error must be 'skip' or 'fail'")
    paths = [Path(p) for p in inputs]
    if not paths:
        raise ValueError("no input given")
    for p in paths:
        if not p.exists():
            raise FileNotFoundError(f"input {p} does not exist")
    out = Path(out)
    if fmt == "auto":
        sfx = {p.suffix.lower() for p in paths if p.is_file()}
        fmt = "jsonl" if sfx <= {".jsonl", ".ndjson"} and sfx else "csv" if sfx == {".csv"} else "text"
    if fmt == "csv" and not columns:
        raise ValueError("CSV input needs --columns (the text columns to de-identify)")
    if fmt in ("jsonl", "csv") and (len(paths) != 1 or not paths[0].is_file()):
        raise ValueError(f"{fmt} input is one file")
    progress = Path(str(out) + ".progress") if fmt != "text" else out / ".vimednlp-deid.progress"
    if fmt == "text":
        out.mkdir(parents=True, exist_ok=True)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
    if fmt != "text" and out.is_dir():
        raise ValueError(f"--out {out} is a folder; {fmt} output is one file")
    if resume and fmt != "text" and out.exists() and out.stat().st_size and not progress.exists():
        # appending to an output we know nothing about would duplicate or mix records
        raise ValueError(f"{out} exists but has no progress file ({progress.name}); "
                         "use --restart to overwrite it or choose another --out")
    done = _load_done(progress) if resume else set()
    if not resume:
        if progress.exists():
            progress.unlink()
        if fmt != "text" and out.exists():
            out.unlink()  # --restart: start the output afresh
    report = Report()
    header: list[str] = []

    # records -> tasks (records already done or unreadable never reach the pool)
    def tasks() -> Iterator[tuple]:
        if fmt == "text":
            for f, rel in iter_files(paths):
                key = rel.as_posix()
                if key in done or (resume and (out / rel).exists()):
                    report.skipped_done += 1
                    continue
                try:
                    text = read_text_file(f)
                except (UnicodeDecodeError, OSError) as e:
                    yield ("__error__", Record(key, f.name, None, error=type(e).__name__ + ": cannot read the file"))
                    continue
                yield (key, "text", text, rel.as_posix(), None, None)
        elif fmt == "jsonl":
            for rec in iter_jsonl(paths[0], field_name, id_field, patient_field):
                if rec.key in done:
                    report.skipped_done += 1
                    continue
                if rec.error:
                    yield ("__error__", rec)
                    continue
                yield (rec.key, "jsonl", rec.payload, rec.doc_id or rec.key, rec.patient_id, field_name)
        else:
            for rec in iter_csv(paths[0], columns or [], id_field, patient_field, header):
                if rec.key in done:
                    report.skipped_done += 1
                    continue
                if rec.error:
                    yield ("__error__", rec)
                    continue
                yield (rec.key, "csv", rec.payload, rec.doc_id or rec.key, rec.patient_id, None)


    def pool_input(errors_out: list) -> Iterator[tuple]:
        for t in tasks():
            if t[0] == "__error__":
                errors_out.append(t[1])
                continue
            yield t

    total = None
    if fmt == "text":
        total = sum(1 for _ in iter_files(paths))
    audit_fh = open(audit_path, "a", encoding="utf-8") if audit_path else None
    out_fh = None
    csv_writer = None
    if fmt == "jsonl":
        out_fh = open(out, "a", encoding="utf-8")
    elif fmt == "csv":
        new_file = not out.exists() or out.stat().st_size == 0
        out_fh = open(out, "a", encoding="utf-8", newline="")
        csv_writer = csv.writer(out_fh)
    prog_fh = open(progress, "a", encoding="utf-8")
    pending_errors: list[Record] = []
    wrote_header = False

    def flush_errors() -> None:
        while pending_errors:
            rec = pending_errors.pop(0)
            _record_error(report, rec.source, rec.line, rec.key, rec.error or "error", on_error)

    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc", disable=not progress_bar, file=sys.stderr, desc="deid")
    pool = None
    try:
        if workers > 1:
            import multiprocessing as mp

            if sys.platform != "win32":
                # build the engine (detector, lexicons, model, one key) once, before forking: workers
                # share it copy-on-write, start at once, and use the same ephemeral key if none is given
                _init_worker(engine_kwargs)
                pool = mp.get_context("fork").Pool(workers)
            else:
                pool = mp.get_context("spawn").Pool(workers, initializer=_init_worker, initargs=(engine_kwargs,))
            results = _windowed_imap(pool, pool_input(pending_errors), chunksize, window=workers * chunksize * 256)
        else:
            _init_worker(engine_kwargs)
            results = map(_process, pool_input(pending_errors))
        for key, status, payload, audit in results:
            flush_errors()
            if status == "error":
                src = paths[0].name if fmt != "text" else key
                line = int(key.split(":")[1]) if key.startswith(("line:", "row:")) else None
                _record_error(report, src, line, key, payload, on_error)
                bar.update(1)
                continue
            if fmt == "text":
                dest = out / key
                dest.parent.mkdir(parents=True, exist_ok=True)
                tmp = dest.with_name(dest.name + ".tmp")
                tmp.write_text(payload, encoding="utf-8")
                os.replace(tmp, dest)
            elif fmt == "jsonl":
                out_fh.write(payload + "\n")
                out_fh.flush()
            else:
                if new_file and not wrote_header:
                    csv_writer.writerow(header)
                    wrote_header = True
                csv_writer.writerow(payload)
                out_fh.flush()
            prog_fh.write(key + "\n")
            prog_fh.flush()
            report.processed += 1
            if audit:
                report.empty += bool(audit.get("empty"))
                report.spans += audit.get("n_spans", 0)
                for lab, n in audit.get("counts", {}).items():
                    report.counts[lab] = report.counts.get(lab, 0) + n
                if audit_fh:
                    rec = dict(audit)
                    rec.setdefault("id", key)
                    rec["source_file"] = key if fmt == "text" else paths[0].name
                    audit_fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            bar.update(1)
        flush_errors()
        if fmt == "csv" and new_file and not wrote_header and header:
            csv_writer.writerow(header)
    except BaseException:
        if pool is not None:
            pool.terminate()
            pool = None
        raise
    finally:
        bar.close()
        if pool is not None:
            pool.close()
            pool.join()
        for fh in (audit_fh, out_fh, prog_fh):
            if fh:
                fh.close()
        if report_path:
            Path(report_path).write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return report


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


def _record_error(report: Report, source: str, line: int | None, key: str, error: str, on_error: str) -> None:
    entry = {"source": source, "key": key, "error": error}
    if line is not None:
        entry["line"] = line
    report.errors.append(entry)
    if on_error == "fail":
        # name the record: its line, else its key (`id:...`), so the failing document can be found
        where = f"{source}:{line}" if line is not None else (f"{source} record {key}" if key != source else source)
        raise BatchError(f"{where}: {error} (use --on-error skip to go on and report it)")
