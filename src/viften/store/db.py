"""The one place that opens the database.

DuckDB lets one process at a time hold a database file, so nothing here keeps a
connection open for the life of a process: every piece of work opens the file,
does its work in one transaction and closes it again. A process that finds the
file held by another waits for its turn (up to VIFTEN_LOCK_TIMEOUT seconds,
default 30) and then gives up with a message that names the holder. Inside one
process DuckDB shares the open database between connections, so threads (the
app's sessions) each get their own connection to the same instance.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard, cast

import duckdb

from viften.model.errors import BadInput
from viften.store.location import DatabaseBusy, PostgresURL, StoreError, lock_timeout

if TYPE_CHECKING:  # the driver is imported only when a PostgreSQL store is opened
    from viften.store import postgres

SCHEMA_VERSION = 3
"""The version of the schema this code writes, kept in the table `schema_version`.

A database from before versions were stored (it has `interventions` but no
`schema_version`) is version 1. `migrate` brings an older database up to this version,
once, in one transaction; a database from a newer viften is refused, never guessed at.
"""

_INTERVENTIONS_V1_COLUMNS = """
        id BIGINT PRIMARY KEY DEFAULT nextval('intervention_ids'),
        name VARCHAR NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        target_group VARCHAR NOT NULL CHECK (target_group IN ('closer', 'further', 'cross')),
        provider VARCHAR,
        provider_type VARCHAR CHECK (provider_type IN ('internal', 'external')),
        price_per_participant DOUBLE NOT NULL CHECK (price_per_participant >= 0),
        capacity BIGINT CHECK (capacity >= 0),
        participants BIGINT CHECK (participants >= 0),
        job_rate DOUBLE NOT NULL CHECK (job_rate BETWEEN 0 AND 1),
        control_job_rate DOUBLE CHECK (control_job_rate BETWEEN 0 AND 1),
        evidence_stars INTEGER NOT NULL CHECK (evidence_stars BETWEEN 1 AND 3),
        effect_rating VARCHAR CHECK (effect_rating IN ('high', 'medium', 'low')),
        duration_weeks DOUBLE CHECK (duration_weeks > 0),
        description VARCHAR,
        source VARCHAR,"""

_ROW_BOOKKEEPING = """
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
        updated_by VARCHAR,"""

_MUNICIPALITY_COLUMNS = """
        municipality VARCHAR NOT NULL DEFAULT '' CHECK (length(municipality) <= 200),
        kind VARCHAR CHECK (length(kind) <= 200),"""
"""The columns of version 3 (issue 14): an intervention belongs to a municipality and may
name its kind; "" is the database's own municipality where the setting is unset."""

_V1_COLUMN_NAMES = (
    "id",
    "name",
    "year",
    "target_group",
    "provider",
    "provider_type",
    "price_per_participant",
    "capacity",
    "participants",
    "job_rate",
    "control_job_rate",
    "evidence_stars",
    "effect_rating",
    "duration_weeks",
    "description",
    "source",
    "version",
    "updated_at",
    "updated_by",
)

BENEFIT_KEYS = (
    "kontanthjaelp",
    "uddannelseshjaelp",
    "sygedagpenge",
    "dagpenge",
    "ressourceforloeb",
    "foertidspension",
)
"""`model.assumptions.BENEFITS` as version 2 of the schema knows them (a test holds them
equal): a migration is a fixed step, so it does not follow later changes of the model."""
_BENEFIT_KEYS = ", ".join(f"'{key}'" for key in BENEFIT_KEYS)

_CASE_COLUMNS = f"""
        benefit VARCHAR CHECK (benefit IN ({_BENEFIT_KEYS})),
        weeks_on_benefit INTEGER CHECK (weeks_on_benefit >= 0),
        persistence DOUBLE CHECK (persistence BETWEEN 0 AND 1),
        mandatory BOOLEAN NOT NULL DEFAULT false,"""
"""The columns of version 2: what the budget case and the allocator's mandatory rule read."""


def _interventions_table(name: str, version: int) -> str:
    columns = (
        _INTERVENTIONS_V1_COLUMNS
        + (_CASE_COLUMNS if version >= 2 else "")
        + (_MUNICIPALITY_COLUMNS if version >= 3 else "")
        + _ROW_BOOKKEEPING
    )
    unique = "UNIQUE (municipality, name, year)" if version >= 3 else "UNIQUE (name, year)"
    return f"CREATE TABLE IF NOT EXISTS {name} ({columns}\n        {unique}\n    )"


