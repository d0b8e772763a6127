"""The PostgreSQL store (issue 15): `--db postgresql://…` in place of a DuckDB file.

The store's modules speak DuckDB's SQL to a DuckDB connection. `Connection` gives them the
part of that connection they use (`execute` with `?`, `$1` or `$name` parameters,
`executemany`, `fetchall`, `fetchone`, `description`, `df`, `fetchnumpy`) on top of a
psycopg 3 connection, and `translate` turns the few DuckDB-only words into PostgreSQL's:
the type `DOUBLE`, the `temp` schema, and the placeholders. The functions DuckDB has and
PostgreSQL lacks (`current_localtimestamp`, `strftime` with the one pattern the store
uses, `any_value`) are created in the database with its schema (`COMPATIBILITY`).

`viften.store.db` opens the connections, as it does DuckDB's. A piece of work is one
connection, borrowed from the process's pool (`borrowed`), and, when it writes, one
transaction that first takes the database's write lock (an advisory lock): writes take turns,
as they do on a DuckDB file that one process at a time holds, and one that waits longer than
VIFTEN_LOCK_TIMEOUT seconds gives up with `DatabaseBusy`. Reads never wait. An edit made on
what a user saw earlier is checked by the rows' version columns as on DuckDB
(`ConflictError`). psycopg's errors leave this module as the store's own (`StoreError` and its
kinds below); no raw driver error reaches a user.
DuckDB stays the engine that reads files and computes: `viften.store.outcomes` checks an
outcome file in an in-memory DuckDB and sends the checked records here with COPY.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import psycopg
import pyarrow as pa
from psycopg import errors as pg_errors
from psycopg.adapt import Loader
from psycopg.types.string import TextLoader
from psycopg_pool import ConnectionPool, PoolTimeout

from viften.store.location import (
    Conflict,
    DatabaseBusy,
    PostgresURL,
    Refused,
    StoreError,
    lock_timeout,
)

# --- SQL: DuckDB's words in PostgreSQL's ---------------------------------------------------

_TOKENS = re.compile(
    r"""(?P<text>'(?:[^']|'')*')|(?P<name>"(?:[^"]|"")*")|(?P<comment>--[^\n]*)"""
    r"""|(?P<numbered>\$\d+)|(?P<named>\$[A-Za-z_]\w*)|(?P<mark>\?)|(?P<percent>%)"""
    r"""|(?P<double>\bDOUBLE\b(?!\s+PRECISION))|(?P<temp>\btemp\.)""",
    re.IGNORECASE,
)


_WORDS = re.compile(
    r"""(?P<text>'(?:[^']|'')*')|(?P<name>"(?:[^"]|"")*")|(?P<comment>--[^\n]*)"""
    r"""|(?P<double>\bDOUBLE\b(?!\s+PRECISION))|(?P<temp>\btemp\.)""",
    re.IGNORECASE,
)
"""Without parameters psycopg reads no placeholders: only the words change."""
_WORD_FOR = {"double": "DOUBLE PRECISION", "temp": "pg_temp."}


def translate(sql: str, params: Any = None) -> tuple[str, Any]:
    """`sql` with psycopg's placeholders and PostgreSQL's words, and the parameters in the
    order (or by the names) those placeholders take them."""
    if params is None:
        return _WORDS.sub(
            lambda found: _WORD_FOR.get(found.lastgroup or "", found.group()), sql
        ), None
    positional = params if isinstance(params, Sequence) and not isinstance(params, str) else None
    ordered: list[Any] = []
    at = 0

    def replace(found: re.Match[str]) -> str:
        nonlocal at
        kind = found.lastgroup
        token = found.group()
        if kind in ("text", "name", "comment"):
            return token.replace("%", "%%")
        if kind == "percent":
            return "%%"
        if kind == "double":
            return "DOUBLE PRECISION"
        if kind == "temp":
            return "pg_temp."
        if kind == "mark":
            assert positional is not None, "a ? needs positional parameters"
            ordered.append(positional[at])
            at += 1
            return "%s"
        if kind == "numbered":
            assert positional is not None, "a $1 needs positional parameters"
            ordered.append(positional[int(token[1:]) - 1])
            return "%s"
        return f"%({token[1:]})s"

    translated = _TOKENS.sub(replace, sql)
    if positional is not None:
        return translated, ordered
    return translated, params


