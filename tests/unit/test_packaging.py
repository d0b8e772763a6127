"""`pip install .` gives a working viften: its runtime dependencies declared, its demo data in
the package, and requirements.txt pinning every one of them."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

from viften.store import paths

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "viften"
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
DISTRIBUTION_OF = {
    "pptx": "python-pptx",
    "vl_convert": "vl-convert-python",
    "PIL": "pillow",
    "psycopg_pool": "psycopg-pool",
}
"""Where the name imported is not the name installed."""


def declared() -> set[str]:
    return {
        re.split(r"[<>=!~; \[]", spec, maxsplit=1)[0].lower()
        for spec in PROJECT["project"]["dependencies"]
    }


def imported() -> set[str]:
    """The distributions the app, its pages and the package import (the CLI is in the package)."""
    found: set[str] = set()
    scripts = [REPO / "app.py", REPO / "streamlit_app.py", *(REPO / "pages").glob("*.py")]
    for path in [*scripts, *PACKAGE.rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top != "viften" and top not in sys.stdlib_module_names:
                    found.add(DISTRIBUTION_OF.get(top, top).lower())
    return found


def test_every_package_the_app_imports_is_a_declared_dependency_and_nothing_else_is():
    assert imported() == declared()


def test_requirements_pin_every_declared_dependency_exactly():
    pins = {
        line.split("==")[0].strip().lower()
        for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line
    }
    assert declared() - pins == set()


def test_every_package_data_pattern_names_files_that_exist():
    for package, patterns in PROJECT["tool"]["setuptools"]["package-data"].items():
        folder = REPO / "src" / package.replace(".", "/")
        for pattern in patterns:
            assert sorted(folder.glob(pattern)), f"{package}: {pattern} names nothing"


def test_the_demo_data_ships_inside_the_package():
    for demo in (paths.DEMO_INTERVENTIONS, paths.DEMO_OUTCOMES):
        assert demo.exists()
        assert PACKAGE in demo.resolve().parents
