"""Start a local Label Studio server (for tests, demos and simulations): own venv, scratch data, known user.

Label Studio's pins clash with ours, so it lives in its own virtual environment: `$VIMEDNLP_LS_BIN`
names its `label-studio` executable, else `ensure_label_studio()` installs it into a cached venv.
The server listens on 127.0.0.1 only, makes no network calls, and is stopped by its own PID.
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
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

    def start(self, timeout: float = 240) -> "LocalLabelStudio":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        self.log_path = self.data_dir / "server.log"
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
                        return self
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise TimeoutError(f"label-studio did not answer /health within {timeout:.0f} s; see {self.log_path}")

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

    def __enter__(self) -> "LocalLabelStudio":
        return self.start() if self.proc is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()
