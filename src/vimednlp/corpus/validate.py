"""Check a corpus: the record's JSON Schema, offsets, span text, overlaps, labels, Unicode form, empty and
duplicate documents.

Every record is checked against the project's JSON Schema (corpora/schema/record.schema.json, carried
in the package as corpus/record.schema.json) with `jsonschema`; the checks below add what a schema cannot
say (offsets inside the text, span text equal to the text there, overlaps, duplicates).

Each problem names where it is (file line, or record number for formats without lines) and what kind
it is, never the text itself (corpora hold PHI). Errors make `vimednlp corpus validate` exit 1;
warnings (non-NFC text, near duplicates) do too with `--strict`.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..schema import ALL_LABELS, CLINICAL_LABELS, PHI_LABELS, Document
from .errors import ErrorLog

ERROR, WARNING = "error", "warning"


@lru_cache(maxsize=1)
def record_validator():
    """A jsonschema validator for one corpus record (the schema file the package carries)."""
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("vimednlp.corpus").joinpath("record.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def schema_problems(record: dict) -> list[str]:
    """Where and why `record` breaks the JSON Schema, naming the field and the rule, never its value (PHI)."""
    out = []
    for e in sorted(record_validator().iter_errors(record), key=lambda e: list(e.absolute_path)):
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path).lstrip(".") or "record"
        if e.validator == "required":
            missing = [k for k in e.validator_value if isinstance(e.instance, dict) and k not in e.instance]
            out.append(f"{where}: missing required field(s) {', '.join(missing)}")
        elif e.validator == "type":
            out.append(f"{where}: must be of type {e.validator_value}")
        else:
            out.append(f"{where}: fails {e.validator} {json.dumps(e.validator_value)[:60]}")
    return out


@dataclass
class Problem:
    severity: str
    code: str
    message: str
    line: int | None = None
    record: int | None = None  # 1-based position in the file
    record_id: str | None = None

    def where(self) -> str:
        if self.line is not None:
            return f"line {self.line}"
        if self.record is not None:
            return f"record {self.record}"
        return "file"

    def format(self, path: str = "") -> str:
        rid = f" (id {self.record_id})" if self.record_id else ""
        loc = f"{path}:{self.line}" if (path and self.line is not None) else (f"{path}: {self.where()}" if path
                                                                              else self.where())
        return f"{loc}: {self.severity} [{self.code}] {self.message}{rid}"


@dataclass
class Report:
    path: str
    n_records: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.problems:
            out[p.code] = out.get(p.code, 0) + 1
        return out

    def lines(self) -> Iterator[str]:
        for p in sorted(self.problems, key=lambda p: (p.line or 0, p.record or 0)):
            yield p.format(self.path)


def _group(label: str) -> str:
    if label in PHI_LABELS:
        return "phi"
    if label in CLINICAL_LABELS:
        return "clinical"
    return label


def check_document(doc: Document, labels: set[str] | None = ALL_LABELS, allow_overlap: bool = False,
                   line: int | None = None, record: int | None = None) -> list[Problem]:
    """Problems of one record (without the corpus-wide duplicate checks)."""
    out: list[Problem] = []

    def add(sev: str, code: str, msg: str) -> None:
        out.append(Problem(sev, code, msg, line, record, doc.id))

    for why in schema_problems(doc.to_dict()):
        add(ERROR, "schema", why)
    text = doc.text
    if not text.strip():
        add(ERROR, "empty", "the document text is empty")
    elif unicodedata.normalize("NFC", text) != text:
        add(WARNING, "non-nfc", "the text is not in Unicode NFC (normalize it before annotating)")
    for i, s in enumerate(doc.spans, 1):
        if s.end > len(text) or s.start > len(text):
            add(ERROR, "offsets", f"span {i} ({s.label}) {s.start}-{s.end} ends past the text (length {len(text)})")
            continue
        if s.start == s.end:
            add(ERROR, "offsets", f"span {i} ({s.label}) {s.start}-{s.end} is empty")
        if s.text and text[s.start:s.end] != s.text:
            add(ERROR, "span-text", f"span {i} ({s.label}) {s.start}-{s.end}: its text does not match the document")
        elif text[s.start:s.end] != text[s.start:s.end].strip():
            add(WARNING, "span-space", f"span {i} ({s.label}) {s.start}-{s.end} starts or ends with whitespace")
        if labels is not None and s.label not in labels:
            add(ERROR, "unknown-label", f"span {i} has the label {s.label!r}, not in the schema")
    if not allow_overlap:
        spans = sorted(((i, s) for i, s in enumerate(doc.spans, 1) if s.end <= len(text)),
                       key=lambda x: (x[1].start, x[1].end))
        for k, (i, a) in enumerate(spans):
            for j, b in spans[k + 1:]:
                if b.start >= a.end:
                    break
                if _group(a.label) == _group(b.label):
                    add(ERROR, "overlap", f"spans {i} ({a.label} {a.start}-{a.end}) and {j} ({b.label} "
                        f"{b.start}-{b.end}) overlap within one span group")
    return out


def _shingles(text: str, n: int = 3) -> set[str]:
    toks = unicodedata.normalize("NFC", text).lower().split()
    if len(toks) < n:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def near_duplicates(items: list[tuple[int, str]], threshold: float = 0.8, num_perm: int = 64,
                    seed: int = 1) -> list[tuple[int, int, float]]:
    """Pairs (i, j, Jaccard) of texts whose word 3-gram Jaccard is >= threshold (MinHash LSH, then exact check)."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sets: dict[int, set[str]] = {}
    pairs = []
    for i, text in items:
        sh = _shingles(text)
        if len(sh) < 2:  # too short to call anything a near duplicate
            continue
        m = MinHash(num_perm=num_perm, seed=seed)
        m.update_batch([s.encode("utf-8") for s in sh])
        for j in lsh.query(m):
            jac = len(sh & sets[j]) / len(sh | sets[j])
            if jac >= threshold:
                pairs.append((j, i, jac))
        lsh.insert(i, m)
        sets[i] = sh
    return sorted(pairs)


