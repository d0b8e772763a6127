"""The connections of the PostgreSQL store (issue 15): a process borrows them from one pool
per database instead of connecting for every read, and gets a clear message, never a raw
driver error, when the pool cannot give one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from viften.store import db, location, postgres


@pytest.fixture
def backend() -> str:
    return "postgres"


@pytest.fixture
def store(empty_db: Path) -> Iterator[location.PostgresURL]:
    assert isinstance(empty_db, location.PostgresURL)
    postgres.close_pools()
    yield empty_db
    postgres.close_pools()


def _server_process(where: location.PostgresURL) -> int:
    with db.connect(where) as con:
        row = con.execute("SELECT pg_backend_pid()").fetchone()
    assert row is not None
    return int(row[0])


def test_reads_and_writes_one_after_another_share_one_server_connection(
    store: location.PostgresURL,
) -> None:
    first = _server_process(store)
    db.data_version(store)
    with db.transaction(store) as con:
        con.execute("INSERT INTO settings (key, value) VALUES (?, ?)", ["municipality", "Aarhus"])
    assert _server_process(store) == first


def test_a_connection_the_server_dropped_is_replaced_without_an_error(
    store: location.PostgresURL,
) -> None:
    before = db.data_version(store)
    first = _server_process(store)
    with psycopg.connect(store.url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [first])
    assert _server_process(store) != first
    assert db.data_version(store) == before


def test_a_write_that_failed_leaves_its_connection_clean_for_the_next_reader(
    store: location.PostgresURL,
) -> None:
    before = db.data_version(store)
    with pytest.raises(location.StoreError), db.transaction(store) as con:
        con.execute("INSERT INTO settings (key, value) VALUES (?, ?)", ["municipality", "Aarhus"])
        con.execute("SELECT no_such_column FROM settings")
    with postgres.borrowed(store) as con:
        assert con.raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        assert con.execute("SELECT count(*) FROM settings").fetchone() == (0,)
    assert db.data_version(store) == before  # the failed write did not count


def test_a_pool_in_use_to_the_last_connection_says_the_database_is_busy(
    store: location.PostgresURL, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "POOL_SIZE", 1)
    monkeypatch.setattr(postgres, "POOL_WAIT", 0.2)
    with db.connect(store), pytest.raises(location.DatabaseBusy) as busy, db.connect(store):
        pass
    assert "all 1 of this program's connections" in str(busy.value)
    assert _server_process(store)  # and once the first is back, the next gets it


def test_a_database_that_went_away_is_told_in_the_servers_own_words(
    store: location.PostgresURL, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "POOL_WAIT", 0.5)
    _server_process(store)  # the pool exists and holds a connection
    name = store.url.rsplit("/", 1)[1]
    with psycopg.connect(store.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    with pytest.raises(location.StoreError) as error:
        db.data_version(store)
    assert str(error.value).startswith(f"cannot open the database {store}: ")
    assert "does not exist" in str(error.value)


def test_the_pools_kept_are_bounded(
    store: location.PostgresURL, postgres_cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "POOLS_KEPT", 2)
    others = [location.PostgresURL(postgres_cluster.fresh_database()) for _ in range(3)]
    for other in others:
        with db.connect(other) as con:
            con.execute("SELECT 1").fetchall()
    assert len(postgres._pools) == 2
