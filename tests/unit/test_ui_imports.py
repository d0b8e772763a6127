"""The ui modules import each other in one direction only, not even inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import viften_modules_imported_by

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


def test_the_landing_page_loads_no_library_it_does_not_need() -> None:
    import subprocess
    import sys

    wanted = sorted(
        viften_modules_imported_by(REPO / "streamlit_app.py")
        | viften_modules_imported_by(REPO / "pages" / "fan.py")
    )
    assert "viften.ui.fan" in wanted
    code = (
        "import importlib, sys\n"
        f"for name in {wanted!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


FIRST_RUN_SPARES = ("altair", "streamlit.emojis")
"""What the landing page's first run need not load: Altair (its chart templates are stored)
and Streamlit's emoji catalogue (an alert without an icon of its own loads it to look for a
leading emoji in any text that is not plain ASCII)."""


def _national_sized(folder: Path, copies: int) -> Path:
    """A database of `copies` renamed copies of each demo intervention."""
    import csv
    import subprocess
    import sys

    demo = REPO / "src" / "viften" / "data" / "demo_interventions.csv"
    with demo.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    target = folder / "many.csv"
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        for copy in range(copies):
            for row in rows:
                writer.writerow({**row, "name": f"{row['name']} {copy + 1}"})
    database = folder / "many.duckdb"
    subprocess.run(
        [sys.executable, "-m", "viften", "import", str(target), "--db", str(database)],
        check=True,
        capture_output=True,
    )
    return database


def _loaded_by_first_run(database: Path) -> tuple[str, list[str]]:
    """The landing page's first run on `database`, in a process of its own: the first
    warning it shows (if any) and which of FIRST_RUN_SPARES it loaded."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"app = AppTest.from_file({str(REPO / 'streamlit_app.py')!r}, default_timeout=120).run()\n"
        "assert not app.exception, [e.value for e in app.exception]\n"
        "warning = app.warning[0].value if app.warning else ''\n"
        f"loaded = sorted(m for m in {FIRST_RUN_SPARES!r} if m in sys.modules)\n"
        "print(json.dumps([warning, loaded]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "VIFTEN_DB": str(database)},
    )
    warning, loaded = json.loads(result.stdout.strip().splitlines()[-1])
    return warning, loaded


def test_the_landing_pages_first_run_loads_neither_altair_nor_the_emoji_catalogue(
    tmp_path: Path,
) -> None:
    from viften.present.fan import MAX_TILES

    database = _national_sized(tmp_path, MAX_TILES // 10)
    warning, loaded = _loaded_by_first_run(database)
    assert "indsatser" in warning  # the aggregated view's warning, Danish text and all
    assert loaded == []