def _history_table(name: str, version: int) -> str:
    actions = "'insert', 'update', 'delete', 'restore'" + (", 'revert'" if version >= 3 else "")
    later = (
        """,
        municipality VARCHAR,
        import_id BIGINT"""
        if version >= 3
        else ""
    )
    return f"""
    CREATE TABLE IF NOT EXISTS {name} (
        "at" TIMESTAMP NOT NULL,
        seq BIGINT NOT NULL,
        "user" VARCHAR NOT NULL,
        action VARCHAR NOT NULL CHECK (action IN ({actions})),
        intervention_id BIGINT,
        name VARCHAR NOT NULL,
        year INTEGER NOT NULL,
        field VARCHAR,
        old VARCHAR,
        new VARCHAR{later}
    )
    """


def _outcomes_table(name: str, version: int) -> str:
    later = (
        ",\n        municipality VARCHAR NOT NULL DEFAULT '',\n        import_id BIGINT"
        if version >= 3
        else ""
    )
    return f"""
    CREATE TABLE IF NOT EXISTS {name} (
        intervention VARCHAR NOT NULL,
        year INTEGER NOT NULL,
        treatment BOOLEAN NOT NULL,
        employed BOOLEAN NOT NULL,
        person_id VARCHAR{later}
    )
    """


HISTORY_FIELDS = '"at", seq, "user", action, intervention_id, name, year, field, old, new'
"""The history's columns of version 2, by name: an INSERT that names its columns does not
depend on their order, and leaves the later ones (municipality, import_id) to their
defaults."""

_VERSION_3_TABLES = (
    "CREATE SEQUENCE IF NOT EXISTS import_ids START 1",
    """
    CREATE TABLE IF NOT EXISTS imports (
        id BIGINT PRIMARY KEY DEFAULT nextval('import_ids'),
        "at" TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
        "user" VARCHAR NOT NULL,
        what VARCHAR NOT NULL CHECK (what IN ('interventions', 'outcomes')),
        file_name VARCHAR,
        rows BIGINT NOT NULL DEFAULT 0 CHECK (rows >= 0),
        reverted_at TIMESTAMP,
        reverted_by VARCHAR
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS users (
        name VARCHAR PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
        role VARCHAR NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        password_hash VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
        failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
        locked_until TIMESTAMP
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS outcomes_replaced (
        import_id BIGINT NOT NULL,
        intervention VARCHAR NOT NULL,
        year INTEGER NOT NULL,
        treatment BOOLEAN NOT NULL,
        employed BOOLEAN NOT NULL,
        person_id VARCHAR,
        municipality VARCHAR NOT NULL DEFAULT '',
        original_import_id BIGINT
    )
    """,
    "CREATE SEQUENCE IF NOT EXISTS investment_case_ids START 1",
    """
    CREATE TABLE IF NOT EXISTS investment_cases (
        id BIGINT PRIMARY KEY DEFAULT nextval('investment_case_ids'),
        municipality VARCHAR NOT NULL DEFAULT '',
        name VARCHAR NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        status VARCHAR NOT NULL DEFAULT 'idea'
            CHECK (status IN ('idea', 'decided', 'running', 'closed')),
        start_year INTEGER CHECK (start_year BETWEEN 2000 AND 2100),
        contract JSON NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
        updated_by VARCHAR,
        UNIQUE (municipality, name)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS investment_results (
        case_id BIGINT NOT NULL,
        outcome VARCHAR NOT NULL,
        follow_up DATE NOT NULL,
        citizens BIGINT NOT NULL CHECK (citizens >= 0),
        reached BIGINT NOT NULL CHECK (reached >= 0),
        entered_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
        entered_by VARCHAR,
        PRIMARY KEY (case_id, outcome, follow_up)
    )
    """,
    "CREATE SEQUENCE IF NOT EXISTS investment_history_seq START 1",
    """
    CREATE TABLE IF NOT EXISTS investment_history (
        "at" TIMESTAMP NOT NULL,
        seq BIGINT NOT NULL,
        "user" VARCHAR NOT NULL,
        action VARCHAR NOT NULL
            CHECK (action IN ('insert', 'update', 'delete', 'restore', 'result')),
        case_id BIGINT,
        name VARCHAR NOT NULL,
        field VARCHAR,
        old VARCHAR,
        new VARCHAR
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS pools (
        name VARCHAR PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
        size DOUBLE NOT NULL CHECK (size >= 0),
        updated_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
        updated_by VARCHAR
    )
    """,
)
"""New in version 3: the imports (issue 12: every change carries the import it came from;
the outcome records an import replaced are kept with its id, so that it can be undone),
the accounts (issue 12), and the social investments (issue 13: a case's contract is the
JSON document `invest` reads; results are entered per outcome and follow-up date)."""


