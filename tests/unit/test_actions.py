"""The actions: every write checks the role on the server, runs in one transaction, and
turns the database's errors into the project's own."""

from __future__ import annotations

import ast
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pg
import pytest

import viften
from viften.actions import database, editing, interventions, outcomes, scenarios, settings
from viften.actions.access import EDITOR, VIEWER, Actor, PermissionDenied
from viften.model.allocator import Interventions
from viften.store import db
from viften.store import interventions as store
from viften.store.db import StoreError
from viften.store.interventions import ConflictError
from viften.store.location import PostgresURL


@pytest.fixture(params=pg.BOTH)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here runs on a DuckDB file and on a PostgreSQL database (issue 15)."""
    return str(request.param)


PACKAGE = Path(viften.__file__).parent
EDITING = Actor("Edith", EDITOR)
READING = Actor("Viggo", VIEWER)
CSV = b"name,target_group,price_per_participant,job_rate,evidence_stars\nNy,closer,1000,0.3,2\n"
OUTCOMES = "intervention,group,employed\n{name},treatment,1\n{name},control,0\n"


def first_row(path: Path) -> editing.StoredRow:
    with db.connect(path) as con:
        year = store.newest_year(con)
        assert year is not None
        return editing.stored_identities(con, year)[0]


def price_change(row: editing.StoredRow, price: float) -> editing.EditPlan:
    return editing.EditPlan(updates=[(row, {"price_per_participant": price})])


def writes(path: Path, tmp_path: Path) -> dict[str, Callable[[Actor], Any]]:
    """Every write there is, each ready to be tried by an actor."""
    row = first_row(path)
    outcome_file = tmp_path / "outcomes.csv"
    outcome_file.write_text(OUTCOMES.format(name=row.name), encoding="utf-8")
    data = Interventions.from_columns(
        {
            "name": ["A"],
            "year": [2026],
            "target_group": ["closer"],
            "price_per_participant": [1000.0],
            "capacity": [None],
            "participants": [1],
            "job_rate": [0.3],
            "control_job_rate": [None],
            "evidence_stars": [2],
        }
    )
    return {
        "import": lambda actor: interventions.import_file(path, CSV, "new.csv", actor),
        "edit": lambda actor: editing.apply_plan(path, actor, price_change(row, 1.0)),
        "restore": lambda actor: interventions.restore(path, actor, "Aldrig", 2026),
        "outcomes": lambda actor: outcomes.import_records(path, outcome_file, actor),
        "save scenario": lambda actor: scenarios.save(
            path, actor, "S", 2026, data, [1], {"source": "what_if"}
        ),
        "delete scenario": lambda actor: scenarios.delete(path, actor, "S", 2026),
        "municipality": lambda actor: settings.save_municipality(path, actor, "Randers"),
    }


def test_every_write_refuses_a_viewer_and_leaves_the_database_as_it_was(
    db_path: Path, tmp_path: Path, snapshot: Any
) -> None:
    before = snapshot(db_path)
    for name, attempt in writes(db_path, tmp_path).items():
        with pytest.raises(PermissionDenied, match="Viggo may (only read|not do this)"):
            attempt(READING)
        assert snapshot(db_path) == before, name


def test_every_write_is_done_for_an_editor(db_path: Path, tmp_path: Path) -> None:
    for name, attempt in writes(db_path, tmp_path).items():
        if name == "restore":
            with pytest.raises(StoreError, match="never deleted"):
                attempt(EDITING)
        elif name == "municipality":  # a setting: the admins'
            with pytest.raises(PermissionDenied, match="admin role"):
                attempt(EDITING)
            attempt(replace(EDITING, role="admin"))
        else:
            attempt(EDITING)
    with db.connect(db_path) as con:
        assert store.get_setting(con, settings.MUNICIPALITY_SETTING) == "Randers"
        assert "Ny" in {r["name"] for r in store.stored_rows(con, 2026)}
        assert store.history(con, 1)[0]["user"] == "Edith"


def test_a_second_session_editing_the_same_row_at_once_gets_the_conflict_message(
    db_path: Path,
) -> None:
    if isinstance(db_path, PostgresURL):
        pytest.skip("on PostgreSQL the second session waits for its turn (test_postgres.py)")
    row = first_row(db_path)
    holding, release = threading.Event(), threading.Event()

    def first_session() -> None:
        with database.write(db_path) as con:
            store.update_intervention(
                con, "Anna", row.id, row.version, {"price_per_participant": 111.0}
            )
            holding.set()
            release.wait(30)

    other = threading.Thread(target=first_session)
    other.start()
    try:
        assert holding.wait(30)
        with pytest.raises(ConflictError, match="at the same moment"):
            editing.apply_plan(db_path, EDITING, price_change(row, 222.0))
    finally:
        release.set()
        other.join(30)
    with db.connect(db_path) as con:
        year = store.newest_year(con)
        assert year is not None
        saved = {r["name"]: r for r in store.stored_rows(con, year)}[row.name]
    assert saved["price_per_participant"] == 111.0


def test_a_change_the_database_refuses_is_a_store_error_that_says_so(db_path: Path) -> None:
    with pytest.raises(StoreError, match="breaks one of its rules"), database.write(db_path) as con:
        con.execute("UPDATE interventions SET job_rate = 7")


def test_a_missing_database_is_created_once_with_the_demo_data(tmp_path: Path) -> None:
    path = tmp_path / "new" / "viften.duckdb"
    assert database.ensure(path) == path
    with db.connect(path) as con:
        assert store.newest_year(con) is not None
        assert {h["user"] for h in store.history(con)} == {database.DEMO_USER}
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".building")] == []


def test_reading_a_missing_database_does_not_create_an_empty_one(tmp_path: Path) -> None:
    path = tmp_path / "missing.duckdb"
    with pytest.raises(StoreError, match="does not exist"), db.connect(path):
        pass
    assert not path.exists()


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_module_that_opens_the_database_imports_nothing_above_the_model() -> None:
    ours = {n for n in _imports(PACKAGE / "store" / "db.py") if n.startswith("viften")}
    # and its PostgreSQL dialect (issue 15), which imports nothing above the model either
    assert ours <= {"viften.model.errors", "viften.store", "viften.store.location"}
    dialect = {n for n in _imports(PACKAGE / "store" / "postgres.py") if n.startswith("viften")}
    assert dialect <= {"viften.model.errors", "viften.store.location"}
    where = {n for n in _imports(PACKAGE / "store" / "location.py") if n.startswith("viften")}
    assert where <= {"viften.model.errors"}


def test_only_the_actions_open_a_transaction() -> None:
    callers = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "transaction(" in path.read_text()
    )
    assert callers == ["actions/database.py", "store/db.py"]
