"""The PostgreSQL store through the command line (issue 15): the same files imported into a
DuckDB file and into PostgreSQL list the same; a bad import writes nothing; two writers at
once take turns; a writer that waits too long says so, never with a raw database error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pg import Cluster

from viften.store import db, location, postgres

HEADER = "name,year,target_group,price_per_participant,job_rate,evidence_stars,capacity\n"


def interventions_file(path: Path, prefix: str, count: int, price: int = 1000) -> Path:
    lines = [
        f"{prefix} {i},2026,closer,{price + i},0.{(i % 9) + 1},{(i % 3) + 1},{i}\n"
        for i in range(count)
    ]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def outcomes_file(path: Path) -> Path:
    rows = [
        f"Mentor 1,2026,{'treatment' if i % 2 else 'control'},{i % 3 == 0:d},P{i}\n"
        for i in range(40)
    ]
    path.write_text("intervention,year,group,employed,person_id\n" + "".join(rows), "utf-8")
    return path


def start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "viften", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    assert "Traceback" not in err, err
    assert "psycopg" not in err, err
    return process.returncode, out, err


def viften(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    return finish(start(*args, env=env))


def listed(database: str) -> list[dict[str, Any]]:
    code, out, err = viften("list", "--json", "--db", database)
    assert code == 0, err
    return list(json.loads(out))


@pytest.fixture
def pg_url(postgres_cluster: Cluster) -> str:
    return postgres_cluster.fresh_database()


def test_the_same_imports_list_the_same_on_duckdb_and_postgresql(
    pg_url: str, tmp_path: Path
) -> None:
    duck = str(tmp_path / "viften.duckdb")
    first = interventions_file(tmp_path / "first.csv", "Mentor", 30)
    second = interventions_file(tmp_path / "second.csv", "Mentor", 10, price=5000)
    records = outcomes_file(tmp_path / "records.csv")
    for database in (duck, pg_url):
        assert viften("import", str(first), "--db", database)[0] == 0
        assert viften("import", str(second), "--db", database)[0] == 0
        assert viften("outcomes", "import", str(records), "--db", database)[0] == 0
    on_duckdb = listed(duck)
    assert len(on_duckdb) > 30  # the demo data and the files
    assert listed(pg_url) == on_duckdb
    assert viften("history", "--db", pg_url)[1] == viften("history", "--db", duck)[1]


def test_a_bad_import_on_postgresql_writes_nothing(
    pg_url: str, tmp_path: Path, snapshot: Any
) -> None:
    where = location.PostgresURL(pg_url)
    good = interventions_file(tmp_path / "good.csv", "Good", 5)
    assert viften("import", str(good), "--db", pg_url)[0] == 0
    before = snapshot(where)
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "Fine,2026,closer,100,0.5,2,1\nBad,2026,nowhere,-5,2,9,1\n", "utf-8")
    code, _, err = viften("import", str(bad), "--db", pg_url)
    assert code == 2
    assert "row 3, column target_group" in err
    assert snapshot(where) == before


def test_two_writers_at_once_on_postgresql_both_land(pg_url: str, tmp_path: Path) -> None:
    assert viften("list", "--json", "--db", pg_url)[0] == 0  # the demo data, first
    first = interventions_file(tmp_path / "first.csv", "First", 300)
    second = interventions_file(tmp_path / "second.csv", "Second", 300)
    processes = [start("import", str(path), "--db", pg_url) for path in (first, second)]
    assert [finish(p)[0] for p in processes] == [0, 0]
    names = {row["name"] for row in listed(pg_url)}
    assert {f"First {i}" for i in range(300)} | {f"Second {i}" for i in range(300)} <= names


def test_two_writers_of_the_same_rows_end_with_one_of_them(pg_url: str, tmp_path: Path) -> None:
    assert viften("list", "--json", "--db", pg_url)[0] == 0
    cheap = interventions_file(tmp_path / "cheap.csv", "Same", 50, price=100)
    dear = interventions_file(tmp_path / "dear.csv", "Same", 50, price=900)
    processes = [start("import", str(path), "--db", pg_url) for path in (cheap, dear)]
    assert [finish(p)[0] for p in processes] == [0, 0]
    same = [row for row in listed(pg_url) if row["name"].startswith("Same")]
    assert len(same) == 50
    prices = {row["price_per_participant"] - int(row["name"].split()[1]) for row in same}
    assert prices in ({100.0}, {900.0})


def _holding_the_write_lock(url: str) -> psycopg.Connection[Any]:
    holder = psycopg.connect(url)
    holder.execute("SELECT pg_advisory_xact_lock(%s)", [db.WRITE_LOCK])
    return holder


def _waiting(url: str) -> bool:
    with psycopg.connect(url, autocommit=True) as con:
        found = con.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        ).fetchone()
    return bool(found and found[0])


def test_a_writer_waits_for_its_turn_then_lands(pg_url: str, tmp_path: Path) -> None:
    assert viften("list", "--json", "--db", pg_url)[0] == 0
    holder = _holding_the_write_lock(pg_url)
    try:
        process = start(
            "import", str(interventions_file(tmp_path / "f.csv", "Late", 3)), "--db", pg_url
        )
        while not _waiting(pg_url):  # a condition, not a pause: the import is queued
            assert process.poll() is None, process.communicate()
    finally:
        holder.rollback()
        holder.close()
    assert finish(process)[0] == 0
    assert {"Late 0", "Late 1", "Late 2"} <= {row["name"] for row in listed(pg_url)}


def test_a_writer_that_waits_too_long_says_so_and_writes_nothing(
    pg_url: str, tmp_path: Path, snapshot: Any
) -> None:
    where = location.PostgresURL(pg_url)
    assert viften("list", "--json", "--db", pg_url)[0] == 0
    before = snapshot(where)
    holder = _holding_the_write_lock(pg_url)
    try:
        code, _, err = viften(
            "import",
            str(interventions_file(tmp_path / "f.csv", "Never", 3)),
            "--db",
            pg_url,
            env={"VIFTEN_LOCK_TIMEOUT": "0.5"},
        )
    finally:
        holder.rollback()
        holder.close()
    assert code == 1
    assert "the database is busy" in err
    assert snapshot(where) == before


def test_a_server_that_is_not_there_is_a_clear_error(postgres_cluster: Cluster) -> None:
    url = postgres_cluster.url("no_such_database")
    code, _, err = viften("list", "--json", "--db", url)
    assert code == 1
    assert err.startswith(f"error: cannot open the database {url}")


def test_the_password_is_not_shown() -> None:
    where = location.PostgresURL("postgresql://anna:secret@db.example:5432/viften")
    assert "secret" not in str(where) and "secret" not in repr(where)
    assert where.url.endswith("@db.example:5432/viften")
    assert where == location.PostgresURL(where.url)


def test_a_backup_of_postgresql_points_to_pg_dump(pg_url: str, tmp_path: Path) -> None:
    code, _, err = viften("backup", "--out", str(tmp_path / "copy.duckdb"), "--db", pg_url)
    assert code == 2
    assert "pg_dump" in err
    assert not (tmp_path / "copy.duckdb").exists()


def test_sql_placeholders_are_translated() -> None:
    assert postgres.translate("SELECT ? || '%', $1, '?'", ["a"]) == (
        "SELECT %s || '%%', %s, '?'",
        ["a", "a"],
    )
    assert postgres.translate("SELECT $year::DOUBLE FROM temp.t", {"year": 1}) == (
        "SELECT %(year)s::DOUBLE PRECISION FROM pg_temp.t",
        {"year": 1},
    )
    assert postgres.translate("SELECT strftime(x, '%Y') FROM t", None)[0] == (
        "SELECT strftime(x, '%Y') FROM t"
    )


def test_a_second_session_editing_the_same_row_waits_then_gets_the_conflict_message(
    pg_url: str,
) -> None:
    from viften.actions import database, editing
    from viften.actions.access import EDITOR, Actor
    from viften.store import interventions as store
    from viften.store.interventions import ConflictError

    where = location.PostgresURL(pg_url)
    database.ensure(where)
    with db.connect(where) as con:
        year = store.newest_year(con)
        assert year is not None
        row = editing.stored_identities(con, year)[0]
    holding, release = threading.Event(), threading.Event()
    outcome: list[BaseException | None] = []

    def first_session() -> None:
        with database.write(where) as con:
            store.update_intervention(
                con, "Anna", row.id, row.version, {"price_per_participant": 111.0}
            )
            holding.set()
            release.wait(60)

    def second_session() -> None:
        plan = editing.EditPlan(updates=[(row, {"price_per_participant": 222.0})])
        try:
            editing.apply_plan(where, Actor("Edith", EDITOR), plan)
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    first = threading.Thread(target=first_session)
    first.start()
    assert holding.wait(60)
    second = threading.Thread(target=second_session)
    second.start()
    try:
        while not _waiting(pg_url):  # the second session waits for its turn
            assert second.is_alive()
    finally:
        release.set()
        first.join(60)
        second.join(60)
    assert isinstance(outcome[0], ConflictError)
    assert "was changed by Anna after you opened it" in str(outcome[0])
    with db.connect(where) as con:
        saved = {r["name"]: r for r in store.stored_rows(con, year)}[row.name]
    assert saved["price_per_participant"] == 111.0


def test_a_bad_outcome_file_on_postgresql_writes_nothing(
    pg_url: str, tmp_path: Path, snapshot: Any
) -> None:
    where = location.PostgresURL(pg_url)
    good = interventions_file(tmp_path / "good.csv", "Mentor", 3)
    assert viften("import", str(good), "--db", pg_url)[0] == 0
    assert (
        viften("outcomes", "import", str(outcomes_file(tmp_path / "ok.csv")), "--db", pg_url)[0]
        == 0
    )
    before = snapshot(where)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "intervention,year,group,employed,person_id\n"
        "Mentor 1,2026,treatment,1,A\nUkendt,2026,treatment,1,B\nMentor 1,2026,sometimes,1,C\n",
        "utf-8",
    )
    code, _, err = viften("outcomes", "import", str(bad), "--db", pg_url)
    assert code == 2
    assert "row 3" in err and "row 4" in err
    assert snapshot(where) == before
