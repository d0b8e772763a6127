"""The core runs without Streamlit: only app.py, streamlit_app.py, pages/ and viften.ui may
import it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import viften

PACKAGE = Path(viften.__file__).parent


def _core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts).removesuffix(".__init__")
        if not name.startswith("viften.ui") and name != "viften.__main__":
            names.append(name)
    return names


def test_no_core_module_imports_streamlit_in_its_source() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "streamlit" or n.startswith("streamlit.") for n in names):
                offenders.append(str(path))
    assert offenders == []


def test_importing_every_core_module_leaves_streamlit_unloaded() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print('streamlit' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_duckdb_file_never_loads_the_postgresql_driver(db_path: Path) -> None:
    # psycopg and the store's PostgreSQL dialect cost a third of a second to import: only a
    # postgresql:// database pays for them (viften.store.location tells the two apart)
    code = (
        "import contextlib, io, sys\n"
        "from viften.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['list', '--json', '--db', {str(db_path)!r}])\n"
        "print(sorted(m for m in ('psycopg', 'viften.store.postgres') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_import_linter_contract_names_every_core_module() -> None:
    import tomllib

    config = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text())
    contract = config["tool"]["importlinter"]["contracts"][0]
    listed = set(contract["source_modules"])
    top_level = {".".join(n.split(".")[:2]) for n in _core_modules()} - {"viften"}
    assert top_level <= listed | {"viften.__main__"}, sorted(top_level - listed)


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each a cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(edges[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return found


def test_the_cycle_finder_finds_a_cycle_through_three_modules() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_through_others_not_even_inside_a_function() -> None:
    import grimp

    graph = grimp.build_graph("viften")
    modules = set(graph.modules)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) & modules for m in modules}
    assert _cycles(edges) == []
