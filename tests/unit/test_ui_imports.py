"""The ui modules import each other in one direction only, not even inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import viften.ui

UI = Path(viften.ui.__file__).parent


def _ui_imports() -> dict[str, set[str]]:
    """Each ui module's name → the ui modules it imports anywhere in its source."""
    graph: dict[str, set[str]] = {}
    for path in UI.glob("*.py"):
        name = f"viften.ui.{path.stem}"
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "viften.ui":
                    found |= {f"viften.ui.{a.name}" for a in node.names}
                elif node.module.startswith("viften.ui."):
                    found.add(node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("viften.ui.")}
        graph[name] = found - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> list[str] | None:
        if name in trail:
            return [*trail[trail.index(name) :], name]
        if name in done:
            return None
        for target in sorted(graph.get(name, ())):
            found = visit(target, [*trail, name])
            if found:
                return found
        done.add(name)
        return None

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return None


def test_no_two_ui_modules_import_each_other_directly_or_round_about() -> None:
    assert _cycle(_ui_imports()) is None


def test_the_cycle_finder_finds_a_cycle_through_three_modules() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


REPO = UI.parents[2]
HEAVY = ("scipy", "pptx", "vl_convert", "openpyxl", "psycopg", "viften.present.report")
"""What the landing page does not need: the solver, the deck (its libraries and its builder),
picture export, XLSX, the PostgreSQL driver. Each costs a first visit its import time."""


def _imported_by(script: Path) -> list[str]:
    """The viften modules a script imports at its top level."""
    names = []
    for node in ast.parse(script.read_text()).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("viften"):
            names += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names += [a.name for a in node.names if a.name.startswith("viften")]
    return names


def test_the_landing_page_loads_no_library_it_does_not_need() -> None:
    import subprocess
    import sys

    wanted = _imported_by(REPO / "app.py") + _imported_by(REPO / "pages" / "fan.py")
    assert "viften.ui.fan" in wanted
    code = (
        "import importlib, sys\n"
        f"for name in {wanted!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ModuleNotFoundError:\n"
        "        importlib.import_module(name.rpartition('.')[0])\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
