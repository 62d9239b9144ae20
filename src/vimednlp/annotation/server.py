"""Start a local Label Studio server (for tests, demos and simulations): own venv, scratch data, known user.

Label Studio's pins clash with ours, so it lives in its own virtual environment: `$VIMEDNLP_LS_BIN`
names its `label-studio` executable, else `ensure_label_studio()` installs it into a cached venv.
The server listens on 127.0.0.1 only, makes no network calls, and is stopped by its own PID.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_VENV = Path(tempfile.gettempdir()) / "vimednlp-lsvenv"


def ensure_label_studio(venv: str | Path = DEFAULT_VENV, timeout: float = 900) -> Path:
    """The `label-studio` executable: $VIMEDNLP_LS_BIN, else one in `venv` (installed there if absent)."""
    env_bin = os.environ.get("VIMEDNLP_LS_BIN")
    wait_file = os.environ.get("VIMEDNLP_LS_WAIT_FILE")
    if env_bin and wait_file:
        # CI installs label-studio in the background while the project installs: wait for it to finish
        deadline = time.monotonic() + timeout
        while not Path(wait_file).exists():
            if time.monotonic() > deadline:
                raise TimeoutError(f"label-studio install did not finish within {timeout:.0f} s ({wait_file})")
            time.sleep(2)
    if env_bin:
        p = Path(env_bin)
        if not p.exists():
            raise FileNotFoundError(f"$VIMEDNLP_LS_BIN points to {p}, which does not exist")
        return p
    venv = Path(venv)
    exe = venv / "bin" / "label-studio"
    if exe.exists():
        return exe
    py = shutil.which("python3") or sys.executable
    subprocess.run([py, "-m", "venv", str(venv)], check=True, timeout=120, capture_output=True)
    r = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "label-studio"], timeout=timeout,
                       capture_output=True, text=True)
    if r.returncode != 0 or not exe.exists():
        raise RuntimeError(f"installing label-studio into {venv} failed: {r.stderr[-500:]}")
    return exe


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def label_studio_version(exe: str | Path) -> str:
    """The installed label-studio version next to `exe` (from its dist-info), or "unknown"."""
    venv = Path(exe).resolve().parent.parent
    for d in sorted(venv.glob("lib/python*/site-packages/label_studio-*.dist-info")):
        return d.name[len("label_studio-"):-len(".dist-info")]
    return "unknown"


def default_template_dir(exe: str | Path) -> Path:
    return Path(tempfile.gettempdir()) / f"vimednlp-ls-template-{label_studio_version(exe)}"


@dataclass
class LocalLabelStudio:
    exe: Path
    data_dir: Path
    port: int = 0
    username: str = "admin@example.com"
    password: str = field(default_factory=lambda: secrets.token_hex(8))
    token: str = field(default_factory=lambda: secrets.token_hex(20))  # 40 hex chars, a legacy token
    proc: subprocess.Popen | None = None
    log_path: Path | None = None
    # A migrated database (+ the scratch user and token in it) kept from an earlier start: the first
    # start creates the database (minutes on a busy machine), later ones copy it (seconds).
    template: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "LABEL_STUDIO"))}
        env.update({
            "HOME": str(self.data_dir), "LABEL_STUDIO_BASE_DATA_DIR": str(self.data_dir / "ls-data"),
            "LABEL_STUDIO_LATEST_VERSION_CHECK": "false", "LABEL_STUDIO_COLLECT_ANALYTICS": "false",
            "LABEL_STUDIO_SENTRY_DSN": "", "LABEL_STUDIO_FRONTEND_SENTRY_DSN": "",
            "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        })
        return env

    def _args(self) -> list[str]:
        return ["--username", self.username, "--password", self.password, "--user-token", self.token,
                "--enable-legacy-api-token"]

    def start(self, timeout: float = 600) -> LocalLabelStudio:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        self.log_path = self.data_dir / "server.log"
        from_template = self._restore_template()
        env = self._env()
        # `start` applies the migrations and creates the user itself (a separate `init` would load Django twice)
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [str(self.exe), "start", "--no-browser", "--internal-host", "127.0.0.1", "--port", str(self.port),
             *self._args()], env=env, cwd=self.data_dir, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"label-studio exited with {self.proc.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as resp:
                    if resp.status == 200:
                        if not from_template:
                            self._save_template()
                        return self
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise TimeoutError(f"label-studio did not answer /health within {timeout:.0f} s; see {self.log_path}")

    def _restore_template(self) -> bool:
        t = self.template
        if t is None or not (t / "creds.json").exists() or not (t / "ls-data" / "label_studio.sqlite3").exists():
            return False
        creds = json.loads((t / "creds.json").read_text(encoding="utf-8"))
        self.username, self.password, self.token = creds["username"], creds["password"], creds["token"]
        shutil.copytree(t / "ls-data", self.data_dir / "ls-data", dirs_exist_ok=True)
        return True

    def _save_template(self) -> None:
        t = self.template
        if t is None or t.exists():
            return
        tmp: Path | None = None
        try:
            tmp = Path(tempfile.mkdtemp(prefix=t.name + ".", dir=t.parent))
            (tmp / "ls-data").mkdir()
            src = self.data_dir / "ls-data"
            if (src / ".env").exists():
                shutil.copy2(src / ".env", tmp / "ls-data" / ".env")
            # a consistent copy of a database the server has open
            with sqlite3.connect(src / "label_studio.sqlite3") as a, \
                    sqlite3.connect(tmp / "ls-data" / "label_studio.sqlite3") as b:
                a.backup(b)
            (tmp / "creds.json").write_text(json.dumps(
                {"username": self.username, "password": self.password, "token": self.token}), encoding="utf-8")
            tmp.rename(t)  # atomic; loses the race quietly when another session saved one first
        except (OSError, sqlite3.Error):
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        # its own process group (start_new_session): the server and the workers it forked, nothing else
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc = None

    def __enter__(self) -> LocalLabelStudio:
        return self.start() if self.proc is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()
