"""Safe command-line outputs and inputs: '-' is stdout/stdin, special files are never replaced.

A command writes a regular file atomically: into `<dst>.partial`, moved over `<dst>` only when the
write finished, so a failed run leaves the old file (or none). That move must never happen to
anything but a regular file: renaming over `/dev/stdout` (a symlink to a terminal or pipe), a FIFO
or a character device would replace it with a plain file, which, run as root, breaks the system.
So `-`, character devices, FIFOs, sockets and symlinks to any of them are written straight
through; a symlink to a regular file is followed and its target is replaced (the link stays).
"""
from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

STDIO = "-"

__all__ = [
    "STDIO",
    "decode_text",
    "detect_encoding",
    "is_stdio",
    "open_input",
    "open_output",
    "open_private",
    "read_input",
    "read_input_bytes",
    "writes_in_place",
]


def is_stdio(path: str | Path | None) -> bool:
    """True for '-' (stdin when reading, stdout when writing)."""
    return path is not None and str(path) == STDIO


def writes_in_place(path: str | Path) -> bool:
    """True when `path` must be written straight through, never replaced: '-', or an existing target
    (symlinks followed) that is not a regular file (character device, FIFO, socket, ...)."""
    if is_stdio(path):
        return True
    try:
        st = os.stat(path)  # follows symlinks: a link to /dev/tty is a tty
    except FileNotFoundError:
        return False
    except OSError:
        return False
    return not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode)


@contextmanager
def open_output(path: str | Path, *, binary: bool = False, encoding: str = "utf-8", newline: str | None = None,
                private: bool = False) -> Iterator[IO]:
    """Open `path` for writing; yields a text (or, with `binary`, a bytes) file.

    - '-': standard output (flushed, not closed);
    - a character device, FIFO, socket, or a symlink to one: opened and written in place;
    - a regular file (a symlink to one is followed) or a new path: written to `<target>.partial` and
      moved over the target only if the block ends without an exception (the partial file is
      removed otherwise). An existing file keeps its permission bits; `private` makes it 0600.
    A folder is refused with IsADirectoryError.
    """
    if is_stdio(path):
        if binary:
            stream = sys.stdout.buffer
        else:
            stream = sys.stdout
        try:
            yield stream
        finally:
            stream.flush()
        return
    p = Path(path)
    if p.is_dir():
        raise IsADirectoryError(f"{p} is a folder, not a file")
    kw = {} if binary else {"encoding": encoding, "newline": newline}
    if writes_in_place(p):
        with open(p, "wb" if binary else "w", **kw) as fh:
            yield fh
        return
    target = Path(os.path.realpath(p))  # a symlink to a regular file: replace its target, keep the link
    tmp = target.with_name(target.name + ".partial")
    old_mode = None
    try:
        old_mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        pass
    mode_bits = 0o600 if private else (old_mode if old_mode is not None else 0o666)
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode_bits)
    try:
        if old_mode is not None or private:
            os.chmod(tmp, mode_bits)  # os.open's mode is masked by the umask
        fh = os.fdopen(fd, "wb" if binary else "w", **kw)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    try:
        with fh:
            yield fh
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, target)


class _Borrowed:
    """Standard output lent to code that closes what it opens: closing only flushes it."""

    def __init__(self, stream: IO):
        self._stream = stream

    def __getattr__(self, name: str):
        return getattr(self._stream, name)

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        self._stream.flush()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_private(path: str | Path, mode: str = "a", *, encoding: str | None = "utf-8",
                 newline: str | None = None) -> IO:
    """Open a file that may describe patients' records (audit, progress, report) so that a file
    created here is readable by its owner only (0600). Append or write in place; '-' is stdout."""
    if is_stdio(path):
        return _Borrowed(sys.stdout if "b" not in mode else sys.stdout.buffer)
    flags = os.O_WRONLY | os.O_CREAT
    if "a" in mode:
        flags |= os.O_APPEND
    elif "w" in mode and not writes_in_place(path):
        flags |= os.O_TRUNC
    fd = os.open(path, flags, 0o600)
    if "b" in mode:
        return os.fdopen(fd, mode)
    return os.fdopen(fd, mode, encoding=encoding, newline=newline)


