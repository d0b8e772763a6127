"""Where things live: the one place that knows the database path and the bundled data."""

from __future__ import annotations

import os
from pathlib import Path

from viften.store.location import PostgresURL, is_url

REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = REPO_ROOT / "data"
DEFAULT_DB = DATA_DIR / "viften.duckdb"
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"
"""The demo CSVs live inside the package (package-data), so an installed viften has them too."""
DEMO_INTERVENTIONS = PACKAGE_DATA / "demo_interventions.csv"
DEMO_OUTCOMES = PACKAGE_DATA / "demo_outcomes.csv"


def database_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else $VIFTEN_DB, else data/viften.duckdb (interface.md). A
    `postgresql://` URL in place of PATH is a PostgreSQL database (`PostgresURL`, a Path
    that carries the URL)."""
    given = cli_value or os.environ.get("VIFTEN_DB")
    if not given:
        return DEFAULT_DB
    if isinstance(given, Path):
        return given if isinstance(given, PostgresURL) else given.expanduser().resolve()
    if is_url(str(given)):
        return PostgresURL(str(given))
    return Path(given).expanduser().resolve()
