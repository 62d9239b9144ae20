"""De-identification keys: where they come from, which ones are refused, how they are stretched.

A key drives every keyed output (hash tokens, surrogate seeds, date offsets, encryption, the
vault). Anything released with a keyed output lets an attacker test guesses of the key offline,
so a key is (1) checked against a policy: at least 16 characters and not built only from common
passwords, years and keyboard runs; and (2) stretched once per engine with scrypt, a memory-hard
function, so every guess costs tens of megabytes and a noticeable fraction of a second.

Without a vault, outputs must be a pure function of the key (same key -> same hashes and
surrogates on any machine), so the engine's derivation uses a fixed, published salt. A vault
draws its own random salt and stores it with the scrypt parameters and a verifier, never the key
nor a fast fingerprint of it. `vimednlp keygen KEYFILE` writes a random 256-bit key (mode 0600).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import click

KEY_ENV = "VIMEDNLP_DEID_KEY"
MIN_KEY_CHARS = 16
# OWASP's scrypt setting for 32 MiB of memory (N=2^15, r=8, p=3); a derivation takes 0.2-0.8 s.
KDF_N, KDF_R, KDF_P = 2 ** 15, 8, 3
KDF_DKLEN = 32
# The engine's salt is a constant on purpose: outputs without a vault must depend on the key alone.
ENGINE_SALT = b"vimednlp-deid-kdf-v2"


class DeidKeyError(ValueError):
    """A missing, empty, weak or wrong key (a vault made with another key)."""


@dataclass(frozen=True)
class KdfParams:
    """scrypt parameters and salt (stored in a vault so it can be opened again)."""

    n: int = KDF_N
    r: int = KDF_R
    p: int = KDF_P
    salt: bytes = ENGINE_SALT

    def __post_init__(self):
        if self.n < 2 or self.n & (self.n - 1) or self.r < 1 or self.p < 1 or not self.salt:
            raise DeidKeyError("bad key-derivation parameters (scrypt n must be a power of 2, r, p >= 1, salt set)")

    @classmethod
    def random_salt(cls) -> KdfParams:
        return cls(salt=secrets.token_bytes(16))


ENGINE_KDF = KdfParams()

# Derived roots by (process-secret HMAC of key, parameters): a key is stretched once per process,
# however many engines use it; the raw key itself is not kept here.
_CACHE: OrderedDict[bytes, bytes] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_PROCESS_SECRET = secrets.token_bytes(32)


def derive_root(raw: bytes, params: KdfParams = ENGINE_KDF) -> bytes:
    """The 32-byte root key: scrypt(raw key, salt, n, r, p)."""
    ck = hmac.new(_PROCESS_SECRET, b"%d|%d|%d|" % (params.n, params.r, params.p) + params.salt + b"|" + raw,
                  hashlib.sha256).digest()
    with _CACHE_LOCK:
        hit = _CACHE.get(ck)
        if hit is not None:
            _CACHE.move_to_end(ck)
            return hit
    root = hashlib.scrypt(raw, salt=params.salt, n=params.n, r=params.r, p=params.p,
                          maxmem=256 * params.n * params.r * params.p + (64 << 20), dklen=KDF_DKLEN)
    with _CACHE_LOCK:
        _CACHE[ck] = root
        while len(_CACHE) > 32:
            _CACHE.popitem(last=False)
    return root


# --- key policy ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Guessable:
    words: frozenset
    max_len: int


def _guessable() -> _Guessable:
    global _GUESSABLE
    if _GUESSABLE is None:
        from ..paths import resource_path

        p = resource_path("deid_keys", "common_passwords.txt")
        words = {w.strip() for w in p.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}
        _GUESSABLE = _Guessable(frozenset(words), max(map(len, words)))
    return _GUESSABLE


_GUESSABLE: _Guessable | None = None
_RUNS = ("01234567890123456789", "98765432109876543210", "abcdefghijklmnopqrstuvwxyz",
         "zyxwvutsrqponmlkjihgfedcba", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _normal(text: str) -> str:
    from ..text.fold import fold_lower

    return "".join(c for c in fold_lower(unicodedata.normalize("NFC", text)) if c.isalnum())


def _only_guessable(s: str) -> bool:
    """Can `s` be cut into common passwords, years, runs (`1234`, `abcd`, `aaaa`) and repeats?"""
    g = _guessable()
    n = len(s)
    ok = [False] * (n + 1)
    ok[0] = True
    for i in range(n):
        if not ok[i]:
            continue
        for j in range(i + 1, min(n, i + max(g.max_len, 40)) + 1):
            piece = s[i:j]
            if (piece in g.words or (j - i == 4 and _YEAR.fullmatch(piece))
                    or (j - i >= 3 and (len(set(piece)) == 1 or any(piece in r for r in _RUNS)))
                    or (j - i >= 3 and piece in s[:i])):  # a repeat of what came before
                ok[j] = True
    return ok[n]


def key_problem(key: str | bytes) -> str | None:
    """Why a key is refused (never quoting it), or None when it passes the policy."""
    if isinstance(key, bytes):
        try:
            text = key.decode("utf-8")
        except UnicodeDecodeError:
            text = key.decode("latin-1")
    else:
        text = key
    text = text.strip()
    if len(text) < MIN_KEY_CHARS:
        return f"it has {len(text)} character{'s' if len(text) != 1 else ''}; at least {MIN_KEY_CHARS} are needed"
    s = _normal(text)
    if len(s) < 8:
        return "it has fewer than 8 letters and digits"
    if s in _guessable().words:
        return "it is a common password"
    if len(s) <= 256 and _only_guessable(s):  # a longer key is in no dictionary (and the check is quadratic)
        return "it is made only of common passwords, years, keyboard or digit runs and repeats"
    return None


def check_key(key: str | bytes) -> None:
    """Raise `DeidKeyError` for a key that an attacker could guess (see `key_problem`)."""
    why = key_problem(key)
    if why is not None:
        raise DeidKeyError(f"the de-identification key is too weak: {why}. Make a random one with "
                           "`vimednlp keygen KEYFILE` and pass it with --key-file (or key=open(KEYFILE).read().strip())")


def load_key(key: str | bytes | None = None, key_file: str | os.PathLike | None = None,
             env: str = KEY_ENV) -> bytes | None:
    """The key from an argument, a file (first line) or the environment variable, in that order."""
    if key is not None:
        raw = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    elif key_file is not None:
        p = Path(key_file)
        if not p.is_file():
            raise DeidKeyError(f"key file {p} does not exist")
        lines = p.read_bytes().splitlines()
        raw = lines[0].strip() if lines else b""
    elif os.environ.get(env):
        raw = os.environ[env].encode("utf-8")
    else:
        return None
    if not raw:
        raise DeidKeyError("the de-identification key is empty")
    return raw


# --- keygen -----------------------------------------------------------------------------------------
def generate_key() -> str:
    """A random key: 32 bytes (256 bits) as URL-safe base64, 43 characters."""
    return secrets.token_urlsafe(32)


def write_key_file(path: str | os.PathLike, force: bool = False) -> Path:
    """Write a new random key to `path`, readable by its owner only (mode 0600)."""
    p = Path(path)
    if p.is_dir():
        raise DeidKeyError(f"{p} is a folder; give a file name for the key")
    if p.exists() and not force:
        raise DeidKeyError(f"{p} exists; refusing to overwrite a key (data made with it could no longer be "
                           "linked or re-identified). Use --force to replace it")
    if p.parent and not p.parent.exists():
        raise DeidKeyError(f"folder {p.parent} does not exist")
    tmp = p.with_name(p.name + f".tmp{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(generate_key() + "\n")
        os.chmod(tmp, 0o600)  # whatever the umask
        os.replace(tmp, p)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return p


@click.command("keygen", context_settings={"help_option_names": ["-h", "--help"]}, epilog="""\b
Examples:
  vimednlp keygen deid.key                 # then: vimednlp deid ... --key-file deid.key
  vimednlp keygen -                        # print a key (to paste into a secret store)
\b
Keep the key file out of the repository and away from the released data; anyone holding it
(and the vault) can re-identify. Losing it means outputs can no longer be linked or reversed.""")
@click.argument("out")
@click.option("--force", is_flag=True, help="Replace an existing key file.")
def keygen(out: str, force: bool) -> None:
    """Write a random de-identification key (256 bits) to OUT with mode 0600 (`-` prints it)."""
    if out == "-":
        click.echo(generate_key())
        return
    try:
        p = write_key_file(out, force=force)
    except DeidKeyError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"wrote a new key to {p} (mode 0600)", err=True)


__all__ = [
    "ENGINE_KDF",
    "KEY_ENV",
    "MIN_KEY_CHARS",
    "DeidKeyError",
    "KdfParams",
    "check_key",
    "derive_root",
    "generate_key",
    "key_problem",
    "keygen",
    "load_key",
    "write_key_file",
]
