"""Every package pyproject.toml declares for the base install is imported by the library (none declared
and never used, as `faker` was), and every third-party package the library imports is declared."""
from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[2]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imports() -> set[str]:
    out: set[str] = set()
    for f in (ROOT / "src" / "vimednlp").rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                out |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                out.add(node.module.split(".")[0])
    return out


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_base_dependency_is_imported():
    modules_of: dict[str, set[str]] = {}
    for mod, dists in md.packages_distributions().items():
        for d in dists:
            modules_of.setdefault(_norm(d), set()).add(mod)
    used = _imports()
    unused = [d for d in _project()["dependencies"]
              if not modules_of.get(_norm(re.split(r"[<>=!~;\[ ]", d)[0]), set()) & used]
    assert not unused, f"declared in pyproject.toml but never imported by src/vimednlp: {unused}"


def test_every_imported_third_party_package_is_declared():
    declared = {_norm(re.split(r"[<>=!~;\[ ]", d)[0])
                for d in _project()["dependencies"] + [x for v in _project()["optional-dependencies"].values()
                                                       for x in v]}
    dists = md.packages_distributions()
    missing = []
    for mod in sorted(_imports() - set(sys.stdlib_module_names) - {"vimednlp", "__future__"}):
        names = {_norm(d) for d in dists.get(mod, [])}
        if names and not names & declared:
            missing.append(f"{mod} ({', '.join(sorted(names))})")
    assert not missing, f"imported by src/vimednlp but not declared in pyproject.toml: {missing}"