_ASSUMPTIONS_TABLE = """
    CREATE TABLE IF NOT EXISTS assumptions (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        "values" JSON NOT NULL,
        updated_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
        updated_by VARCHAR
    )
"""
"""A fan year's assumptions of the budget case (`viften.store.assumptions`)."""


def schema_statements(version: int = SCHEMA_VERSION) -> tuple[str, ...]:
    """The statements that create an empty database of `version` (1 only for tests of
    the migration)."""
    return (
        "CREATE SEQUENCE IF NOT EXISTS intervention_ids START 1",
        _interventions_table("interventions", version),
        _history_table("history", version),
        "CREATE SEQUENCE IF NOT EXISTS history_seq START 1",
        _outcomes_table("outcomes", version),
        """
    CREATE TABLE IF NOT EXISTS scenarios (
        name VARCHAR NOT NULL,
        year INTEGER NOT NULL,
        created_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
        created_by VARCHAR,
        settings JSON,
        allocation JSON NOT NULL,
        PRIMARY KEY (name, year)
    )
    """,
        """
    CREATE TABLE IF NOT EXISTS settings (
        key VARCHAR PRIMARY KEY,
        value VARCHAR
    )
    """,
        *((_ASSUMPTIONS_TABLE,) if version >= 2 else ()),
        *(_VERSION_3_TABLES if version >= 3 else ()),
    )


SCHEMA: tuple[str, ...] = schema_statements()


def _to_version_2(con: duckdb.DuckDBPyConnection) -> None:
    """1 → 2: the interventions gain benefit, weeks_on_benefit, persistence and mandatory
    (DuckDB adds no column with a CHECK, so the table is rebuilt), and the table of
    stored assumptions appears."""
    kept = ", ".join(_V1_COLUMN_NAMES)
    con.execute(_interventions_table("interventions_v2", 2))
    con.execute(
        f"INSERT INTO interventions_v2 ({kept}) "  # noqa: S608 - constant names
        f"SELECT {kept} FROM interventions"
    )
    con.execute("DROP TABLE interventions")
    con.execute("ALTER TABLE interventions_v2 RENAME TO interventions")
    con.execute(_ASSUMPTIONS_TABLE)


_V2_COLUMN_NAMES = (
    *_V1_COLUMN_NAMES,
    "benefit",
    "weeks_on_benefit",
    "persistence",
    "mandatory",
)
_V2_OUTCOMES_COLUMNS = "intervention, year, treatment, employed, person_id"


def _rebuild(
    con: duckdb.DuckDBPyConnection, table: str, create: str, kept: str, filled: dict[str, str]
) -> None:
    """Move `table` into the shape `create` makes under the name `{table}_next`, keeping the
    columns `kept` and filling each new column of `filled` with its SQL expression."""
    con.execute(create)
    targets = ", ".join((kept, *filled))
    sources = ", ".join((kept, *filled.values()))
    con.execute(
        f"INSERT INTO {table}_next ({targets}) "  # noqa: S608 - constant names
        f"SELECT {sources} FROM {table}"
    )
    con.execute(f"DROP TABLE {table}")
    con.execute(f"ALTER TABLE {table}_next RENAME TO {table}")


def _to_version_3(con: duckdb.DuckDBPyConnection) -> None:
    """2 → 3: interventions, history and outcomes gain their municipality (the database's
    own, from the setting, for every row there is) and interventions their kind; the
    history gains the import a change came from and the action `revert`; the imports,
    users and social-investment tables appear."""
    own = "COALESCE((SELECT value FROM settings WHERE key = 'municipality'), '')"
    _rebuild(
        con,
        "interventions",
        _interventions_table("interventions_next", 3),
        ", ".join(_V2_COLUMN_NAMES),
        {"municipality": own},
    )
    _rebuild(
        con,
        "history",
        _history_table("history_next", 3),
        HISTORY_FIELDS,
        {"municipality": own},
    )
    _rebuild(
        con,
        "outcomes",
        _outcomes_table("outcomes_next", 3),
        _V2_OUTCOMES_COLUMNS,
        {"municipality": own},
    )
    for statement in _VERSION_3_TABLES:
        con.execute(statement)


MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    1: _to_version_2,
    2: _to_version_3,
}
"""From each version to the next: MIGRATIONS[v] turns version v into v + 1."""


_LOCK_MESSAGE = re.compile(r"lock", re.IGNORECASE)
_HOLDER = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")


def _holder(message: str) -> str:
    found = _HOLDER.search(message)
    if not found:
        return "another program"
    return f"{found.group(1)} (process {found.group(2)})"


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + lock_timeout()
    pause = 0.02
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as error:
            message = str(error)
            if not _LOCK_MESSAGE.search(message):
                raise StoreError(f"cannot open the database {path}: {message}") from error
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    f"the database {path} is held by {_holder(message)}; "
                    f"waited {lock_timeout():.0f} s for it. Close that program or try again."
                ) from error
            time.sleep(pause)
            pause = min(pause * 1.5, 0.25)
        except duckdb.Error as error:
            raise StoreError(f"cannot open the database {path}: {error}") from error


def create_schema(con: duckdb.DuckDBPyConnection, version: int = SCHEMA_VERSION) -> None:
    """The tables of a new database, marked with their version (an older one is brought up
    to date by `upgrade`, never by this)."""
    for statement in schema_statements(version):
        con.execute(statement)
    _mark_version(con, version)


def _mark_version(con: duckdb.DuckDBPyConnection, version: int) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (?)", [version])


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version of the open database: 1 for one from before versions were
    stored, None for an empty file."""
    tables = {
        row[0]
        for row in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main' AND table_name IN ('schema_version', 'interventions')"
        ).fetchall()
    }
    if "schema_version" in tables:
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else None
    return 1 if "interventions" in tables else None


class NewerSchema(StoreError):
    """A database written by a newer viften than this one."""


def upgrade(con: duckdb.DuckDBPyConnection) -> bool:
    """Bring the open database to SCHEMA_VERSION inside the caller's transaction; True when
    something was changed. A database from a newer viften raises `NewerSchema`."""
    version = stored_version(con)
    if version == SCHEMA_VERSION:
        return False
    if version is None:
        create_schema(con)
        return True
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"the database has schema version {version}, made by a newer viften; this one "
            f"knows versions up to {SCHEMA_VERSION}: update viften before opening it "
            "(nothing was changed)"
        )
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](con)
        version += 1
    create_schema(con)  # anything new and empty (CREATE ... IF NOT EXISTS), and the mark
    return True


def migrate(path: Path) -> bool:
    """Bring the database at `path` up to SCHEMA_VERSION, all of it or nothing; True when it
    was changed. Cheap when it is up to date: one look at its version."""
    if isinstance(path, PostgresURL):
        return _prepare_postgres(path, None)
    con = _open(_existing(path))
    try:
        if stored_version(con) == SCHEMA_VERSION:
            return False
        con.execute("BEGIN TRANSACTION")
        try:
            changed = upgrade(con)
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        return changed
    finally:
        con.close()


def build_new_database(
    path: Path, fill: Callable[[duckdb.DuckDBPyConnection], None], *, replace: bool = False
) -> None:
    """Create the database at `path`: the schema, then `fill` (in one transaction).

    It is built under a temporary name and moved into place in one step, so a killed
    process or a racing one never leaves a half-built file behind. Without `replace` a
    database that another process put there first is left as it is.

    A PostgreSQL database gets the schema and `fill` in one transaction when it is empty;
    one with a viften schema is left as it is, and `replace` is refused.
    """
    if isinstance(path, PostgresURL):
        if replace:
            raise StoreError(
                f"a new database in place of {path} is not made here: drop and create the "
                "PostgreSQL database (dropdb, createdb), and viften fills it when it opens it"
            )
        _prepare_postgres(path, fill)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.building")
    for leftover in (temporary, Path(f"{temporary}.wal")):
        leftover.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(temporary))
        try:
            create_schema(con)
            con.execute("BEGIN")
            fill(con)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        if replace:
            _replace_held_file(path, temporary)
        else:
            _put_in_place_unless_there(temporary, path)
    finally:
        for leftover in (temporary, Path(f"{temporary}.wal")):
            leftover.unlink(missing_ok=True)


def _put_in_place_unless_there(new_file: Path, path: Path) -> None:
    """Move a new database into place in one step, unless another process got there first.

    A hard link fails when the name exists, in one step; checking first and then
    replacing would let a slower process swap its empty demo database over one that a
    faster process has already written to.
    """
    try:
        os.link(new_file, path)
    except FileExistsError:
        return
    except OSError:
        # a file system without hard links: the best we can do is check, then move
        if not path.exists():
            os.replace(new_file, path)


def _replace_held_file(path: Path, new_file: Path) -> None:
    """Swap in a new database file, waiting until no other process holds the old one."""
    if path.exists():
        _open(path).close()
    Path(f"{path}.wal").unlink(missing_ok=True)
    os.replace(new_file, path)


def _existing(path: Path) -> Path:
    """Opening a missing file would create an empty one: `viften.actions.database.ensure`
    creates a new database (with the demo data) instead."""
    if not path.exists():
        raise StoreError(
            f"the database {path} does not exist; create it with `python -m viften init`"
        )
    return path


# --- PostgreSQL (issue 15): `--db postgresql://…` ---------------------------------------------


def _postgres() -> Any:
    """`viften.store.postgres`, imported on the first PostgreSQL store opened: a DuckDB file
    never pays for the driver."""
    from viften.store import postgres

    return postgres


def is_postgres(con: object) -> TypeGuard[postgres.Connection]:
    """Whether `con` is a PostgreSQL store's connection (never, while none was opened)."""
    module = sys.modules.get("viften.store.postgres")
    return module is not None and isinstance(con, module.Connection)


