"""Keys and the pseudonym vault.

`Keyring` turns the user's secret into purpose-bound sub-keys (HMAC-SHA256): one for hashes, one
for surrogate seeds, one for the per-patient date offset, one for reversible encryption (AES-SIV,
deterministic so the same value always gives the same token). The key itself is never stored.

`Vault` is a SQLite file that keeps surrogates stable across runs and machines: it maps a keyed
hash of (patient scope, label, value) to the surrogate, and, for authorised re-identification,
the original encrypted with the key. It never holds an identifier in clear, nor a patient id
(scopes are keyed hashes too). Several worker processes may share one vault (WAL mode, retries).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import sqlite3
import threading
import time
from pathlib import Path

SCHEMA_VERSION = "1"
KEY_ENV = "VIMEDNLP_DEID_KEY"


class DeidKeyError(ValueError):
    """A missing, empty or wrong key (a vault made with another key)."""


def load_key(key: str | bytes | None = None, key_file: str | os.PathLike | None = None,
             env: str = KEY_ENV) -> bytes | None:
    """The key from an argument, a file (first line) or the environment variable, in that order."""
    if key is not None:
        raw = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    elif key_file is not None:
        p = Path(key_file)
        if not p.is_file():
            raise DeidKeyError(f"key file {p} does not exist")
        raw = p.read_bytes().strip()
    elif os.environ.get(env):
        raw = os.environ[env].encode("utf-8")
    else:
        return None
    if not raw:
        raise DeidKeyError("the de-identification key is empty")
    return raw


class Keyring:
    """Purpose-bound sub-keys derived from one secret; `ephemeral` when no key was given."""

    def __init__(self, key: str | bytes | None = None):
        self.ephemeral = key is None
        raw = secrets.token_bytes(32) if key is None else (key.encode("utf-8") if isinstance(key, str) else bytes(key))
        if not raw:
            raise DeidKeyError("the de-identification key is empty")
        self._root = hmac.new(b"vimednlp-deid-v1", raw, hashlib.sha256).digest()
        self._sub: dict[str, bytes] = {}
        self._aead = None

    def sub(self, purpose: str) -> bytes:
        k = self._sub.get(purpose)
        if k is None:
            k = self._sub[purpose] = hmac.new(self._root, purpose.encode(), hashlib.sha256).digest()
        return k

    def digest(self, purpose: str, *parts: str) -> bytes:
        msg = "\x1f".join(parts).encode("utf-8")
        return hmac.new(self.sub(purpose), msg, hashlib.sha256).digest()

    def hexdigest(self, purpose: str, *parts: str, length: int = 64) -> str:
        return self.digest(purpose, *parts).hex()[:length]

    @property
    def fingerprint(self) -> str:
        """Identifies the key (not reversible): stored in a vault to refuse a different key."""
        return self.hexdigest("fingerprint", "check", length=16)

    def __getstate__(self):  # picklable for worker processes (the cipher object is rebuilt there)
        return {"ephemeral": self.ephemeral, "_root": self._root, "_sub": {}, "_aead": None}

    def __setstate__(self, state):
        self.__dict__.update(state)

    def _cipher(self):
        if self._aead is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESSIV

            self._aead = AESSIV(self.sub("encrypt-1") + self.sub("encrypt-2"))  # AES-256-SIV
        return self._aead

    def encrypt(self, plaintext: str, associated: str = "") -> str:
        """Deterministic authenticated encryption, URL-safe base64 without padding."""
        ct = self._cipher().encrypt(plaintext.encode("utf-8"), [associated.encode("utf-8")])
        return base64.urlsafe_b64encode(ct).decode("ascii").rstrip("=")

    def decrypt(self, token: str, associated: str = "") -> str:
        from cryptography.exceptions import InvalidTag

        try:
            ct = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            return self._cipher().decrypt(ct, [associated.encode("utf-8")]).decode("utf-8")
        except (InvalidTag, ValueError) as e:
            raise DeidKeyError("cannot decrypt a token: wrong key or damaged token") from e


def surrogate_norm(s: str) -> str:
    """How surrogates are compared for collisions (case- and space-insensitive)."""
    return " ".join(s.lower().split())


class Vault:
    """SQLite pseudonym store: keyed hash -> surrogate (+ the original encrypted with the key).

    >>> v = Vault("pseudonyms.sqlite", key="secret")       # doctest: +SKIP
    """

    def __init__(self, path: str | os.PathLike, key: str | bytes | Keyring | None = None,
                 store_originals: bool = True):
        self.path = Path(path)
        self.store_originals = store_originals
        self.keyring = key if isinstance(key, Keyring) else (Keyring(key) if key is not None else None)
        if self.keyring is None or self.keyring.ephemeral:
            raise DeidKeyError("a vault needs a key (pass key=..., --key-file or $" + KEY_ENV + ")")
        if self.path.parent and not self.path.parent.exists():
            raise FileNotFoundError(f"vault folder {self.path.parent} does not exist")
        self._local = threading.local()
        self._init()

    # one connection per thread / process (sqlite3 connections are not shareable across forks)
    @property
    def conn(self) -> sqlite3.Connection:
        c = getattr(self._local, "conn", None)
        if c is None or getattr(self._local, "pid", None) != os.getpid():
            c = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            c.execute("PRAGMA journal_mode=WAL")
            c.execute("PRAGMA synchronous=NORMAL")
            self._local.conn, self._local.pid = c, os.getpid()
        return c

    def _init(self) -> None:
        c = self.conn
        c.executescript("""
            CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS pseudonyms (
                scope TEXT NOT NULL, label TEXT NOT NULL, value_hash TEXT NOT NULL,
                surrogate TEXT NOT NULL, surrogate_norm TEXT NOT NULL, alias INTEGER NOT NULL DEFAULT 0,
                original_enc TEXT, created REAL NOT NULL,
                PRIMARY KEY (scope, label, value_hash));
            CREATE INDEX IF NOT EXISTS pseudonyms_sur ON pseudonyms (scope, label, surrogate_norm);
            CREATE TABLE IF NOT EXISTS tokens (
                token TEXT PRIMARY KEY, label TEXT NOT NULL, original_enc TEXT, created REAL NOT NULL);
        """)
        fp = self.keyring.fingerprint
        row = c.execute("SELECT v FROM meta WHERE k='key_fingerprint'").fetchone()
        if row is None:
            c.execute("INSERT OR IGNORE INTO meta VALUES ('key_fingerprint', ?)", (fp,))
            c.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        elif row[0] != fp:
            raise DeidKeyError(f"vault {self.path} was made with a different key")

    def _retry(self, fn):
        for i in range(20):
            try:
                return fn()
            except sqlite3.OperationalError as e:  # "database is locked" under many writers
                if "locked" not in str(e) or i == 19:
                    raise
                time.sleep(0.05 * (i + 1))

    # --- pseudonyms ---------------------------------------------------------------------------
    def get(self, scope: str, label: str, value_hash: str) -> str | None:
        row = self._retry(lambda: self.conn.execute(
            "SELECT surrogate FROM pseudonyms WHERE scope=? AND label=? AND value_hash=?",
            (scope, label, value_hash)).fetchone())
        return row[0] if row else None

    def taken(self, scope: str, label: str, surrogate: str) -> bool:
        """Is this surrogate already given to another (non-alias) value in the scope?"""
        row = self._retry(lambda: self.conn.execute(
            "SELECT 1 FROM pseudonyms WHERE scope=? AND label=? AND surrogate_norm=? AND alias=0 LIMIT 1",
            (scope, label, surrogate_norm(surrogate))).fetchone())
        return row is not None

    def put(self, scope: str, label: str, value_hash: str, surrogate: str, original: str | None,
            alias: bool = False) -> str:
        """Store a mapping unless one exists; returns the surrogate that is stored (first writer wins)."""
        enc = self.keyring.encrypt(original, label) if (original is not None and self.store_originals) else None
        self._retry(lambda: self.conn.execute(
            "INSERT OR IGNORE INTO pseudonyms VALUES (?,?,?,?,?,?,?,?)",
            (scope, label, value_hash, surrogate, surrogate_norm(surrogate), int(alias), enc, time.time())))
        return self.get(scope, label, value_hash) or surrogate

    def put_token(self, token: str, label: str, original: str) -> None:
        enc = self.keyring.encrypt(original, label) if self.store_originals else None
        self._retry(lambda: self.conn.execute(
            "INSERT OR IGNORE INTO tokens VALUES (?,?,?,?)", (token, label, enc, time.time())))

    # --- re-identification (needs the key) -------------------------------------------------------
    def original_of_token(self, token: str) -> str | None:
        row = self.conn.execute("SELECT label, original_enc FROM tokens WHERE token=?", (token,)).fetchone()
        if not row or row[1] is None:
            return None
        return self.keyring.decrypt(row[1], row[0])

    def surrogates(self, scope: str | None = None) -> list[tuple[str, str, str]]:
        """(label, surrogate, original) for every stored non-alias pseudonym (of one scope if given)."""
        q = "SELECT label, surrogate, original_enc FROM pseudonyms WHERE alias=0 AND original_enc IS NOT NULL"
        args: tuple = ()
        if scope is not None:
            q += " AND scope=?"
            args = (scope,)
        return [(lab, sur, self.keyring.decrypt(enc, lab)) for lab, sur, enc in self.conn.execute(q, args)]

    def stats(self) -> dict[str, int]:
        c = self.conn
        return {
            "pseudonyms": c.execute("SELECT COUNT(*) FROM pseudonyms WHERE alias=0").fetchone()[0],
            "aliases": c.execute("SELECT COUNT(*) FROM pseudonyms WHERE alias=1").fetchone()[0],
            "tokens": c.execute("SELECT COUNT(*) FROM tokens").fetchone()[0],
        }

    def close(self) -> None:
        c = getattr(self._local, "conn", None)
        if c is not None:
            c.close()
            self._local.conn = None

    def __getstate__(self):  # picklable for worker processes: reopen there
        return {"path": self.path, "store_originals": self.store_originals, "keyring": self.keyring}

    def __setstate__(self, state):
        self.path, self.store_originals, self.keyring = state["path"], state["store_originals"], state["keyring"]
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"Vault({str(self.path)!r})"