def validate_records(pairs: Iterable[tuple[int | None, Document]], path: str = "", labels=ALL_LABELS,
                     allow_overlap: bool = False, near_dup: float | None = 0.8,
                     errors: ErrorLog | None = None, progress: bool = False) -> Report:
    """Validate (line, Document) pairs; `errors` holds records that could not be read at all."""
    from tqdm import tqdm

    rep = Report(path)
    label_set = set(labels) if labels is not None else None
    seen_text: dict[str, tuple[int | None, int]] = {}
    seen_id: dict[str, tuple[int | None, int]] = {}
    texts: list[tuple[int, str]] = []
    where: dict[int, tuple[int | None, str]] = {}
    for k, (line, doc) in enumerate(tqdm(pairs, desc="validate", unit="doc", disable=None if progress else True, file=__import__("sys").stderr), 1):
        rep.n_records += 1
        rep.problems += check_document(doc, label_set, allow_overlap, line, None if line else k)
        if doc.id in seen_id:
            fl, fk = seen_id[doc.id]
            rep.problems.append(Problem(ERROR, "duplicate-id", "the id is used again (first at "
                                        + (f"line {fl}" if fl else f"record {fk}") + ")", line,
                                        None if line else k, doc.id))
        else:
            seen_id[doc.id] = (line, k)
        key = hashlib.sha1(unicodedata.normalize("NFC", doc.text).strip().encode("utf-8")).hexdigest()
        if doc.text.strip() and key in seen_text:
            fl, fk = seen_text[key]
            rep.problems.append(Problem(ERROR, "duplicate", "exact duplicate of the text at "
                                        + (f"line {fl}" if fl else f"record {fk}"), line, None if line else k,
                                        doc.id))
        elif doc.text.strip():
            seen_text[key] = (line, k)
            texts.append((k, doc.text))
        where[k] = (line, doc.id)
    if errors is not None:
        for e in errors.errors:
            rep.problems.append(Problem(ERROR, "unreadable", e.reason, e.line,
                                        None if e.line else (int(e.record_id) + 1 if (e.record_id or "").isdigit()
                                                             else None), None))
    if near_dup:
        for i, j, jac in near_duplicates(texts, near_dup):
            li, _ = where[i]
            lj, idj = where[j]
            rep.problems.append(Problem(WARNING, "near-duplicate",
                                        f"near duplicate (word 3-gram Jaccard {jac:.2f}) of the text at "
                                        + (f"line {li}" if li else f"record {i}"), lj, None if lj else j, idj))
    return rep


def validate(path: str | Path, format: str | None = None, labels=ALL_LABELS, allow_overlap: bool = False,
             near_dup: float | None = 0.8, level: str = "syllable", progress: bool = False) -> Report:
    """Validate a corpus file; broken lines are reported as problems, never dropped."""
    from .io import iter_read

    log = ErrorLog()
    pairs = iter_read(path, format, level=level, on_error="skip", errors=log, with_lines=True)
    return validate_records(pairs, str(path), labels, allow_overlap, near_dup, errors=log, progress=progress)
