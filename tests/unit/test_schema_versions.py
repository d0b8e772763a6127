"""The stored schema version and the migrations: from version 1 (before the budget case's
columns) to 2, and from 2 to 3 (the municipality of every row, the imports, the accounts
and the social investments), applied once, in one transaction, with every row kept."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from viften.actions import database
from viften.actions import interventions as changes
from viften.actions.access import command_line_actor
from viften.model.assumptions import BENEFITS
from viften.store import db
from viften.store import interventions as store

V1_ROWS = [
    (
        "Mentor",
        2026,
        "closer",
        "Jobcenter",
        "internal",
        45000.0,
        100,
        80,
        0.35,
        0.25,
        2,
        "high",
        12.0,
        "Linje 1",
        "Egen opgørelse",
    ),
    (
        "Praktik",
        2025,
        "further",
        None,
        None,
        9000.0,
        None,
        None,
        0.2,
        None,
        1,
        None,
        None,
        None,
        None,
    ),
]
V1_COLUMNS = (
    "name, year, target_group, provider, provider_type, price_per_participant, "
    "capacity, participants, job_rate, control_job_rate, evidence_stars, "
    "effect_rating, duration_weeks, description, source"
)


def version_1_database(path: Path) -> Path:
    """A database as viften wrote it before the schema had a version: the old tables only."""
    con = duckdb.connect(str(path))
    try:
        for statement in db.schema_statements(1):
            con.execute(statement)
        con.executemany(
            f"INSERT INTO interventions ({V1_COLUMNS}, updated_by) "  # noqa: S608
            f"VALUES ({', '.join('?' for _ in range(15))}, 'mette')",
            V1_ROWS,
        )
        con.execute(
            "INSERT INTO history VALUES (current_localtimestamp(), "
            "nextval('history_seq'), 'mette', 'insert', 1, 'Mentor', 2026, NULL, NULL, "
            "NULL)"
        )
        con.execute("INSERT INTO outcomes VALUES ('Mentor', 2026, true, true, 'p1')")
        con.execute("INSERT INTO settings VALUES ('municipality', 'Randers')")
    finally:
        con.close()
    return path


def tables(path: Path) -> set[str]:
    with db.connect(path) as con:
        return {
            row[0]
            for row in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        }


def version(path: Path) -> int | None:
    with db.connect(path) as con:
        return db.stored_version(con)


def columns_and_rules(path: Path) -> tuple[list[tuple[object, ...]], list[str]]:
    with db.connect(path) as con:
        columns = con.execute(
            "SELECT table_name, column_name, data_type, is_nullable, column_default "
            "FROM information_schema.columns WHERE table_schema = 'main' "
            "ORDER BY table_name, ordinal_position"
        ).fetchall()
        rules = sorted(
            f"{row[0]}: {row[1]} {row[2]}"
            for row in con.execute(
                "SELECT table_name, constraint_type, coalesce(expression, "
                "array_to_string(constraint_column_names, ',')) FROM duckdb_constraints()"
            ).fetchall()
        )
    return columns, rules


def test_a_version_1_database_is_migrated_when_first_opened_with_its_data_intact(
    tmp_path: Path,
) -> None:
    path = version_1_database(tmp_path / "old.duckdb")
    assert version(path) == 1
    database.ensure(path)
    assert version(path) == db.SCHEMA_VERSION == 3
    assert {"assumptions", "imports", "users", "investment_cases", "pools"} <= tables(path)
    with db.connect(path) as con:
        rows = store.stored_rows(con, 2026) + store.stored_rows(con, 2025)
        frame = store.interventions(con, 2026)
        assert con.execute("SELECT count(*) FROM history").fetchone() == (1,)
        assert con.execute(
            "SELECT intervention, year, treatment, employed, person_id, municipality FROM outcomes"
        ).fetchall() == [("Mentor", 2026, True, True, "p1", "Randers")]
        assert con.execute("SELECT municipality, import_id FROM history").fetchall() == [
            ("Randers", None)
        ]
        kept = con.execute("SELECT municipality, kind FROM interventions").fetchall()
        assert store.get_setting(con, "municipality") == "Randers"
        identities = con.execute(
            "SELECT id, name, version, updated_by FROM interventions ORDER BY id"
        ).fetchall()
    old = [dict(zip(V1_COLUMNS.split(", "), values, strict=True)) for values in V1_ROWS]
    assert [{k: r[k] for k in V1_COLUMNS.split(", ")} for r in rows] == old
    assert [
        (r["benefit"], r["weeks_on_benefit"], r["persistence"], r["mandatory"]) for r in rows
    ] == [(None, None, None, False)] * 2
    assert identities == [(1, "Mentor", 1, "mette"), (2, "Praktik", 1, "mette")]
    assert kept == [("Randers", None)] * 2  # the database's own municipality
    assert frame["job_rate"].tolist() == [1.0]  # the outcome records still count


@pytest.mark.parametrize("old_version", [1, 2])
def test_a_migrated_database_has_exactly_the_schema_of_a_new_one(
    tmp_path: Path, old_version: int
) -> None:
    make = version_1_database if old_version == 1 else version_2_database
    old = make(tmp_path / "old.duckdb")
    db.migrate(old)
    new = tmp_path / "new.duckdb"
    con = duckdb.connect(str(new))
    db.create_schema(con)
    con.close()
    assert columns_and_rules(old) == columns_and_rules(new)
    assert tables(old) == tables(new)


def test_the_migration_runs_once(tmp_path: Path) -> None:
    path = version_1_database(tmp_path / "old.duckdb")
    assert db.migrate(path) is True
    assert db.migrate(path) is False
    with db.connect(path) as con:
        assert con.execute("SELECT count(*) FROM schema_version").fetchone() == (1,)


def test_the_first_write_migrates_a_version_1_database_and_then_writes(tmp_path: Path) -> None:
    path = version_1_database(tmp_path / "old.duckdb")
    database._prepared.add(path)  # as in a process that opened it before it was replaced
    changes.import_file(
        path,
        "navn;målgruppe;pris pr. deltager;jobandel;evidens;lovpligtig\n"
        "Ressourceforløb;længere væk;160.000;4 %;1;ja\n".encode(),
        "x.csv",
        command_line_actor(),
    )
    assert version(path) == db.SCHEMA_VERSION
    with db.connect(path) as con:
        assert con.execute(
            "SELECT mandatory FROM interventions WHERE name = 'Ressourceforløb'"
        ).fetchall() == [(True,)]


def test_a_failed_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = version_1_database(tmp_path / "old.duckdb")
    original = db.MIGRATIONS[1]

    def halfway(con: duckdb.DuckDBPyConnection) -> None:
        original(con)
        raise RuntimeError("the power went")

    monkeypatch.setitem(db.MIGRATIONS, 1, halfway)
    with pytest.raises(RuntimeError):
        db.migrate(path)
    assert version(path) == 1
    assert "assumptions" not in tables(path)
    with db.connect(path) as con:
        assert con.execute("SELECT count(*) FROM interventions").fetchone() == (2,)


def test_a_database_from_a_newer_viften_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newer.duckdb"
    con = duckdb.connect(str(path))
    db.create_schema(con)
    con.execute("UPDATE schema_version SET version = 7")
    con.close()
    with pytest.raises(db.NewerSchema, match="schema version 7.*newer viften.*up to 3"):
        database.ensure(path)
    with pytest.raises(db.NewerSchema):
        with db.transaction(path):
            pass
    assert version(path) == 7


def test_a_new_database_is_created_at_the_current_version(tmp_path: Path) -> None:
    path = database.ensure(tmp_path / "fresh.duckdb")
    assert version(path) == db.SCHEMA_VERSION


def test_the_schema_knows_the_benefits_of_the_model() -> None:
    assert db.BENEFIT_KEYS == BENEFITS


def version_2_database(path: Path) -> Path:
    """A database as viften 2 wrote it: one municipality, no imports, no accounts."""
    con = duckdb.connect(str(path))
    try:
        db.create_schema(con, 2)
        con.execute(
            f"INSERT INTO interventions ({V1_COLUMNS}, mandatory) "  # noqa: S608
            f"VALUES ({', '.join('?' for _ in range(16))})",
            [*V1_ROWS[0], True],
        )
        con.execute(
            "INSERT INTO history VALUES (current_localtimestamp(), "
            "nextval('history_seq'), 'mette', 'restore', 1, 'Mentor', 2026, 'price', '1', '2')"
        )
        con.execute("INSERT INTO outcomes VALUES ('Mentor', 2026, false, true, NULL)")
    finally:
        con.close()
    return path


def test_a_version_2_database_without_a_municipality_gets_the_empty_one(
    tmp_path: Path,
) -> None:
    path = version_2_database(tmp_path / "two.duckdb")
    assert db.migrate(path) is True
    with db.connect(path) as con:
        assert con.execute(
            "SELECT name, municipality, kind, mandatory, version FROM interventions"
        ).fetchall() == [("Mentor", "", None, True, 1)]
        assert con.execute("SELECT action, field, municipality FROM history").fetchall() == [
            ("restore", "price", "")
        ]
        assert con.execute("SELECT municipality FROM outcomes").fetchall() == [("",)]
        # the same name may now be stored for another municipality in the same year
        con.execute(
            "INSERT INTO interventions (name, year, target_group, price_per_participant, "
            "job_rate, evidence_stars, municipality) "
            "VALUES ('Mentor', 2026, 'closer', 1, 0.5, 1, 'Aarhus')"
        )
        with pytest.raises(duckdb.ConstraintException):
            con.execute(
                "INSERT INTO interventions (name, year, target_group, price_per_participant, "
                "job_rate, evidence_stars, municipality) "
                "VALUES ('Mentor', 2026, 'closer', 1, 0.5, 1, 'Aarhus')"
            )
