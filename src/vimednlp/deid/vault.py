"""Keys and the pseudonym vault.

`Keyring` stretches the user's secret once with scrypt (see `keys.py`: key policy, parameters)
and turns the result into purpose-bound sub-keys (HMAC-SHA256): one for hashes, one for surrogate
seeds, one for the per-patient date offset, one for reversible encryption (AES-SIV, deterministic
so the same value always gives the same token). The key itself is never stored.

`Vault` is a SQLite file (mode 0600) that keeps surrogates stable across runs and machines: it maps
a keyed hash of (patient scope, label, value) to the surrogate, and, for authorised
re-identification, the original encrypted with the key. Everything in it is keyed by the vault's
own scrypt derivation (a random salt stored in the file with the scrypt parameters and a
verifier), so testing a guessed key against a vault costs a full scrypt per guess and per vault.
It never holds an identifier in clear, nor a patient id. Several worker processes may share one
vault (WAL mode, retries).
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

from .keys import ENGINE_KDF, KEY_ENV, DeidKeyError, KdfParams, check_key, derive_root, load_key

SCHEMA_VERSION = "2"
_VERIFIER_MSG = b"vimednlp-vault-verifier-v2"


class Keyring:
    """Purpose-bound sub-keys derived from one secret; `ephemeral` when no key was given.

    The secret is checked (`keys.check_key`) and stretched with scrypt once (cached per process);
    pass `params` for another salt (a vault's), `check=False` only for a key already checked.
    """

    def __init__(self, key: str | bytes | None = None, *, params: KdfParams | None = None, check: bool = True):
        self.ephemeral = key is None
        if key is None:  # 256 random bits: nothing to guess, so no stretching
            raw = secrets.token_bytes(32)
            self._root = hmac.new(b"vimednlp-deid-ephemeral", raw, hashlib.sha256).digest()
        else:
            raw = key.encode("utf-8") if isinstance(key, str) else bytes(key)
            if not raw.strip():
                raise DeidKeyError("the de-identification key is empty")
            if check:
                check_key(raw)
            self._root = derive_root(raw, params or ENGINE_KDF)
        self.params = None if key is None else (params or ENGINE_KDF)
        self._raw: bytes | None = raw  # only to derive a vault's own salted keys; never pickled
        self._sub: dict[str, bytes] = {}
        self._aead = None

    def sub(self, purpose: str) -> bytes:
        k = self._sub.get(purpose)
        if k is None:
            k = self._sub[purpose] = hmac.new(self._root, purpose.encode(), hashlib.sha256).digest()
        return k

    def digest(self, purpose: str, *parts: str) -> bytes:
        msg = "\x1f".join(parts).encode("utf-8", "surrogatepass")
        return hmac.new(self.sub(purpose), msg, hashlib.sha256).digest()

    def hexdigest(self, purpose: str, *parts: str, length: int = 64) -> str:
        return self.digest(purpose, *parts).hex()[:length]

    @property
    def fingerprint(self) -> str:
        """Tells two keyrings apart in memory (behind scrypt like every sub-key; never stored)."""
        return self.hexdigest("fingerprint", "check", length=32)

    def salted(self, params: KdfParams) -> Keyring:
        """The keyring of the same secret under other scrypt parameters (a vault's salt)."""
        if self._raw is None or self.ephemeral:
            raise DeidKeyError("open the vault where the key is given (this keyring was copied without its key)")
        return Keyring(self._raw, params=params, check=False)

    def __getstate__(self):  # picklable for worker processes (the cipher object is rebuilt there)
        return {"ephemeral": self.ephemeral, "params": self.params, "_root": self._root, "_raw": None,
                "_sub": {}, "_aead": None}

    def __setstate__(self, state):
        self.__dict__.update(state)

    def _cipher(self):
        if self._aead is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESSIV

            self._aead = AESSIV(self.sub("encrypt-1") + self.sub("encrypt-2"))  # AES-256-SIV
        return self._aead

    def encrypt(self, plaintext: str, associated: str = "") -> str:
        """Deterministic authenticated encryption, URL-safe base64 without padding."""
        # surrogatepass: text read with errors="surrogateescape" (or a broken UTF-16 source) holds lone surrogates,
        # which a span may include; they round-trip through the token instead of crashing the operator
        ct = self._cipher().encrypt(plaintext.encode("utf-8", "surrogatepass"),
                                    [associated.encode("utf-8", "surrogatepass")])
        return base64.urlsafe_b64encode(ct).decode("ascii").rstrip("=")

    def decrypt(self, token: str, associated: str = "") -> str:
        from cryptography.exceptions import InvalidTag

        try:
            ct = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            plain = self._cipher().decrypt(ct, [associated.encode("utf-8", "surrogatepass")])
            return plain.decode("utf-8", "surrogatepass")
        except (InvalidTag, ValueError) as e:
            raise DeidKeyError("cannot decrypt a token: wrong key or damaged token") from e


def surrogate_norm(s: str) -> str:
    """How surrogates are compared for collisions (case- and space-insensitive)."""
    return " ".join(s.lower().split())


class Vault:
    """SQLite pseudonym store: keyed hash -> surrogate (+ the original encrypted with the key).

    >>> v = Vault("pseudonyms.sqlite", key=open("deid.key").read().strip())   # doctest: +SKIP
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
        self._create_private()
        self._local = threading.local()
        self._vkr: Keyring | None = None  # the vault's own keyring (its salt), set by _init
        self._init()

    def _create_private(self) -> None:
        """Create the file owner-only (0600) before SQLite does; tighten an existing one we own."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        except FileExistsError:
            st = self.path.stat()
            if st.st_mode & 0o077 and st.st_uid == os.getuid():
                os.chmod(self.path, 0o600)
        # SQLite gives the -wal and -shm files the mode of the database file

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
        try:
            tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as e:
            raise DeidKeyError(f"{self.path} is not a vimednlp vault (not a SQLite file)") from e
        meta = dict(c.execute("SELECT k, v FROM meta").fetchall()) if "meta" in tables else {}
        if "key_fingerprint" in meta or meta.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
            raise DeidKeyError(
                f"vault {self.path} was made by an older vimednlp (format {meta.get('schema_version', '1')}, with an "
                "unstretched key check that lets a key be guessed quickly); it cannot be opened. Make a new vault: "
                "give another --vault path and rerun de-identification with a strong key (`vimednlp keygen`). "
                "Keep the old file only as long as you need to re-identify earlier outputs with the vimednlp "
                "version that made it, then delete it")
        if tables and "meta" not in tables:
            raise DeidKeyError(f"{self.path} is not a vimednlp vault (no meta table)")
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
        if "kdf_salt" not in meta:  # a new vault: its own random salt, the parameters, a verifier
            params = KdfParams.random_salt()
            vkr = self.keyring.salted(params)
            rows = [("schema_version", SCHEMA_VERSION), ("kdf", "scrypt"), ("kdf_n", str(params.n)),
                    ("kdf_r", str(params.r)), ("kdf_p", str(params.p)),
                    ("kdf_salt", base64.b64encode(params.salt).decode("ascii")), ("verifier", self._verifier(vkr))]
            c.execute("BEGIN IMMEDIATE")
            try:
                if c.execute("SELECT 1 FROM meta WHERE k='kdf_salt'").fetchone() is None:  # another process won?
                    c.executemany("INSERT INTO meta VALUES (?, ?)", rows)
                c.execute("COMMIT")
            except BaseException:
                c.execute("ROLLBACK")
                raise
            meta = dict(c.execute("SELECT k, v FROM meta").fetchall())
        try:
            if meta.get("kdf") != "scrypt":
                raise ValueError(meta.get("kdf"))
            params = KdfParams(int(meta["kdf_n"]), int(meta["kdf_r"]), int(meta["kdf_p"]),
                               base64.b64decode(meta["kdf_salt"]))
        except (KeyError, ValueError) as e:
            raise DeidKeyError(f"vault {self.path}: damaged key-derivation settings ({type(e).__name__})") from None
        vkr = self.keyring.salted(params)
        if not hmac.compare_digest(self._verifier(vkr), meta.get("verifier", "")):
            raise DeidKeyError(f"vault {self.path} was made with a different key")
        self._vkr = vkr

    @staticmethod
    def _verifier(vkr: Keyring) -> str:
        return hmac.new(vkr.sub("verifier"), _VERIFIER_MSG, hashlib.sha256).hexdigest()

    # stored keys: the caller's keyed hashes (from the engine's key) re-keyed under the vault's salt
    def _scope(self, scope: str) -> str:
        return self._vkr.hexdigest("scope", scope, length=32)

    def _value(self, scope: str, label: str, value_hash: str) -> str:
        return self._vkr.hexdigest("value", scope, label, value_hash, length=40)

    def _token(self, token: str) -> str:
        return self._vkr.hexdigest("token", token, length=40)

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
            (self._scope(scope), label, self._value(scope, label, value_hash))).fetchone())
        return row[0] if row else None

    def taken(self, scope: str, label: str, surrogate: str) -> bool:
        """Is this surrogate already given to another (non-alias) value in the scope?"""
        row = self._retry(lambda: self.conn.execute(
            "SELECT 1 FROM pseudonyms WHERE scope=? AND label=? AND surrogate_norm=? AND alias=0 LIMIT 1",
            (self._scope(scope), label, surrogate_norm(surrogate))).fetchone())
        return row is not None

    def put(self, scope: str, label: str, value_hash: str, surrogate: str, original: str | None,
            alias: bool = False) -> str:
        """Store a mapping unless one exists; returns the surrogate that is stored (first writer wins)."""
        enc = self._vkr.encrypt(original, label) if (original is not None and self.store_originals) else None
        self._retry(lambda: self.conn.execute(
            "INSERT OR IGNORE INTO pseudonyms VALUES (?,?,?,?,?,?,?,?)",
            (self._scope(scope), label, self._value(scope, label, value_hash), surrogate, surrogate_norm(surrogate),
             int(alias), enc, time.time())))
        return self.get(scope, label, value_hash) or surrogate

    def put_token(self, token: str, label: str, original: str) -> None:
        enc = self._vkr.encrypt(original, label) if self.store_originals else None
        self._retry(lambda: self.conn.execute(
            "INSERT OR IGNORE INTO tokens VALUES (?,?,?,?)", (self._token(token), label, enc, time.time())))

    # --- re-identification (needs the key) -------------------------------------------------------
    def original_of_token(self, token: str) -> str | None:
        row = self.conn.execute("SELECT label, original_enc FROM tokens WHERE token=?", (self._token(token),)).fetchone()
        if not row or row[1] is None:
            return None
        return self._vkr.decrypt(row[1], row[0])

    def surrogates(self, scope: str | None = None) -> list[tuple[str, str, str]]:
        """(label, surrogate, original) for every stored non-alias pseudonym (of one scope if given)."""
        q = "SELECT label, surrogate, original_enc FROM pseudonyms WHERE alias=0 AND original_enc IS NOT NULL"
        args: tuple = ()
        if scope is not None:
            q += " AND scope=?"
            args = (self._scope(scope),)
        return [(lab, sur, self._vkr.decrypt(enc, lab)) for lab, sur, enc in self.conn.execute(q, args)]

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

    def __getstate__(self):  # picklable for worker processes: reopen there (the derived keys travel)
        return {"path": self.path, "store_originals": self.store_originals, "keyring": self.keyring, "vkr": self._vkr}

    def __setstate__(self, state):
        self.path, self.store_originals, self.keyring = state["path"], state["store_originals"], state["keyring"]
        self._vkr = state["vkr"]
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"Vault({str(self.path)!r})"


__all__ = ["KEY_ENV", "DeidKeyError", "Keyring", "Vault", "check_key", "load_key", "surrogate_norm"]
