"""Fixtures shared by the de-identification tests."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer


@pytest.fixture(scope="module")
def rules():
    """The recognizers alone, without the statistical tagger: what a rule fix changes."""
    return Analyzer(model=None)
