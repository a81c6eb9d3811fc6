"""The package's shape (issue 16): subpackages by concern, no import cycle, functions short enough to read."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "nettoyeur"
# Top-level modules beside the subpackages: the public API and the shared foundations.
TOP_LEVEL = {"__init__", "__main__", "api", "config", "errors", "records"}
# Lines of the longest function (its docstring included): past this it no longer reads at once.
MAX_FUNCTION_LINES = 100


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules that ``path`` imports, at its top or inside a function (TYPE_CHECKING blocks left out)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.If):
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("nettoyeur"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("nettoyeur."))
    return {m for m in found if m in known and m != "nettoyeur"}


def test_no_import_cycle():
    known = _modules()
    graph = {name: _imports(path, known) - {name} for name, path in known.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for dep in sorted(graph[name]):
            if state.get(dep) == 1:
                cycles.append(path[path.index(dep) :] + [dep])
            elif dep not in state:
                visit(dep, path + [dep])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles, cycles


def test_few_modules_beside_the_subpackages():
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top == TOP_LEVEL, sorted(top ^ TOP_LEVEL)
    assert all((d / "__init__.py").exists() for d in PACKAGE.iterdir() if d.is_dir() and d.name != "__pycache__")


def test_no_function_too_long_to_read():
    long = [
        f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, long