def as_duckdb(con: postgres.Connection) -> duckdb.DuckDBPyConnection:
    """A PostgreSQL store's connection where the store's functions take DuckDB's: it
    speaks the part of DuckDB's interface they use."""
    return cast("duckdb.DuckDBPyConnection", con)


WRITE_LOCK = 7_415_092_015
"""The advisory lock every write to a PostgreSQL database takes first: writes take turns, as
they do on a DuckDB file that one process at a time holds."""


def open_postgres(location: PostgresURL) -> postgres.Connection:
    """A connection of its own (outside the pool that `connect` and `transaction` borrow
    from), in autocommit mode; its holder closes it. A lock is waited for up to
    VIFTEN_LOCK_TIMEOUT seconds."""
    return _postgres().connect(location)


@contextmanager
def _postgres_transaction(location: PostgresURL) -> Iterator[postgres.Connection]:
    """One transaction: all of the block is written, or none of it; then the write counter
    that `data_version` reads moves on.

    It waits for the write lock first, and then (READ COMMITTED) sees what every write
    before it committed.
    """
    with _postgres().borrowed(location) as con:
        con.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        try:
            con.execute("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK])
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        con.execute("SELECT nextval('viften_writes')")


@contextmanager
def postgres_creation(location: PostgresURL) -> Iterator[tuple[postgres.Connection, int | None]]:
    """The database and its schema version, under the write lock, so that two processes that
    create it at once take turns: the block creates what is missing."""
    with _postgres_transaction(location) as con:
        yield con, _postgres().stored_version(con)


def _prepare_postgres(
    location: PostgresURL, fill: Callable[[duckdb.DuckDBPyConnection], None] | None
) -> bool:
    """An empty PostgreSQL database gets the schema of SCHEMA_VERSION (and `fill`'s data);
    True when it did. Older versions are the DuckDB files' history: PostgreSQL starts at 3."""
    with postgres_creation(location) as (con, version):
        if version == SCHEMA_VERSION:
            return False
        if version is None:
            _postgres().create_schema(con, SCHEMA, SCHEMA_VERSION)
            if fill is not None:
                fill(as_duckdb(con))
            return True
        if version > SCHEMA_VERSION:
            raise NewerSchema(
                f"the database has schema version {version}, made by a newer viften; this one "
                f"knows versions up to {SCHEMA_VERSION}: update viften before opening it "
                "(nothing was changed)"
            )
        raise StoreError(
            f"the database {location} has schema version {version}; a PostgreSQL store starts "
            f"at version {SCHEMA_VERSION} (nothing was changed)"
        )


@contextmanager
def connect(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection for reading, closed again when the block ends."""
    if isinstance(path, PostgresURL):
        with _postgres().borrowed(path) as pg:
            yield as_duckdb(pg)
        return
    with closing(_open(_existing(path))) as con:
        yield con


@contextmanager
def transaction(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection inside one transaction: all of the block is written, or none of it.

    Only `viften.actions` writes: it holds the role check and turns DuckDB's errors into
    the project's own.
    """
    if isinstance(path, PostgresURL):
        with _postgres_transaction(path) as pg:
            yield as_duckdb(pg)
        return
    con = _open(_existing(path))
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            upgrade(con)
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    finally:
        con.close()


def records(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The rows of the query just run on `cursor`, each as a dict by column name."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def newest_first(
    con: duckdb.DuckDBPyConnection, query: str, limit: int | None
) -> list[dict[str, Any]]:
    """The records of a trail's `query` (ordered newest first), at most `limit` of them."""
    if limit is None:
        return records(con.execute(query))
    return records(con.execute(f"{query} LIMIT ?", [limit]))


def data_version(path: Path) -> tuple[int, int, int, int]:
    """Changes whenever a write reaches the file: a cheap key for caches."""
    if isinstance(path, PostgresURL):
        with _postgres().borrowed(path) as con:  # the count of committed writes
            row = con.execute("SELECT last_value, is_called FROM viften_writes").fetchone()
        assert row is not None
        return (int(row[0]) if row[1] else 0, 0, 0, 0)
    stats: list[int] = []
    for candidate in (path, Path(f"{path}.wal")):
        try:
            stat = candidate.stat()
            stats.extend((stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            stats.extend((0, 0))
    return (stats[0], stats[1], stats[2], stats[3])


# --- backup and restore (issue 12) ---------------------------------------------------------


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _no_file_copies(path: Path) -> None:
    if isinstance(path, PostgresURL):
        raise BadInput(
            f"{path} is a PostgreSQL database: back it up with pg_dump and restore it with "
            "pg_restore (README, 'PostgreSQL and several app servers')"
        )


def backup(path: Path, target: Path) -> None:
    """A consistent copy of the whole database at `target`, also while others write.

    `COPY FROM DATABASE` reads one snapshot (what was committed when it began: a write in
    progress in another session is in the copy entirely or not at all), into a new file that
    is moved into place when it is complete, so `target` is never half written.
    """
    _no_file_copies(path)
    target = target.resolve()
    if target == path.resolve():
        raise BadInput("the backup would overwrite the database itself; choose another file")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.partial")
    alias = f"viften_backup_{os.getpid()}_{threading.get_ident()}"
    for leftover in (partial, Path(f"{partial}.wal")):
        leftover.unlink(missing_ok=True)
    try:
        con = _open(_existing(path))
        try:
            row = con.execute("SELECT current_database()").fetchone()
            assert row is not None
            con.execute(f"ATTACH {_sql_text(str(partial))} AS {alias}")
            try:
                con.execute(f"COPY FROM DATABASE {_sql_name(str(row[0]))} TO {alias}")
            finally:
                con.execute(f"DETACH {alias}")
        finally:
            con.close()
        os.replace(partial, target)
    finally:
        for leftover in (partial, Path(f"{partial}.wal")):
            leftover.unlink(missing_ok=True)


def restore(path: Path, source: Path) -> int:
    """Replace the database at `path` with the backup `source`, all or nothing; returns the
    backup's schema version as it was (an older one is brought up to date first).

    The backup is checked and migrated in a copy under a temporary name, then swapped in
    place in one step; a file that is not a viften database leaves `path` untouched.
    """
    _no_file_copies(path)
    if not source.is_file():
        raise BadInput(f"there is no file {source}")
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.restoring")
    leftovers = (staged, Path(f"{staged}.wal"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        shutil.copyfile(source, staged)
        if Path(f"{source}.wal").is_file():
            shutil.copyfile(f"{source}.wal", f"{staged}.wal")
        try:
            con = duckdb.connect(str(staged))
        except duckdb.Error as error:
            raise BadInput(
                f"{source.name} is not a viften database: DuckDB cannot read it as one"
            ) from error
        try:
            version = stored_version(con)
            if version is None:
                raise BadInput(f"{source.name} is not a viften database (it has no interventions)")
            if version > SCHEMA_VERSION:
                raise BadInput(
                    f"{source.name} has schema version {version}, made by a newer viften; this "
                    f"one reads versions up to {SCHEMA_VERSION}"
                )
            con.execute("BEGIN TRANSACTION")
            try:
                upgrade(con)
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        Path(f"{staged}.wal").unlink(missing_ok=True)
        _replace_held_file(path, staged)
        return version
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
