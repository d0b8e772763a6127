"""The database's life: creating and seeding it, and the one way to write to it.

`write` is the only transaction outside the store's own module: every action opens it,
after its role check, and gets back the project's own errors instead of DuckDB's. A
database that does not exist yet is created with the bundled demo data the first time
something needs it (`ensure`); the demo data go in the way a user's files do (the
importer's `parse`, then `store.upsert`; `outcomes.import_records`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from viften.files import interventions as importer
from viften.store import db, location, outcomes, paths
from viften.store import interventions as store
from viften.store.db import StoreError
from viften.store.interventions import ConflictError

DEMO_USER = "demodata"
"""The name the demo data carry in the audit trail."""

CONFLICT_MESSAGE = (
    "someone else was changing the same data at the same moment, so nothing of yours was "
    "saved; reload to see their change, then make yours again"
)

_creation_lock = threading.Lock()
_prepared: set[Path] = set()


def seed_demo(con: duckdb.DuckDBPyConnection) -> None:
    """Fill a new database (inside the caller's transaction) with the bundled demo data."""
    parsed = importer.parse(paths.DEMO_INTERVENTIONS.read_bytes(), paths.DEMO_INTERVENTIONS.name)
    store.upsert(con, DEMO_USER, parsed.rows, parsed.columns)
    if paths.DEMO_OUTCOMES.exists():
        outcomes.import_records(con, paths.DEMO_OUTCOMES, DEMO_USER)


def ensure(path: Path) -> Path:
    """`path`, created with the demo data first if it does not exist yet, and brought up to
    the current schema (`db.migrate`, once per process) if it is older."""
    with _creation_lock:
        if path in _prepared and path.exists():
            return path
        if isinstance(path, location.PostgresURL):
            db.build_new_database(path, seed_demo)  # the schema and demo data when empty
        elif not path.exists():
            db.build_new_database(path, seed_demo)
        else:
            db.migrate(path)
        _prepared.add(path)
    return path


def ready(cli_value: str | None = None) -> Path:
    """The database a command or the app works on (`--db`, `$VIFTEN_DB`, the default),
    created with the demo data if it is missing."""
    return ensure(paths.database_path(cli_value))


def chosen(cli_value: str | None = None) -> Path:
    """The database a command works on, as `ready` finds it, for a command that only
    writes: `write` creates it where it is missing and brings it up to date."""
    return paths.database_path(cli_value)


def create(path: Path, *, replace: bool = False) -> None:
    """A new database with the demo data; `replace` swaps it in for an existing one."""
    with _creation_lock:
        _prepared.discard(path)
        db.build_new_database(path, seed_demo, replace=replace)
        _prepared.add(path)


@contextmanager
def write(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction on the database (created first if missing): all of it, or nothing.

    DuckDB's and PostgreSQL's errors leave as the project's own: a write that collides
    with another session's (the same row changed at once) as `ConflictError`, anything else
    the database refuses as `StoreError`, each with a message a user can act on.

    An existing DuckDB file is brought up to the current schema inside this transaction
    (`db.transaction`), not first on a connection of its own: each open costs a few
    hundredths of a second.
    """
    if isinstance(path, location.PostgresURL) or not path.exists():
        ensure(path)
    try:
        with db.transaction(path) as con:
            yield con
    except (duckdb.TransactionException, location.Conflict) as error:
        raise ConflictError(CONFLICT_MESSAGE) from error
    except (duckdb.ConstraintException, location.Refused) as error:
        raise StoreError(
            "the database refused the change, which breaks one of its rules "
            f"({_first_line(error)}); nothing was saved"
        ) from error
    except duckdb.Error as error:
        raise StoreError(
            f"the database refused the work ({_first_line(error)}); nothing was saved"
        ) from error


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