@contextmanager
def open_input(path: str | Path, *, binary: bool = False, encoding: str = "utf-8-sig",
               newline: str | None = None) -> Iterator[IO]:
    """Open `path` for reading; '-' is standard input (not closed at the end)."""
    if is_stdio(path):
        buf = getattr(sys.stdin, "buffer", None)
        if binary or buf is None:
            yield buf if binary else sys.stdin
            return
        wrapper = io.TextIOWrapper(buf, encoding=encoding, newline=newline)
        try:
            yield wrapper
        finally:
            wrapper.detach()  # leave sys.stdin usable (closing the wrapper would close it)
        return
    with open(path, "rb" if binary else "r", **({} if binary else {"encoding": encoding, "newline": newline})) as fh:
        yield fh


def read_input_bytes(path: str | Path) -> bytes:
    """The bytes of `path`; '-' reads standard input to its end."""
    if is_stdio(path):
        buf = getattr(sys.stdin, "buffer", None)
        if buf is not None:
            return buf.read()
        return sys.stdin.read().encode("utf-8", "surrogateescape")
    return Path(path).read_bytes()


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def detect_encoding(head: bytes) -> str | None:
    """The encoding that the first bytes of a file show: a byte-order mark (UTF-8, UTF-16, UTF-32), or
    the pattern of NUL bytes that UTF-16 and UTF-32 text without a mark leaves (Vietnamese and ASCII
    text are mostly below U+0200 or in U+1Exx, so their high bytes are mostly 0). None: no sign (UTF-8,
    or a legacy 8-bit encoding). A stray NUL in UTF-8 text matches no pattern and gives None."""
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    if b"\x00" not in head:
        return None
    n4 = len(head) // 4 * 4
    if n4 >= 8:
        q = [head[i:n4:4].count(0) / (n4 // 4) for i in range(4)]
        if q[2] > 0.9 and q[3] > 0.9 and q[0] < 0.1:
            return "utf-32-le"
        if q[0] > 0.9 and q[1] > 0.9 and q[3] < 0.1:
            return "utf-32-be"
    n2 = len(head) // 2 * 2
    if n2 >= 4:
        even, odd = head[0:n2:2].count(0) / (n2 // 2), head[1:n2:2].count(0) / (n2 // 2)
        if odd > 0.3 and even < 0.05:
            return "utf-16-le"
        if even > 0.3 and odd < 0.05:
            return "utf-16-be"
    return None


def decode_text(raw: bytes, name: str = "<input>") -> str:
    """Decode a whole text file: UTF-8 (BOM or not), UTF-16/UTF-32 (BOM, or detected without one), else a
    legacy Vietnamese encoding (TCVN3, VNI, Windows-1258, see `vimednlp.text.decode_bytes`). Raises
    UnicodeDecodeError whose message names `name`, the line and the byte offset of the first bad byte."""
    enc = detect_encoding(raw[:4096])
    if enc is not None and enc != "utf-8-sig":
        try:
            return raw.decode(enc)
        except UnicodeDecodeError as e:
            raise UnicodeDecodeError(e.encoding, e.object, e.start, e.end,
                                     f"{name}: not valid {enc} at byte {e.start}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        first = e
    try:
        from .text import decode_bytes

        out = decode_bytes(raw)
        return out if isinstance(out, str) else out[0]
    except (UnicodeDecodeError, ValueError):
        pass
    line = raw.count(b"\n", 0, first.start) + 1
    raise UnicodeDecodeError("utf-8", first.object, first.start, first.end,
                             f"{name}: not UTF-8 (nor UTF-16/32 or a known legacy encoding): byte "
                             f"0x{raw[first.start]:02X} at byte offset {first.start}, line {line}") from None


def read_input(path: str | Path) -> str:
    """The text of `path` ('-': standard input) decoded by `decode_text` (UTF-8, UTF-16/32, legacy); a decode
    error names the source, the line and the byte offset."""
    return decode_text(read_input_bytes(path), "<stdin>" if is_stdio(path) else str(path))
