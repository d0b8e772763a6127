"""The app on a PostgreSQL database (issue 15): the landing page draws the same fan as on the
DuckDB file, read through `--db`'s URL in VIFTEN_DB."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from viften.store import views as figures

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "fan.py")


@pytest.fixture
def backend() -> str:
    return "postgres"


def test_the_landing_page_draws_the_fan_from_postgresql(db_path: Path, demo_database: Path) -> None:
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    view = figures.load_year(db_path)
    assert app.title[0].value == f"Tilbudsviften {view.year}"
    listed = [line.split("  ·  ")[0] for line in app.text[-1].value.split("\n")]
    assert sorted(listed) == sorted(view.frame["name"])
    on_duckdb = figures.load_year(demo_database).frame
    assert sorted(listed) == sorted(on_duckdb["name"])
    assert view.frame.drop(columns=["updated_at", "id"]).equals(
        on_duckdb.drop(columns=["updated_at", "id"])
    )
