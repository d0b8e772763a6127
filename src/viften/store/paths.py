"""Where things live: the one place that knows the database path and the bundled data."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = REPO_ROOT / "data"
DEFAULT_DB = DATA_DIR / "viften.duckdb"
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"
"""The demo CSVs live inside the package (package-data), so an installed viften has them too."""
DEMO_INTERVENTIONS = PACKAGE_DATA / "demo_interventions.csv"
DEMO_OUTCOMES = PACKAGE_DATA / "demo_outcomes.csv"


def database_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else $VIFTEN_DB, else data/viften.duckdb (interface.md)."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    from_env = os.environ.get("VIFTEN_DB")
    if from_env:
        return Path(from_env).expanduser().resolve()
    return DEFAULT_DB
