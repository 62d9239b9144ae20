"""A real Label Studio server for the annotation tests (session-scoped, started once, stopped by PID).

The executable comes from $VIMEDNLP_LS_BIN (CI installs label-studio into its own venv and sets it),
else it is installed into a cached venv (/tmp/vimednlp-lsvenv, reused when present). The server runs
on 127.0.0.1, on a free port, with a scratch data folder, a known user and a legacy API token; the
migrated database of the first start is kept in /tmp (per label-studio version) so later starts take
seconds instead of minutes.
Without a server the tests skip, unless VIMEDNLP_REQUIRE_LS=1 (CI), where they fail.
"""
from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def ls_server(tmp_path_factory):
    from vimednlp.annotation.server import LocalLabelStudio, default_template_dir, ensure_label_studio

    required = os.environ.get("VIMEDNLP_REQUIRE_LS") == "1"
    try:
        exe = ensure_label_studio()
    except Exception as e:  # install failed (no network, no space ...)
        if required:
            pytest.fail(f"VIMEDNLP_REQUIRE_LS=1 but label-studio could not be installed: {e}")
        pytest.skip(f"label-studio could not be installed, and VIMEDNLP_REQUIRE_LS is unset: {e}")
    server = LocalLabelStudio(exe=exe, data_dir=tmp_path_factory.mktemp("labelstudio"),
                              template=default_template_dir(exe))
    try:
        server.start()
    except Exception as e:
        server.stop()
        pytest.fail(f"label-studio is installed ({exe}) but did not start: {e}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def ls_client(ls_server):
    from vimednlp.annotation.client import LabelStudioClient

    return LabelStudioClient(ls_server.url, ls_server.token)
