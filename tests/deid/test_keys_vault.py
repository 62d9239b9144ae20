"""Keys and the vault: weak keys refused, keys stretched with scrypt once per engine, vaults that
store a salt and a verifier (never a fast fingerprint), owner-only files, `vimednlp keygen`."""
from __future__ import annotations

import base64
import hashlib
import os
import re
import sqlite3
import stat

import pytest
from click.testing import CliRunner

from vimednlp.cli import cli as main
from vimednlp.deid import Deidentifier, Vault, deidentify, reidentify
from vimednlp.deid import keys as keys_mod
from vimednlp.deid.keys import DeidKeyError, key_problem, load_key
from vimednlp.deid.vault import Keyring
from vimednlp.schema import Span

KEY = "khoa-thu-nghiem-vault-2024"
NOTE = "Bệnh nhân Nguyễn Văn An, SĐT 0912 345 678, ở xã Hòa Bình."
SPANS = [Span(10, 23, "NAME"), Span(29, 41, "PHONE"), Span(46, 57, "LOCATION")]


@pytest.mark.parametrize("weak", [
    "a", "secret", "benhvien2024", "khoa-bi-mat",                          # under 16 characters
    "passwordpassword", "1234567890123456", "qwertyuiopasdfgh",            # common, runs
    "benhvien2024benhvien2024", "matkhau2024matkhau", "Mật khẩu 2024 mật khẩu",  # words, years, repeats
    "correct horse battery staple", "aaaaaaaaaaaaaaaaaaaa",
])
def test_weak_keys_are_refused_with_a_clear_message(weak):
    for make in (lambda: Keyring(weak), lambda: deidentify(NOTE, "hash", spans=SPANS, key=weak),
                 lambda: Deidentifier("surrogate", key=weak.encode("utf-8"))):
        with pytest.raises(DeidKeyError) as e:
            make()
        msg = str(e.value)
        assert "too weak" in msg and "vimednlp keygen" in msg
        assert len(weak) < 4 or weak.lower() not in msg.lower()  # the key is never quoted


@pytest.mark.parametrize("good", ["khoa-bi-mat-cua-benh-vien-2024", "Bệnh viện Bạch Mai, khoa Nội, 2024",
                                  "tX3-9qLm_2vBz8KpWd1s", "con mèo nhà tôi tên là Mướp vàng"])
def test_long_uncommon_keys_pass(good):
    assert key_problem(good) is None
    assert Keyring(good).hexdigest("hash", "x") != Keyring("khoa-bi-mat-khac-hoan-toan-99").hexdigest("hash", "x")


def test_a_key_is_stretched_with_scrypt_once_per_engine_not_per_token(monkeypatch):
    calls = []
    real = hashlib.scrypt

    def counting(*a, **kw):
        calls.append(kw)
        return real(*a, **kw)

    monkeypatch.setattr(keys_mod.hashlib, "scrypt", counting)
    monkeypatch.setattr(keys_mod, "_CACHE", type(keys_mod._CACHE)())
    key = "khoa-chi-dung-cho-phep-dem-2024"
    eng = Deidentifier("hash", key=key)
    texts = [f"Bệnh nhân Nguyễn Văn An{i}" for i in range(30)]
    tokens = {eng(t, spans=[Span(10, len(t), "NAME")]).text for t in texts}
    assert len(tokens) == 30 and len(calls) == 1
    kw = calls[0]
    assert (kw["n"], kw["r"], kw["p"]) == (keys_mod.KDF_N, keys_mod.KDF_R, keys_mod.KDF_P)
    assert kw["n"] * kw["r"] * 128 >= 16 << 20  # memory-hard: 16 MiB or more per guess
    # a released token is an HMAC under a sub-key of the stretched root, not of the key itself
    root = real(key.encode(), salt=keys_mod.ENGINE_SALT, n=kw["n"], r=kw["r"], p=kw["p"],
                maxmem=kw["maxmem"], dklen=32)
    assert Keyring(key)._root == root
    # a second engine with the same key in the same process does not pay again
    Deidentifier("hash", key=key)
    assert len(calls) == 1


def _meta(path) -> dict[str, str]:
    with sqlite3.connect(path) as c:
        return dict(c.execute("SELECT k, v FROM meta"))