COMPATIBILITY = (
    """CREATE OR REPLACE FUNCTION current_localtimestamp() RETURNS timestamp
       LANGUAGE sql STABLE AS 'SELECT localtimestamp'""",
    """CREATE OR REPLACE FUNCTION strftime(moment timestamp, pattern text) RETURNS text
       LANGUAGE sql IMMUTABLE AS $$
       SELECT to_char(moment, replace(replace(replace(replace(replace(replace(replace(
           pattern, 'T', '"T"'), '%Y', 'YYYY'), '%m', 'MM'), '%d', 'DD'), '%H', 'HH24'),
           '%M', 'MI'), '%S', 'SS'))
       $$""",
    """CREATE OR REPLACE FUNCTION viften_any_value(kept anyelement, next anyelement)
       RETURNS anyelement LANGUAGE sql IMMUTABLE AS 'SELECT coalesce(kept, next)'""",
    """CREATE OR REPLACE AGGREGATE any_value(anyelement)
       (SFUNC = viften_any_value, STYPE = anyelement)""",
    "CREATE SEQUENCE IF NOT EXISTS viften_writes START 1",
)
"""DuckDB's functions the store uses, made in PostgreSQL (PostgreSQL 16 has `any_value` of its
own, which wins), and the counter of writes that `data_version` reads."""


# --- values: what DuckDB would have returned ------------------------------------------------


class _Number(Loader):
    """NUMERIC (PostgreSQL's sum of integers) as DuckDB gives it: an int when whole."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        try:
            return int(text)
        except ValueError:
            return float(text)


_ARROW_TYPES = {
    "int2": pa.int16(),
    "int4": pa.int32(),
    "int8": pa.int64(),
    "float4": pa.float32(),
    "float8": pa.float64(),
    "numeric": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
    "timestamptz": pa.timestamp("us", tz="UTC"),
}


def prepare(raw: psycopg.Connection[Any], lock_ms: int) -> None:
    """Set up a new server connection once, for every piece of work it will do: values read
    as DuckDB gives them, DuckDB's clock, and how long a lock is waited for."""
    for name in ("json", "jsonb"):  # as text, the way DuckDB returns it
        raw.adapters.register_loader(name, TextLoader)
    raw.adapters.register_loader("numeric", _Number)
    # DuckDB's current_localtimestamp() is this machine's local time, as Python's
    # datetime.now() that the store also writes: the session keeps the same clock
    offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    raw.execute(f"SET TIME ZONE INTERVAL '{sign}{hours:02d}:{rest:02d}' HOUR TO MINUTE")
    raw.execute(f"SET lock_timeout = {int(lock_ms)}")


