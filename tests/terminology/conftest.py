"""Fixtures: code-system stores built once per session in scratch caches (no network)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import shared_path

DATA = Path(__file__).parent / "data"
GNUHEALTH_TSV = ("terminology", "icd10_vi_gnuhealth", "icd10_vi_gnuhealth_5.0.4.tsv")


def _use_cache(path: Path) -> None:
    os.environ["VIMEDNLP_CACHE"] = str(path)


@pytest.fixture(scope="session")
def _vi_cache_dir(tmp_path_factory):
    """A store with Vietnamese titles from the shared GNU Health TSV (skips without VIMEDNLP_SHARED)."""
    tsv = shared_path(*GNUHEALTH_TSV)
    d = tmp_path_factory.mktemp("cache-vi")
    old = os.environ.get("VIMEDNLP_CACHE")
    _use_cache(d)
    try:
        from vimednlp.terminology import build, get_index

        build("tsv", tsv)
        get_index("icd10")  # built once here, reused by every test of the session
    finally:
        if old is not None:
            _use_cache(Path(old))
    return d


@pytest.fixture
def vi_cache(_vi_cache_dir, monkeypatch):
    monkeypatch.setenv("VIMEDNLP_CACHE", str(_vi_cache_dir))
    return _vi_cache_dir


@pytest.fixture(scope="session")
def _en_cache_dir(tmp_path_factory):
    """A fresh install: English base only, no Vietnamese titles."""
    return tmp_path_factory.mktemp("cache-en")


@pytest.fixture
def en_cache(_en_cache_dir, monkeypatch):
    monkeypatch.setenv("VIMEDNLP_CACHE", str(_en_cache_dir))
    return _en_cache_dir


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VIMEDNLP_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"
