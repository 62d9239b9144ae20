"""The direction of imports that docs/architecture.md states holds in the code, and no two modules import each other.

Every `import` statement counts, the ones inside functions too: a lazy import is still a dependency.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import vimednlp

SRC = Path(vimednlp.__file__).resolve().parent
DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def _modules() -> dict[str, Path]:
    out = {}
    for f in SRC.rglob("*.py"):
        parts = ("vimednlp",) + f.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def _imports(mods: dict[str, Path]) -> dict[str, set[str]]:
    """module -> the vimednlp modules it imports (a name imported from a package counts as its submodule)."""
    graph: dict[str, set[str]] = {}
    for m, f in mods.items():
        pkg = m if f.name == "__init__.py" else m.rsplit(".", 1)[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                names = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for d in names:
                while d and d not in mods:
                    d = d.rpartition(".")[0]
                if d.startswith("vimednlp") and d != m:
                    deps.add(d)
        graph[m] = deps
    return graph


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "vimednlp"


def _layers() -> dict[str, int]:
    """The rooms of the code block under 'Rooms and the direction of imports', lowest first."""
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"## Rooms and the direction of imports\s+```text\n(.*?)```", text, re.S).group(1)
    layers: dict[str, int] = {}
    for i, layer in enumerate(block.replace("\n", " ").split("<-")):
        for name in re.findall(r"[a-z_]+", layer):
            layers[name] = i
    return layers


def test_every_room_is_placed_in_the_documented_order():
    layers = _layers()
    # resources/ is data; its one script (build_gazetteers.py) is a maintainer's tool that regenerates data files
    rooms = {_room(m) for m in _modules()} - {"vimednlp", "__main__", "resources"}
    assert rooms <= set(layers), f"rooms missing from docs/architecture.md: {sorted(rooms - set(layers))}"


def test_imports_go_down_the_documented_order():
    layers, mods = _layers(), _modules()
    wrong = []
    for m, deps in _imports(mods).items():
        a = _room(m)
        if a in ("vimednlp", "__main__", "resources") or m.endswith(".cli"):  # the package facade and the command layer
            continue
        for d in deps:
            b = _room(d)
            if b != a and b != "vimednlp" and layers[b] >= layers[a]:
                wrong.append(f"{m} -> {d}")
    assert not wrong, "imports against the documented direction:\n" + "\n".join(sorted(wrong))


def test_commands_import_nothing_above_the_command_layer():
    layers, mods = _layers(), _modules()
    top = layers["cli"]
    wrong = [f"{m} -> {d}" for m, deps in _imports(mods).items() if m.endswith(".cli")
             for d in deps if layers.get(_room(d), 0) > top]
    assert not wrong, wrong


def test_no_two_modules_import_each_other():
    graph = _imports(_modules())
    pairs = sorted({tuple(sorted((a, b))) for a, deps in graph.items() for b in deps if a in graph.get(b, ())
                    and not (a.startswith(b + ".") or b.startswith(a + "."))})  # a package and its own module
    assert not pairs, f"modules that import each other: {pairs}"