class Connection:
    """A psycopg connection that answers like the DuckDB connection the store was written for."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw
        self._cursor: psycopg.Cursor[Any] = raw.cursor()

    def execute(self, sql: str, params: Any = None) -> Connection:
        query, values = translate(sql, params)
        with refused():
            self._cursor.execute(query, values if params is not None else None)
        return self

    def executemany(self, sql: str, rows: Iterable[Any]) -> Connection:
        rows = list(rows)
        if rows:
            query = translate(sql, rows[0])[0]
            with refused():
                self._cursor.executemany(query, [translate(sql, row)[1] for row in rows])
        return self

    @property
    def description(self) -> list[tuple[Any, ...]]:
        return [(column.name, column.type_code) for column in self._cursor.description or ()]

    def fetchall(self) -> list[tuple[Any, ...]]:
        with refused():
            return list(self._cursor.fetchall())

    def fetchone(self) -> tuple[Any, ...] | None:
        with refused():
            found = self._cursor.fetchone()
        return None if found is None else tuple(found)

    def arrow(self) -> pa.Table:
        """The result as an Arrow table, with the types DuckDB would give its columns."""
        columns = self._cursor.description or ()
        rows = self.fetchall()
        arrays, names = [], []
        for position, column in enumerate(columns):
            info = psycopg.postgres.types.get(column.type_code)
            arrow_type = _ARROW_TYPES.get(info.name if info else "", pa.string())
            values = [row[position] for row in rows]
            if arrow_type == pa.string():
                values = [None if v is None else str(v) for v in values]
            arrays.append(pa.array(values, type=arrow_type))
            names.append(column.name)
        return pa.Table.from_arrays(arrays, names=names)

    def df(self) -> Any:
        """The result as DuckDB's `df()` makes it (DuckDB itself turns it into pandas)."""
        return _local().from_arrow(self.arrow()).df()

    def fetchnumpy(self) -> dict[str, Any]:
        return _local().from_arrow(self.arrow()).fetchnumpy()

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Rows into `table` by COPY: the quick way in for many of them."""
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with refused(), self._cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)

    def release(self) -> None:
        """Close the cursor; the server connection stays open, for the pool."""
        self._cursor.close()

    def close(self) -> None:
        self.raw.close()


def _local() -> duckdb.DuckDBPyConnection:
    return duckdb.connect()


# --- connections: one pool per database and process ----------------------------------------

POOL_SIZE = 10
"""The connections one process holds to one database at most. A piece of work (a read, or a
write's transaction) borrows one for its length and gives it back, so a page's reruns do not
each connect anew (about 4 ms and a new server process each time); a process with more
pieces of work at once than this waits for one to come free, up to POOL_WAIT seconds."""
POOL_WAIT = 10.0
"""Seconds a piece of work waits for one of the pool's connections to come free."""
CONNECT_TIMEOUT = 10
"""Seconds a new connection to the server may take."""
POOLS_KEPT = 4
"""Databases one process keeps a pool for: a fifth closes the oldest (a program talks to one
database; a test process opens many, each of which would hold its connections open)."""

_pools: dict[tuple[str, int], ConnectionPool] = {}
_pools_lock = threading.Lock()


def _lock_ms() -> int:
    return int(lock_timeout() * 1000)


def _unreachable(location: PostgresURL, error: BaseException) -> StoreError:
    return StoreError(f"cannot open the database {location}: {_first_line(error)}")


def connect(location: PostgresURL) -> Connection:
    """A connection of its own, outside the pool, in autocommit mode: its holder closes it."""
    try:
        raw = psycopg.connect(location.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
    except psycopg.Error as error:
        raise _unreachable(location, error) from error
    try:
        with refused():
            prepare(raw, _lock_ms())
    except BaseException:
        raw.close()
        raise
    return Connection(raw)


def _pool(location: PostgresURL) -> ConnectionPool:
    key = (location.url, _lock_ms())  # a changed VIFTEN_LOCK_TIMEOUT gets connections of its own
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            # a connection of its own first: a server that is not there, or a wrong name or
            # password, is told at once and in its own words (a pool would try again in the
            # background until its wait ran out)
            connect(location).close()
            while len(_pools) >= POOLS_KEPT:
                _pools.pop(next(iter(_pools))).close()
            pool = ConnectionPool(
                location.url,
                min_size=0,
                max_size=POOL_SIZE,
                kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT},
                # set once per server connection; the pool renews each within the hour
                # (max_lifetime), so a clock that moves to summer time follows it
                configure=functools.partial(prepare, lock_ms=key[1]),
                check=ConnectionPool.check_connection,  # one the server dropped is replaced
                timeout=POOL_WAIT,
                name=f"viften {location}",
                open=True,
            )
            _pools[key] = pool
        return pool


def close_pools() -> None:
    """Close this process's pools and their connections (at exit, and for a test that copies
    a database, which PostgreSQL refuses while anyone is connected to it)."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()


atexit.register(close_pools)


def _no_connection(location: PostgresURL) -> StoreError:
    """Why no pooled connection came: the server's own words, or a pool in use to the last."""
    try:
        connect(location).close()
    except StoreError as error:
        return error
    return DatabaseBusy(
        f"the database {location} is busy: all {POOL_SIZE} of this program's connections to "
        f"it were in use for {POOL_WAIT:.0f} s. Try again."
    )


@contextmanager
def borrowed(location: PostgresURL) -> Iterator[Connection]:
    """A connection from this process's pool for `location`, in autocommit mode, for one piece
    of work. It goes back when the block ends; the pool rolls back a transaction left open
    and drops a connection that broke."""
    pool = _pool(location)
    try:
        raw = pool.getconn()
    except PoolTimeout as error:
        raise _no_connection(location) from error
    con = Connection(raw)
    try:
        yield con
    finally:
        con.release()
        pool.putconn(raw)


# --- errors ---------------------------------------------------------------------------------


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


@contextmanager
def refused() -> Iterator[None]:
    """psycopg's errors as the store's own."""
    try:
        yield
    except (pg_errors.SerializationFailure, pg_errors.DeadlockDetected) as error:
        raise Conflict(_first_line(error)) from error
    except (pg_errors.LockNotAvailable, pg_errors.QueryCanceled) as error:
        raise DatabaseBusy(
            "the database is busy: another session is writing to it and held it for longer "
            f"than the {_seconds()} s this one waits. Try again."
        ) from error
    except pg_errors.IntegrityError as error:
        raise Refused(_first_line(error)) from error
    except psycopg.Error as error:
        raise StoreError(
            f"the database refused the work ({_first_line(error)}); nothing was saved"
        ) from error


def _seconds() -> str:
    return f"{lock_timeout():.0f}"


# --- the schema -------------------------------------------------------------------------------


def stored_version(con: Connection) -> int | None:
    """The schema version of the database, None for an empty one."""
    row = con.execute(
        "SELECT to_regclass('schema_version') IS NOT NULL, to_regclass('interventions') IS NOT NULL"
    ).fetchone()
    assert row is not None
    if row[0]:
        found = con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(found[0]) if found and found[0] is not None else None
    return 1 if row[1] else None


def create_schema(con: Connection, statements: Sequence[str], version: int) -> None:
    for statement in COMPATIBILITY:
        con.raw.execute(statement)
    for statement in statements:
        con.execute(statement)
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (?)", [version])
