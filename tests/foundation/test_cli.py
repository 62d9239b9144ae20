"""The `vimednlp` command: help with examples, version, demo, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from vimednlp.cli import LAZY_COMMANDS


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vimednlp", *args], capture_output=True, text=True, timeout=300)


def test_help_lists_every_command_with_examples():
    r = run("--help")
    assert r.returncode == 0, r.stderr
    for name in ["demo", "version", *LAZY_COMMANDS]:
        assert name in r.stdout
    assert "Examples:" in r.stdout


def test_version_prints_package_version():
    import vimednlp

    r = run("version")
    assert r.returncode == 0
    assert f"vimednlp {vimednlp.__version__}" in r.stdout


def test_usage_error_exits_2_and_unknown_command_is_named():
    r = run("no-such-command")
    assert r.returncode == 2
    assert "no-such-command" in r.stderr
    r = run("demo", "--operator", "shred")
    assert r.returncode == 2


@pytest.mark.parametrize("cmd", sorted(LAZY_COMMANDS))
def test_each_room_command_has_help_with_example(cmd):
    r = run(cmd, "--help")
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Example" in r.stdout, f"`vimednlp {cmd} --help` shows no example"


def test_demo_prints_note_spans_and_deidentified_text():
    r = run("demo")
    assert r.returncode == 0, r.stderr[-2000:]
    out = r.stdout
    assert "TÓM TẮT BỆNH ÁN RA VIỆN" in out
    spans = [line for line in out.splitlines() if line[:5].strip().isdigit() and "-" in line[:12]]
    labels = {line.split()[2] for line in spans if len(line.split()) > 2}
    assert {"NAME", "DATE", "PHONE", "ID", "LOCATION"} <= labels, labels
    assert {"DISEASE", "DRUG"} <= labels, labels
    # the de-identified section must not contain the patient's name or phone
    deid = out.split("De-identified", 1)[1]
    assert "NGUYỄN VĂN HÙNG" not in deid and "0912 345 678" not in deid


def test_demo_json_is_a_valid_record():
    from vimednlp.schema import Document

    r = run("demo", "--json")
    assert r.returncode == 0, r.stderr[-2000:]
    data = json.loads(r.stdout)
    doc = Document.from_dict(data)
    doc.check()
    assert doc.spans
