"""Every code example in README.md and docs/*.md runs as written in an empty folder.

Python blocks of one page run in order in one interpreter (a later block may use what an earlier one
made), in a fresh temporary folder, with HOME and VIMEDNLP_CACHE there too and the hubs offline.
Shell blocks (```bash / ```sh) run the same way, one bash script per block with `set -e`.
A block that cannot run (it installs packages, needs a server or a user's own files) is marked with
`<!-- no-run: reason -->` right before it; the marker must give a reason.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```([A-Za-z0-9_+-]*)\s*$")
NO_RUN = re.compile(r"^<!--\s*no-run(?::\s*(.*?))?\s*-->\s*$")
SHELL = {"bash", "sh", "shell", "console"}


@dataclass
class Block:
    page: Path
    line: int          # 1-based line of the opening fence
    lang: str
    code: str
    no_run: str | None  # None: runs; "": marked without a reason; else the reason


def blocks(page: Path) -> list[Block]:
    out: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, lang = i, m.group(1).lower()
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        # the marker is the nearest non-blank line above the fence (other HTML comments may sit between)
        no_run = None
        k = start - 1
        while k >= 0 and (not lines[k].strip() or (lines[k].lstrip().startswith("<!--")
                                                   and not NO_RUN.match(lines[k].strip()))):
            k -= 1
        if k >= 0 and (nm := NO_RUN.match(lines[k].strip())):
            no_run = (nm.group(1) or "").strip()
        out.append(Block(page, start + 1, lang, "\n".join(lines[start + 1:j]) + "\n", no_run))
        i = j + 1
    return out


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIMEDNLP_", "PYTEST"))}
    if os.environ.get("VIMEDNLP_SHARED"):
        env["VIMEDNLP_SHARED"] = os.environ["VIMEDNLP_SHARED"]
    env.update(HOME=str(tmp / "home"), VIMEDNLP_CACHE=str(tmp / "cache"), HF_HUB_OFFLINE="1",
               TRANSFORMERS_OFFLINE="1", HF_DATASETS_OFFLINE="1", PYTHONIOENCODING="utf-8")
    # the console scripts of this interpreter's environment come first on PATH
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    (tmp / "home").mkdir()
    return env


_RUNNER = """\
import sys, traceback
ns = {"__name__": "__main__"}
for label, code in BLOCKS:
    try:
        exec(compile(code, label, "exec"), ns)
    except BaseException:
        traceback.print_exc()
        print(f"FAILED in {label}", file=sys.stderr)
        sys.exit(1)
"""


def _id(page: Path) -> str:
    return str(page.relative_to(ROOT))


def test_every_no_run_marker_gives_a_reason():
    bad = [f"{_id(b.page)}:{b.line}" for p in PAGES for b in blocks(p) if b.no_run == ""]
    assert not bad, f"<!-- no-run: reason --> without a reason before the blocks at {bad}"


def test_the_extractor_sees_markers_and_blocks(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("x\n<!-- no-run: needs a server -->\n```bash\nls\n```\n\n```python\nx = 1\n```\n"
                    "<!-- no-run -->\n```sh\nfalse\n```\n", encoding="utf-8")
    got = blocks(page)
    assert [(b.lang, b.line, b.no_run) for b in got] == [("bash", 3, "needs a server"), ("python", 7, None),
                                                         ("sh", 11, "")]
    assert got[1].code == "x = 1\n"


@pytest.mark.parametrize("page", [p for p in PAGES if any(b.lang == "python" for b in blocks(p))], ids=_id)
def test_python_blocks_run(page, tmp_path):
    todo = [b for b in blocks(page) if b.lang == "python" and b.no_run is None]
    if not todo:
        pytest.skip("every Python block of this page is marked no-run")
    script = tmp_path / "run_examples.py"
    pairs = [(f"{_id(page)}:{b.line}", b.code) for b in todo]
    script.write_text(f"BLOCKS = {pairs!r}\n" + _RUNNER, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    r = subprocess.run([sys.executable, str(script)], cwd=work, env=_env(tmp_path), capture_output=True, check=False,
                       text=True, timeout=600)
    assert r.returncode == 0, f"{_id(page)}: a Python example fails\n{r.stderr[-4000:]}"


SHELL_BLOCKS = [b for p in PAGES for b in blocks(p) if b.lang in SHELL]


@pytest.mark.parametrize("block", SHELL_BLOCKS, ids=[f"{_id(b.page)}:{b.line}" for b in SHELL_BLOCKS])
def test_shell_blocks_run(block, tmp_path):
    if block.no_run is not None:
        pytest.skip(f"marked no-run: {block.no_run}")
    work = tmp_path / "work"
    work.mkdir()
    r = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", block.code], cwd=work, env=_env(tmp_path), check=False,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, (f"{_id(block.page)}:{block.line}: a shell example fails (exit {r.returncode})\n"
                               f"{r.stderr[-4000:]}")


def test_every_fenced_block_names_its_language():
    # an untagged block is neither run nor marked: say `text` for output and diagrams, `bash` for commands
    bare = [f"{_id(b.page)}:{b.line}" for p in PAGES for b in blocks(p) if not b.lang]
    assert not bare, f"fenced blocks without a language: {bare}"
