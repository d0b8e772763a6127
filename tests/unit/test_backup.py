"""`backup` and `restore`: a consistent copy while others write, a restore that is all or
nothing, and a round trip that keeps every table."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb
import pytest

from viften import cli
from viften.actions import backups
from viften.actions.access import Actor, PermissionDenied, command_line_actor
from viften.store import db

OWNER = command_line_actor()


def everything(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the database has (from information_schema)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'main' ORDER BY table_name"
            ).fetchall()
        ]
        return {
            table: sorted(con.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)  # noqa: S608
            for table in tables
        }
    finally:
        con.close()


def test_a_backup_taken_during_a_write_holds_what_was_committed_and_nothing_else(
    db_path: Path, tmp_path: Path
) -> None:
    before = everything(db_path)
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with db.transaction(db_path) as con:
            con.execute("UPDATE interventions SET price_per_participant = 1")
            con.execute("INSERT INTO settings VALUES ('during', 'the backup')")
            holding.set()
            release.wait(60)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(60)
        backups.backup(db_path, OWNER, tmp_path / "kopi.duckdb")
    finally:
        release.set()
        thread.join(60)
    assert everything(tmp_path / "kopi.duckdb") == before
    assert everything(db_path) != before  # the write went through after the backup


def test_a_round_trip_keeps_every_table_and_the_sequences(db_path: Path, tmp_path: Path) -> None:
    with db.transaction(db_path) as con:
        con.execute("INSERT INTO users (name, role, password_hash) VALUES ('a', 'admin', 'h')")
    before = everything(db_path)
    assert len(before) >= 12 and before["interventions"] and before["users"]
    copy = tmp_path / "backup" / "viften-backup.duckdb"
    assert cli.main(["backup", "--out", str(copy), "--db", str(db_path)]) == 0
    with db.transaction(db_path) as con:
        con.execute("DELETE FROM interventions")
        con.execute("DELETE FROM users")
    assert cli.main(["restore", str(copy), "--db", str(db_path)]) == 0
    assert everything(db_path) == before
    with db.transaction(db_path) as con:  # new ids go on after the restored ones
        row = con.execute("SELECT nextval('intervention_ids'), max(id) FROM interventions")
        following, highest = row.fetchone()  # type: ignore[misc]
    assert following > highest


def test_restoring_a_file_that_is_no_viften_database_exits_2_and_changes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = everything(db_path)
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"not a database at all\n" * 400)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    for bad in (garbage, other, tmp_path / "missing.duckdb"):
        assert cli.main(["restore", str(bad), "--db", str(db_path)]) == 2
        said = capsys.readouterr().err
        assert "not a viften database" in said or "there is no file" in said
    assert everything(db_path) == before
    assert not [p for p in db_path.parent.iterdir() if p.name.endswith(".restoring")]


def test_an_older_backup_is_brought_up_to_date_on_its_way_in(db_path: Path, tmp_path: Path) -> None:
    old = tmp_path / "version2.duckdb"
    con = duckdb.connect(str(old))
    try:
        db.create_schema(con, 2)
        con.execute(
            "INSERT INTO interventions (name, year, target_group, price_per_participant, "
            "job_rate, evidence_stars) VALUES ('Gammel', 2024, 'closer', 100, 0.5, 2)"
        )
    finally:
        con.close()
    assert backups.restore(db_path, OWNER, old) == 2
    restored = everything(db_path)
    assert [r[1] for r in restored["interventions"]] == ["Gammel"]
    assert restored["schema_version"] == [(db.SCHEMA_VERSION,)]


def test_only_an_admin_backs_up_or_restores(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        backups.backup(db_path, Actor("Edith", "editor"), tmp_path / "x.duckdb")
    with pytest.raises(PermissionDenied):
        backups.restore(db_path, Actor("Edith", "editor"), tmp_path / "x.duckdb")
