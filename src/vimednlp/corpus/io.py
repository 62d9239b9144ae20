"""`read` / `write` with the format guessed from the path; streaming where the format allows.

| format | path | notes |
|---|---|---|
| jsonl | `*.jsonl`, `*.ndjson` | the standard record, streamed line by line |
| conll | `*.conll`, `*.bio`, `*.iob`, `*.txt` with `--format conll` | `level=` syllable/word |
| tokens-json | `*.json` with `{"words", "tags"}` lines (PhoNER's json) | `level=` |
| labelstudio | `*.json` holding a task array | UTF-16 offsets at this boundary only |
| brat | a folder of `.txt` + `.ann` (or one `.ann`) | |
| docbin | `*.spacy` | |
| hf | a folder saved by `datasets` (`dataset_info.json`), or `*.hf` | `kind=` tokens/spans |
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..schema import Document
from .errors import ErrorLog

FORMATS = ("jsonl", "conll", "tokens-json", "labelstudio", "brat", "docbin", "hf")
_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".conll": "conll", ".bio": "conll", ".iob": "conll",
              ".spacy": "docbin", ".ann": "brat", ".hf": "hf"}


class FormatError(ValueError):
    """The format of a path cannot be guessed. The message names the way to give it: `format=` in Python;
    the command line re-words it with its own option (`--from`, `--to`, `--format`) through `message`."""

    def __init__(self, path: str | Path, folder: bool, for_writing: bool = False):
        self.path, self.folder, self.for_writing = str(path), folder, for_writing
        super().__init__(self.message("format="))

    def message(self, option: str | None) -> str:
        what = f"folder {self.path}" if self.folder else f"{self.path} from its extension"
        if option is None:  # a command with no format option
            return f"cannot guess the format of {what}; name a file whose extension says its format"
        value = f"{option} "
        known = f"{value}brat or hf" if self.folder else f"{value}one of {', '.join(FORMATS)}"
        return f"cannot guess the format of {what}; pass {known}"


def guess_format(path: str | Path, for_writing: bool = False) -> str:
    """The format of `path` from its extension (and, for `.json` and folders, a look inside)."""
    p = Path(path)
    suf = p.suffix.lower()
    if suf in _BY_SUFFIX:
        return _BY_SUFFIX[suf]
    if suf == ".json":
        if for_writing or not p.exists():
            return "labelstudio"
        import json

        with open(p, encoding="utf-8") as f:
            first = f.readline()
            while first and not first.strip():
                first = f.readline()
        if first.lstrip().startswith("["):
            return "labelstudio"
        try:
            obj = json.loads(first)
        except json.JSONDecodeError:
            return "jsonl"  # reading reports the broken line
        if isinstance(obj, dict) and ("words" in obj or "tokens" in obj) and "text" not in obj:
            return "tokens-json"
        if isinstance(obj, dict) and "data" in obj and "text" not in obj:
            return "labelstudio"
        return "jsonl"
    if p.is_dir():
        if (p / "dataset_info.json").exists() or (p / "state.json").exists():
            return "hf"
        if any(p.glob("*.ann")) or any(p.glob("*.txt")):
            return "brat"
    if p.is_dir() or (for_writing and not suf):
        raise FormatError(p, folder=True, for_writing=for_writing)
    raise FormatError(p, folder=False, for_writing=for_writing)


STDIO = "-"
_STREAMS = ("jsonl", "conll", "tokens-json", "labelstudio", "docbin")  # formats that fit in one stream
_SUFFIX = {"jsonl": ".jsonl", "conll": ".conll", "tokens-json": ".json", "labelstudio": ".json", "docbin": ".spacy"}


@contextmanager
def output_path(dst: str | Path, fmt: str = "jsonl") -> Iterator[Path]:
    """The path a writer should write `dst` through; on a clean exit the output is in place.
    (`vimednlp.outputs.open_output` is the same rule for writers that take an open file.)

    - `-`: a scratch file, copied to stdout at the end;
    - an existing special file (a device such as /dev/stdout, a FIFO, a socket): written straight
      into, never renamed over (replacing /dev/stdout with a regular file broke the system);
    - a regular file or a new path: written beside it as `<name>.partial` and renamed over it, so a
      failed run leaves no half-written file; a symlink stays a link and its target gets the content.
    """
    if str(dst) == STDIO:
        if fmt not in _STREAMS:
            raise ValueError(f"format {fmt} is a folder and cannot go to stdout ('-'); give a folder path")
        with tempfile.TemporaryDirectory(prefix="vimednlp-stdout-") as d:
            tmp = Path(d) / ("stdout" + _SUFFIX.get(fmt, ""))
            yield tmp
            sys.stdout.flush()
            with open(tmp, "rb") as f:
                shutil.copyfileobj(f, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        return
    from ..outputs import writes_in_place

    p = Path(dst)
    if writes_in_place(p):  # a device, FIFO or socket (or a link to one): never renamed over
        yield p
        return
    real = Path(os.path.realpath(p)) if p.is_symlink() else p
    if real.is_dir():  # folder formats (brat, hf) write into the folder
        yield real
        return
    tmp = real.with_name(real.name + ".partial")
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, real)


@contextmanager
def input_path(src: str | Path, fmt: str | None) -> Iterator[tuple[Path, str | None]]:
    """(path, format) to read `src` from: `-` spools stdin into a scratch file (format default jsonl)."""
    if str(src) != STDIO:
        yield Path(src), fmt
        return
    fmt = fmt or "jsonl"
    if fmt not in _STREAMS:
        raise ValueError(f"format {fmt} is a folder and cannot come from stdin ('-')")
    with tempfile.TemporaryDirectory(prefix="vimednlp-stdin-") as d:
        tmp = Path(d) / ("stdin" + _SUFFIX[fmt])
        with open(tmp, "wb") as f:
            shutil.copyfileobj(sys.stdin.buffer, f)
        yield tmp, fmt


def iter_read(path: str | Path, format: str | None = None, *, level: str = "syllable", on_error: str = "fail",
              errors: ErrorLog | None = None, with_lines: bool = False, **kw) -> Iterator:
    """Stream records from `path` (`-`: stdin, JSONL unless `format` says otherwise).
    `on_error="skip"` collects bad records in `errors` and goes on.

    With `with_lines=True` yields (line number or None, Document).
    """
    if str(path) == STDIO:
        return _iter_stdin(format, level=level, on_error=on_error, errors=errors, with_lines=with_lines, **kw)
    fmt = format or guess_format(path)
    if fmt == "jsonl":
        from .jsonl import iter_jsonl

        return iter_jsonl(path, on_error, errors, with_lines)
    if fmt == "conll":
        from .conll import iter_conll

        return iter_conll(path, level=level, on_error=on_error, errors=errors, with_lines=with_lines, **kw)
    if fmt == "tokens-json":
        from .conll import iter_token_json

        return iter_token_json(path, level=level, on_error=on_error, errors=errors, with_lines=with_lines, **kw)
    if fmt == "labelstudio":
        from .labelstudio import iter_tasks

        return iter_tasks(path, on_error, errors, with_lines)
    if fmt == "brat":
        from .brat import iter_brat

        return iter_brat(path, on_error, errors, with_lines)
    if fmt == "docbin":
        from .docbin import iter_docbin

        return iter_docbin(path, on_error, errors, with_lines)
    if fmt == "hf":
        from datasets import load_from_disk

        from .hf import from_hf_dataset

        docs = from_hf_dataset(load_from_disk(str(path)))
        return iter(((None, d) for d in docs) if with_lines else docs)
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")


def _iter_stdin(fmt: str | None, **kw) -> Iterator:
    with input_path(STDIO, fmt) as (p, f):
        yield from iter_read(p, f, **kw)


def read(path: str | Path, format: str | None = None, **kw) -> list[Document]:
    """Read every record of `path` (see `iter_read` for streaming and options)."""
    return list(iter_read(path, format, **kw))


def write(records: Iterable[Document], path: str | Path, format: str | None = None, *, level: str = "syllable",
          on_error: str = "fail", errors: ErrorLog | None = None, **kw) -> int:
    """Write records to `path` in `format` (guessed from the extension). Returns how many were written."""
    fmt = format or guess_format(path, for_writing=True)
    if fmt == "jsonl":
        from .jsonl import write_jsonl

        return write_jsonl(records, path)
    if fmt == "conll":
        from .conll import write_conll

        return write_conll(records, path, level=level, on_error=on_error, errors=errors, **kw)
    if fmt == "tokens-json":
        from .conll import write_token_json

        return write_token_json(records, path, level=level, on_error=on_error, errors=errors, **kw)
    if fmt == "labelstudio":
        from .labelstudio import write_tasks

        return write_tasks(records, path, **kw)
    if fmt == "brat":
        from .brat import write_brat

        return write_brat(records, path)
    if fmt == "docbin":
        from .docbin import write_docbin

        return write_docbin(records, path, on_error=on_error, errors=errors)
    if fmt == "hf":
        from .hf import to_hf_dataset, to_hf_dataset_dict

        docs = list(records)
        by_split = kw.pop("by_split", False)
        (to_hf_dataset_dict if by_split else to_hf_dataset)(docs, level=level, **kw).save_to_disk(str(path))
        return len(docs)
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