def test_the_vault_stores_a_random_salt_and_a_verifier_never_a_fingerprint(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    deidentify(NOTE, "surrogate", spans=SPANS, key=KEY, vault=str(a), patient_id="P1")
    Vault(b, KEY).close()
    ma, mb = _meta(a), _meta(b)
    assert ma["kdf"] == "scrypt" and int(ma["kdf_n"]) >= 2 ** 14 and int(ma["kdf_r"]) >= 8 and int(ma["kdf_p"]) >= 1
    assert len(base64.b64decode(ma["kdf_salt"])) >= 16 and ma["kdf_salt"] != mb["kdf_salt"]  # random per vault
    assert ma["verifier"] != mb["verifier"]
    assert "key_fingerprint" not in ma
    fast = Keyring(KEY)  # what the engine derives: nothing in the vault may be checkable with it alone
    dump = "\n".join(sqlite3.connect(a).iterdump())
    for purpose in ("fingerprint", "scope", "value", "hash"):
        assert fast.hexdigest(purpose, "check", length=16) not in dump
    assert fast.hexdigest("scope", "P1", length=32) not in dump  # scopes re-keyed under the vault's salt
    assert "Nguyễn" not in dump and "0912" not in dump
    with pytest.raises(DeidKeyError, match="different key"):
        Vault(a, "mot-khoa-khac-hoan-toan-2024")
    # the right key still re-identifies
    res = deidentify(NOTE, "surrogate", spans=SPANS, key=KEY, vault=str(a), patient_id="P1")
    assert reidentify(res, KEY, vault=str(a)) == NOTE


def test_vault_files_are_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "v.sqlite"
        res = deidentify(NOTE, "hash", spans=SPANS, key=KEY, vault=str(path))
        assert res.text.count("_") >= 3
        for p in tmp_path.iterdir():  # the database and its -wal / -shm files
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name
        loose = tmp_path / "loose.sqlite"
        Vault(loose, KEY).close()
        os.chmod(loose, 0o644)
        Vault(loose, KEY).close()  # an existing world-readable vault is tightened
        assert stat.S_IMODE(loose.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_an_old_vault_gives_a_clear_error_saying_what_to_do(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as c:  # the format-1 vault: an unstretched 64-bit key fingerprint
        c.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
        c.execute("INSERT INTO meta VALUES ('key_fingerprint', '3f2a9c1b0d4e5f60'), ('schema_version', '1')")
        c.execute("CREATE TABLE pseudonyms (scope TEXT, label TEXT, value_hash TEXT, surrogate TEXT, "
                  "surrogate_norm TEXT, alias INTEGER, original_enc TEXT, created REAL)")
    with pytest.raises(DeidKeyError) as e:
        Vault(path, KEY)
    msg = str(e.value)
    assert "older vimednlp" in msg and "new vault" in msg and "keygen" in msg
    with pytest.raises(DeidKeyError, match="older vimednlp"):
        deidentify(NOTE, "surrogate", spans=SPANS, key=KEY, vault=str(path))


def test_keygen_writes_a_private_random_key_and_refuses_to_overwrite(tmp_path):
    out = tmp_path / "deid.key"
    r = CliRunner().invoke(main, ["keygen", str(out)])
    assert r.exit_code == 0, r.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    key = out.read_text().strip()
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", key) and key_problem(key) is None
    r = CliRunner().invoke(main, ["keygen", str(out)])
    assert r.exit_code != 0 and "exists" in r.output and out.read_text().strip() == key
    r = CliRunner().invoke(main, ["keygen", str(out), "--force"])
    assert r.exit_code == 0 and out.read_text().strip() != key
    printed = CliRunner().invoke(main, ["keygen", "-"])
    assert printed.exit_code == 0 and re.fullmatch(r"[A-Za-z0-9_-]{43}\n", printed.output)
    # the file works as a key, from Python and from the key-file reader
    raw = load_key(key_file=out)
    assert deidentify(NOTE, "encrypt", spans=SPANS, key=raw).text.count("[ENC:") == 3


def test_the_deid_command_refuses_a_weak_key_with_a_message(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(NOTE, encoding="utf-8")
    for extra in ([], ["--vault", str(tmp_path / "v.sqlite")]):
        r = CliRunner().invoke(main, ["deid", str(f), "--operator", "hash", "--key", "benhvien2024",
                                      "--model", "none", *extra])
        assert r.exit_code != 0
        assert "too weak" in r.output and "benhvien2024" not in r.output
        assert "Traceback" not in r.output


def test_hashed_file_names_do_not_allow_fast_key_guessing():
    import hmac

    from vimednlp.deid.batch import Namer

    name = "Nguyen_Van_An.txt"
    out = Namer(True, KEY.encode())(name)
    assert out == Namer(True, KEY)(name) and len(out) == 32
    # not an HMAC under the raw key: checking a guessed key needs the scrypt derivation first
    assert out != hmac.new(KEY.encode(), name.encode(), hashlib.sha256).hexdigest()[:32]
    assert out == hmac.new(Keyring(KEY).sub("names"), name.encode(), hashlib.sha256).hexdigest()[:32]


def test_encrypt_round_trips_a_name_holding_a_lone_surrogate():
    # text decoded with errors="surrogateescape" keeps undecodable bytes as lone surrogates; a span over them
    # must encrypt and decrypt back to the same string, not crash the operator
    name = "Nguyễn Văn B\udce1nh"
    ring = Keyring(KEY)
    token = ring.encrypt(name, "NAME")
    assert name not in token and ring.decrypt(token, "NAME") == name
    res = deidentify(f"Bệnh nhân {name}, 45 tuổi", "encrypt", spans=[Span(10, 10 + len(name), "NAME", name)], key=KEY)
    assert name not in res.text
