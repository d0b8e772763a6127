"""The store: writes are audited under the user's name, stale edits are refused, deletes can
be undone, and the database itself refuses values outside the rules. (Who may write is
decided by the actions: tests/unit/test_actions.py.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pg
import pytest

from viften.model.domain import COLUMN_NAMES
from viften.store import db, location
from viften.store import interventions as store

EDITOR = "anna"
OTHER_EDITOR = "bo"


@pytest.fixture(params=pg.BOTH)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here runs on a DuckDB file and on a PostgreSQL database (issue 15)."""
    return str(request.param)


REFUSED = (duckdb.Error, location.StoreError)
RULE_BROKEN = (duckdb.ConstraintException, location.Refused)


def raw_connection(path: Path) -> Any:
    """A connection outside the store's transactions: each statement on its own."""
    if isinstance(path, location.PostgresURL):
        return db.open_postgres(path)
    return duckdb.connect(str(path))


def row(name: str, year: int = 2026, **values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {c: None for c in COLUMN_NAMES}
    base.update(
        name=name,
        year=year,
        target_group="closer",
        price_per_participant=45000.0,
        job_rate=0.35,
        evidence_stars=2,
    )
    base.update(values)
    return base


FULL = row(
    "Mentor",
    provider="Jobcenter",
    provider_type="internal",
    capacity=100,
    participants=80,
    control_job_rate=0.3,
    effect_rating="high",
    duration_weeks=12.5,
    description="Tekst, med komma",
    source="=kilde",
)


@pytest.fixture
def filled(empty_db: Path) -> Path:
    with db.transaction(empty_db) as con:
        store.upsert(con, EDITOR, [FULL, row("Praktik"), row("Mentor", 2025)], COLUMN_NAMES)
    return empty_db


def identity(path: Path, name: str, year: int = 2026) -> tuple[int, int]:
    with db.connect(path) as con:
        found = con.execute(
            "SELECT id, version FROM interventions WHERE name = ? AND year = ?", [name, year]
        ).fetchone()
    assert found is not None
    return int(found[0]), int(found[1])


def stored(path: Path, name: str, year: int = 2026) -> dict[str, Any] | None:
    with db.connect(path) as con:
        return next((r for r in store.stored_rows(con, year) if r["name"] == name), None)


def test_interventions_gives_the_documented_columns(filled: Path) -> None:
    with db.connect(filled) as con:
        frame = store.interventions(con, 2026)
        assert store.years(con) == [2026, 2025]
        assert store.newest_year(con) == 2026
    for column in (
        "id",
        *COLUMN_NAMES,
        "entered_job_rate",
        "entered_control_job_rate",
        "n_treatment",
        "k_treatment",
        "n_control",
        "k_control",
        "rates_from",
        "version",
        "updated_at",
        "updated_by",
    ):
        assert column in frame.columns, column
    assert list(frame["name"]) == ["Mentor", "Praktik"]
    assert set(frame["rates_from"]) == {"entered"}
    assert list(frame["updated_by"]) == ["anna", "anna"]


def test_an_update_with_the_current_version_is_written_and_audited(filled: Path) -> None:
    ident, version = identity(filled, "Mentor")
    with db.transaction(filled) as con:
        store.update_intervention(
            con,
            OTHER_EDITOR,
            ident,
            version,
            {"price_per_participant": 50000.0, "capacity": None, "source": "=kilde"},
        )
    after = stored(filled, "Mentor")
    assert after is not None
    assert after["price_per_participant"] == 50000.0
    assert after["capacity"] is None
    assert identity(filled, "Mentor") == (ident, version + 1)
    with db.connect(filled) as con:
        newest = store.history(con, limit=2)
    assert {(h["field"], h["old"], h["new"]) for h in newest} == {
        ("price_per_participant", "45000", "50000"),
        ("capacity", "100", None),
    }
    assert all(h["action"] == "update" and h["user"] == "bo" for h in newest)


def test_an_update_based_on_a_stale_version_raises_a_conflict(filled: Path, snapshot: Any) -> None:
    ident, version = identity(filled, "Mentor")
    with db.transaction(filled) as con:
        store.update_intervention(con, EDITOR, ident, version, {"capacity": 120})
    before = snapshot(filled)
    with pytest.raises(store.ConflictError, match="anna"), db.transaction(filled) as con:
        store.update_intervention(con, OTHER_EDITOR, ident, version, {"capacity": 90})
    assert snapshot(filled) == before


def test_a_delete_based_on_a_stale_version_raises_a_conflict(filled: Path) -> None:
    ident, version = identity(filled, "Mentor")
    with db.transaction(filled) as con:
        store.update_intervention(con, EDITOR, ident, version, {"capacity": 120})
    with pytest.raises(store.ConflictError), db.transaction(filled) as con:
        store.delete_intervention(con, OTHER_EDITOR, ident, version)
    assert stored(filled, "Mentor") is not None


def test_an_update_of_a_deleted_row_raises_a_conflict(filled: Path) -> None:
    ident, version = identity(filled, "Praktik")
    with db.transaction(filled) as con:
        store.delete_intervention(con, EDITOR, ident, version)
    with pytest.raises(store.ConflictError), db.transaction(filled) as con:
        store.update_intervention(con, OTHER_EDITOR, ident, version, {"capacity": 1})


def test_an_update_of_an_unknown_field_is_refused(filled: Path) -> None:
    ident, version = identity(filled, "Mentor")
    with pytest.raises(store.StoreError), db.transaction(filled) as con:
        store.update_intervention(con, EDITOR, ident, version, {"version": 99})


def test_a_deleted_intervention_is_restored_from_the_history(filled: Path) -> None:
    original = stored(filled, "Mentor")
    ident, version = identity(filled, "Mentor")
    with db.transaction(filled) as con:
        store.delete_intervention(con, EDITOR, ident, version)
    assert stored(filled, "Mentor") is None
    assert stored(filled, "Mentor", 2025) is not None
    with db.transaction(filled) as con:
        store.restore_deleted(con, OTHER_EDITOR, "Mentor", 2026)
    assert stored(filled, "Mentor") == original
    with db.connect(filled) as con:
        trail = store.history(con)
    actions = [h["action"] for h in trail]
    assert actions.index("restore") < actions.index("delete")
    restored = [h for h in trail if h["action"] == "restore"]
    assert {h["field"] for h in restored} == {c for c in COLUMN_NAMES if original[c] is not None}
    assert all(h["user"] == "bo" and h["year"] == 2026 for h in restored)
    deleted = [h for h in trail if h["action"] == "delete"]
    assert [h["field"] for h in deleted] == [None], "one row for the whole deleted record"
    assert json.loads(deleted[0]["old"])["description"] == "Tekst, med komma"


def test_a_deletion_written_one_row_per_field_is_restored_too(filled: Path) -> None:
    original = stored(filled, "Mentor")
    ident, _version = identity(filled, "Mentor")
    with db.transaction(filled) as con:
        con.execute("DELETE FROM interventions WHERE id = ?", [ident])
        for column in COLUMN_NAMES:
            if original[column] is not None:
                old = original[column]
                old = str(int(old)) if isinstance(old, float) and old.is_integer() else str(old)
                con.execute(
                    f"INSERT INTO history ({db.HISTORY_FIELDS}) VALUES (now(), "  # noqa: S608
                    "nextval('history_seq'), 'bo', 'delete', ?, 'Mentor', 2026, ?, ?, NULL)",
                    [ident, column, old],
                )
        store.restore_deleted(con, OTHER_EDITOR, "Mentor", 2026)
    assert stored(filled, "Mentor") == original


def test_the_latest_delete_is_the_one_restored(filled: Path) -> None:
    for capacity in (7, 9):
        ident, version = identity(filled, "Praktik")
        with db.transaction(filled) as con:
            store.update_intervention(con, EDITOR, ident, version, {"capacity": capacity})
        with db.transaction(filled) as con:
            store.delete_intervention(con, EDITOR, ident, version + 1)
        with db.transaction(filled) as con:
            store.restore_deleted(con, EDITOR, "Praktik", 2026)
        restored = stored(filled, "Praktik")
        assert restored is not None and restored["capacity"] == capacity


@pytest.mark.parametrize(
    "values",
    [
        {"job_rate": 1e-05, "price_per_participant": 2.5e-07, "duration_weeks": 1e-3},
        {"description": "\tindrykket", "provider": "  mellemrum  ", "source": "'=x"},
        {"job_rate": 0.1 + 0.2, "control_job_rate": 1 / 3, "price_per_participant": 12.345},
    ],
)
def test_a_restore_gives_back_exactly_what_was_deleted(
    empty_db: Path, values: dict[str, Any]
) -> None:
    with db.transaction(empty_db) as con:
        store.upsert(con, EDITOR, [row("X", **values)], COLUMN_NAMES)
    original = stored(empty_db, "X")
    ident, version = identity(empty_db, "X")
    with db.transaction(empty_db) as con:
        store.delete_intervention(con, EDITOR, ident, version)
    with db.transaction(empty_db) as con:
        store.restore_deleted(con, EDITOR, "X", 2026)
    assert stored(empty_db, "X") == original


def test_nothing_to_restore_is_an_error(filled: Path) -> None:
    with pytest.raises(store.StoreError, match="exists"), db.transaction(filled) as con:
        store.restore_deleted(con, EDITOR, "Mentor", 2026)
    with pytest.raises(store.StoreError, match="never deleted"), db.transaction(filled) as con:
        store.restore_deleted(con, EDITOR, "Aldrig", 2026)


def test_an_upsert_audits_inserts_and_each_changed_field(empty_db: Path) -> None:
    with db.transaction(empty_db) as con:
        store.upsert(con, EDITOR, [row("A"), row("B")], COLUMN_NAMES)
    with db.transaction(empty_db) as con:
        summary = store.upsert(
            con, OTHER_EDITOR, [row("A", job_rate=0.4, capacity=3), row("B")], COLUMN_NAMES
        )
    assert summary.updated == ["A (2026)"] and summary.unchanged == ["B (2026)"]
    with db.connect(empty_db) as con:
        trail = store.history(con)
    assert [
        (h["action"], h["name"], h["field"], h["old"], h["new"], h["user"]) for h in trail[:2]
    ] in (
        [
            ("update", "A", "job_rate", "0.35", "0.4", "bo"),
            ("update", "A", "capacity", None, "3", "bo"),
        ],
        [
            ("update", "A", "capacity", None, "3", "bo"),
            ("update", "A", "job_rate", "0.35", "0.4", "bo"),
        ],
    )
    assert sorted((h["action"], h["name"]) for h in trail[2:]) == [("insert", "A"), ("insert", "B")]
    assert all(isinstance(h["year"], int) for h in trail)


def test_the_history_limit_gives_the_newest(filled: Path) -> None:
    with db.connect(filled) as con:
        every = store.history(con)
        newest = store.history(con, limit=1)
    assert len(every) == 3
    assert newest == every[:1]


def test_settings_are_kept(empty_db: Path) -> None:
    with db.transaction(empty_db) as con:
        store.set_setting(con, "value_per_job", "300000")
        store.set_setting(con, "value_per_job", "310000")
    with db.connect(empty_db) as con:
        assert store.get_setting(con, "value_per_job") == "310000"
        assert store.get_setting(con, "missing", "d") == "d"


# --- what the database itself refuses -----------------------------------------------------

INSERT = (
    "INSERT INTO interventions (name, year, target_group, price_per_participant, "
    "job_rate, control_job_rate, evidence_stars, capacity, duration_weeks, "
    "provider_type, effect_rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
GOOD = ["Direkte", 2026, "closer", 100.0, 0.3, None, 2, None, None, None, None]


def _with(**changes: Any) -> list[Any]:
    names = [
        "name",
        "year",
        "target_group",
        "price_per_participant",
        "job_rate",
        "control_job_rate",
        "evidence_stars",
        "capacity",
        "duration_weeks",
        "provider_type",
        "effect_rating",
    ]
    values = dict(zip(names, GOOD, strict=True))
    values.update(changes)
    return [values[n] for n in names]


@pytest.mark.parametrize(
    "changes",
    [
        {"evidence_stars": 4},
        {"evidence_stars": 0},
        {"job_rate": 1.5},
        {"job_rate": -0.1},
        {"control_job_rate": 1.01},
        {"price_per_participant": -1.0},
        {"year": 1999},
        {"year": 2101},
        {"target_group": "everyone"},
        {"name": ""},
        {"name": "x" * 201},
        {"capacity": -1},
        {"duration_weeks": 0.0},
        {"provider_type": "private"},
        {"effect_rating": "great"},
        {"name": None},
        {"job_rate": None},
    ],
)
def test_the_database_refuses_values_outside_the_rules(
    empty_db: Path, changes: dict[str, Any]
) -> None:
    con = raw_connection(empty_db)
    try:
        con.execute(INSERT, GOOD)
        with pytest.raises(REFUSED):
            con.execute(INSERT, _with(**{"name": "Anden", **changes}))
        assert con.execute("SELECT count(*) FROM interventions").fetchone() == (1,)
    finally:
        con.close()


def test_the_database_refuses_a_duplicate_name_within_a_year(empty_db: Path) -> None:
    con = raw_connection(empty_db)
    try:
        con.execute(INSERT, GOOD)
        con.execute(INSERT, _with(year=2025))
        with pytest.raises(RULE_BROKEN):
            con.execute(INSERT, GOOD)
        assert con.execute("SELECT count(*) FROM interventions").fetchone() == (2,)
    finally:
        con.close()


def test_a_failed_statement_inside_a_transaction_leaves_nothing(
    filled: Path, snapshot: Any
) -> None:
    before = snapshot(filled)
    with pytest.raises(REFUSED), db.transaction(filled) as con:
        store.upsert(con, EDITOR, [row("Ny")], COLUMN_NAMES)
        con.execute(INSERT, _with(evidence_stars=4))
    assert snapshot(filled) == before


def test_a_new_database_is_built_from_the_demo_dataset(tmp_path: Path) -> None:
    from viften.store import paths

    if not paths.DEMO_INTERVENTIONS.exists():
        pytest.skip("the demo dataset is not there yet")
    from viften.actions import database

    path = tmp_path / "sub" / "new.duckdb"
    with db.connect(database.ensure(path)) as con:
        found = store.years(con)
        count = con.execute("SELECT count(*) FROM interventions WHERE year = 2026").fetchone()
    assert 2026 in found
    assert count is not None and 20 <= count[0] <= 30
    assert [p.name for p in path.parent.iterdir() if "building" in p.name] == []
