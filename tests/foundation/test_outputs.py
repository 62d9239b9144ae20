"""vimednlp.outputs: atomic writes only over regular files, '-' as stdout/stdin, decoding that names where it failed."""
from __future__ import annotations

import io
import os
import stat
import sys
import threading

import pytest

from vimednlp.outputs import decode_text, detect_encoding, open_output, open_private, read_input

NOTE = "BN Nguyễn Văn An, 45 tuổi, SĐT 0912 345 678, vào viện 12/03/2024 vì sốt cao.\n"


def test_a_regular_file_is_replaced_only_when_the_write_ends(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("cũ", encoding="utf-8")
    os.chmod(out, 0o640)
    with pytest.raises(RuntimeError), open_output(out) as fh:
        fh.write("nửa chừng")
        raise RuntimeError("stop")
    assert out.read_text(encoding="utf-8") == "cũ" and not list(tmp_path.glob("*.partial"))
    with open_output(out) as fh:
        fh.write(NOTE)
    assert out.read_text(encoding="utf-8") == NOTE and stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_symlink_to_a_file_keeps_the_link(tmp_path):
    target, link = tmp_path / "target.txt", tmp_path / "link.txt"
    target.write_text("cũ", encoding="utf-8")
    link.symlink_to(target)
    with open_output(link) as fh:
        fh.write(NOTE)
    assert link.is_symlink() and target.read_text(encoding="utf-8") == NOTE


def test_devices_and_fifos_are_written_in_place(tmp_path):
    null = tmp_path / "null"
    null.symlink_to(os.devnull)
    with open_output(null) as fh:
        fh.write(NOTE)
    assert null.is_symlink() and os.readlink(null) == os.devnull
    assert not list(tmp_path.glob("*.partial")) and not os.path.exists(os.devnull + ".partial")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    t = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    t.start()
    with open_output(fifo) as fh:
        fh.write(NOTE)
    t.join(timeout=10)
    assert got == [NOTE] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_dash_is_stdout_and_stdin(capsys, monkeypatch):
    with open_output("-") as fh:
        fh.write(NOTE)
    assert capsys.readouterr().out == NOTE
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NOTE.encode("utf-16"))))
    assert read_input("-") == NOTE


def test_private_files_are_0600(tmp_path):
    old = os.umask(0o022)
    try:
        with open_private(tmp_path / "audit.jsonl") as fh:
            fh.write("{}\n")
        with open_output(tmp_path / "report.json", private=True) as fh:
            fh.write("{}")
    finally:
        os.umask(old)
    for name in ("audit.jsonl", "report.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                 "utf-32-be"])
def test_unicode_encodings_are_detected(enc):
    raw = (NOTE * 3).encode(enc)
    assert decode_text(raw) == NOTE * 3
    assert (detect_encoding(raw) is None) == (enc == "utf-8")


def test_a_stray_nul_in_utf8_is_not_taken_for_utf16():
    raw = ("BN An SĐT 0912\x00345678, " * 20).encode("utf-8")
    assert detect_encoding(raw) is None and "\x00" in decode_text(raw)


def test_decode_errors_name_the_line_and_byte_offset():
    raw = "Dòng một\nDòng hai\n".encode() + b"ba \xff\xfe\xfd\x80\x81\n"
    with pytest.raises(UnicodeDecodeError) as e:
        decode_text(raw, "ghi_chu.txt")
    msg, at = str(e.value), raw.index(b"\xff")
    assert "ghi_chu.txt" in msg and "line 3" in msg and f"byte offset {at}" in msg
