"""Suite `public`: the public corpora read as published (benchmarks/bench_public_corpora.py), CRF and spaCy
tagger F1 beside the published anchors. The corpora are the user's: their paths come from VIMEDNLP_VIMQ,
VIMEDNLP_VIMEDNER, VIMEDNLP_VIETMED (and VIMEDNLP_PHONER); with none set the suite is skipped with the reason
and writes no result (RESULTS.md keeps no stale section)."""
from __future__ import annotations

import os

from suites._script import render_scripts, run_scripts

TITLE = "Public corpora read as published: CRF and spaCy tagger beside the published anchors"
ENV = ("VIMEDNLP_VIMQ", "VIMEDNLP_VIMEDNER", "VIMEDNLP_VIETMED", "VIMEDNLP_PHONER")


def run(quick: bool = False, command: str = "") -> dict:
    given = [e for e in ENV if os.environ.get(e)]
    if not given:
        reason = f"no corpus path given: set {', '.join(ENV[:3])} (or VIMEDNLP_PHONER) to your copies"
        print(f"  public: skipped ({reason})")
        return {"skipped": reason}
    # the script reads the paths from the environment: the recorded command names no machine path
    cmd = "python benchmarks/bench_public_corpora.py" + (" --quick" if quick else "")
    return run_scripts("public", [cmd], command, timeout=3600)


render = render_scripts
