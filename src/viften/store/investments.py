"""Social investments in the store: finding a contract's intervention, and (below) the stored
investment cases, their follow-up results, their history and the pools.

Every statement is parameterised; writes run inside the caller's transaction
(`viften.actions.investments` opens it and checks the role).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from viften.store import db
from viften.store.db import StoreError
from viften.store.interventions import ConflictError


def intervention_ids(
    con: duckdb.DuckDBPyConnection, year: int, places: tuple[str, ...]
) -> list[tuple[int, str, str]]:
    """(id, name, municipality) of every intervention of `year` in one of `places`."""
    marks = ", ".join("?" for _ in places)
    rows = con.execute(
        "SELECT id, name, municipality FROM interventions "  # noqa: S608 - placeholders only
        f"WHERE year = ? AND municipality IN ({marks}) ORDER BY name",
        [year, *places],
    ).fetchall()
    return [(int(i), str(n), str(m)) for i, n, m in rows]


def newest_year(con: duckdb.DuckDBPyConnection, places: tuple[str, ...]) -> int | None:
    """The newest year with interventions in one of `places`, else in any municipality."""
    marks = ", ".join("?" for _ in places)
    row: Any = con.execute(
        f"SELECT max(year) FROM interventions WHERE municipality IN ({marks})",  # noqa: S608
        list(places),
    ).fetchone()
    if row and row[0] is not None:
        return int(row[0])
    row = con.execute("SELECT max(year) FROM interventions").fetchone()
    return int(row[0]) if row and row[0] is not None else None


# --- the stored investment cases -------------------------------------------------------------


class CaseNotFound(ConflictError):
    """The case is not there (deleted by someone else, or never stored)."""


@dataclass(frozen=True)
class StoredCase:
    id: int
    municipality: str
    name: str
    status: str
    start_year: int | None
    contract: dict[str, Any]
    """The contract document as `invest --contract` reads it (status included)."""
    version: int
    updated_at: dt.datetime | None
    updated_by: str | None


_CASE_COLUMNS = (
    "id, municipality, name, status, start_year, contract, version, updated_at, updated_by"
)


def _case(row: Sequence[Any]) -> StoredCase:
    contract = row[5]
    return StoredCase(
        id=int(row[0]),
        municipality=str(row[1]),
        name=str(row[2]),
        status=str(row[3]),
        start_year=None if row[4] is None else int(row[4]),
        contract=dict(json.loads(contract) if isinstance(contract, str) else contract),
        version=int(row[6]),
        updated_at=row[7],
        updated_by=row[8],
    )


def cases(con: duckdb.DuckDBPyConnection, municipality: str | None = None) -> list[StoredCase]:
    """Every stored case (of one municipality, or all), by start year and name."""
    query = f"SELECT {_CASE_COLUMNS} FROM investment_cases"  # noqa: S608 - constant columns
    params: list[Any] = []
    if municipality is not None:
        query += " WHERE municipality = ?"
        params.append(municipality)
    query += " ORDER BY start_year NULLS LAST, name"
    return [_case(row) for row in con.execute(query, params).fetchall()]


def case(con: duckdb.DuckDBPyConnection, case_id: int) -> StoredCase:
    row = con.execute(
        f"SELECT {_CASE_COLUMNS} FROM investment_cases WHERE id = ?",  # noqa: S608
        [case_id],
    ).fetchone()
    if row is None:
        raise CaseNotFound("this investment case was deleted by someone else; reload the page")
    return _case(row)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _record(
    con: duckdb.DuckDBPyConnection,
    user: str,
    action: str,
    case_id: int | None,
    name: str,
    changes: Iterable[tuple[str | None, Any, Any]],
) -> None:
    now = dt.datetime.now()
    rows = [
        (now, user, action, case_id, name, fld, _text(old), _text(new)) for fld, old, new in changes
    ]
    if rows:
        con.executemany(
            'INSERT INTO investment_history ("at", seq, "user", action, case_id, name, field, '
            "old, new) VALUES (?, nextval('investment_history_seq'), ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for every key of the contract that differs."""
    return [
        (key, before.get(key), after.get(key))
        for key in sorted(before.keys() | after.keys())
        if before.get(key) != after.get(key)
    ]


def _taken(con: duckdb.DuckDBPyConnection, municipality: str, name: str, other: int | None) -> None:
    row = con.execute(
        "SELECT id FROM investment_cases WHERE municipality = ? AND name = ?", [municipality, name]
    ).fetchone()
    if row is not None and int(row[0]) != other:
        raise StoreError(f"an investment case called {name!r} exists already: choose another name")


def insert_case(
    con: duckdb.DuckDBPyConnection, user: str, municipality: str, contract: Mapping[str, Any]
) -> int:
    """Store a new case (its contract document, checked by the caller); its id."""
    name = str(contract["name"])
    _taken(con, municipality, name, None)
    row = con.execute(
        "INSERT INTO investment_cases (municipality, name, status, start_year, contract, "
        "updated_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [
            municipality,
            name,
            contract.get("status", "idea"),
            contract.get("year"),
            json.dumps(dict(contract), ensure_ascii=False),
            user,
        ],
    ).fetchone()
    case_id = int(row[0]) if row else 0
    _record(con, user, "insert", case_id, name, _changes({}, contract))
    return case_id


def update_case(
    con: duckdb.DuckDBPyConnection,
    user: str,
    case_id: int,
    expected_version: int,
    contract: Mapping[str, Any],
) -> bool:
    """Replace a case's contract, unless someone else changed it first; False where nothing
    changed."""
    existing = case(con, case_id)
    if existing.version != expected_version:
        raise ConflictError(
            f"{existing.name} was changed by {existing.updated_by} after you opened it; reload "
            "to see their change, then make yours again"
        )
    changed = _changes(existing.contract, contract)
    if not changed:
        return False
    name = str(contract["name"])
    _taken(con, existing.municipality, name, case_id)
    con.execute(
        "UPDATE investment_cases SET name = ?, status = ?, start_year = ?, contract = ?, "
        "version = version + 1, updated_at = current_localtimestamp(), updated_by = ? "
        "WHERE id = ?",
        [
            name,
            contract.get("status", "idea"),
            contract.get("year"),
            json.dumps(dict(contract), ensure_ascii=False),
            user,
            case_id,
        ],
    )
    _record(con, user, "update", case_id, name, changed)
    return True


def delete_case(
    con: duckdb.DuckDBPyConnection, user: str, case_id: int, expected_version: int
) -> None:
    """Remove a case and its results; the history keeps its last contract."""
    existing = case(con, case_id)
    if existing.version != expected_version:
        raise ConflictError(
            f"{existing.name} was changed by {existing.updated_by} after you opened it; reload "
            "before deleting it"
        )
    con.execute("DELETE FROM investment_results WHERE case_id = ?", [case_id])
    con.execute("DELETE FROM investment_cases WHERE id = ?", [case_id])
    _record(con, user, "delete", case_id, existing.name, [("contract", existing.contract, None)])


def history(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[dict[str, Any]]:
    """The cases' audit trail, newest first."""
    query = (
        'SELECT strftime("at", \'%Y-%m-%dT%H:%M:%S\') AS "at", "user", action, case_id, '
        "name, field, old, new FROM investment_history ORDER BY seq DESC"
    )
    return db.newest_first(con, query, limit)


# --- follow-up results ------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredResult:
    case_id: int
    outcome: str
    follow_up: dt.date
    citizens: int
    reached: int
    entered_at: dt.datetime | None
    entered_by: str | None


def results(con: duckdb.DuckDBPyConnection, case_id: int | None = None) -> list[StoredResult]:
    """The follow-up results (of one case, or all), by date and goal."""
    query = (
        "SELECT case_id, outcome, follow_up, citizens, reached, entered_at, entered_by "
        "FROM investment_results"
    )
    params: list[Any] = []
    if case_id is not None:
        query += " WHERE case_id = ?"
        params.append(case_id)
    query += " ORDER BY case_id, follow_up, outcome"
    return [
        StoredResult(int(c), str(o), f, int(n), int(k), at, by)
        for c, o, f, n, k, at, by in con.execute(query, params).fetchall()
    ]


def set_result(
    con: duckdb.DuckDBPyConnection,
    user: str,
    case_id: int,
    outcome: str,
    follow_up: dt.date,
    citizens: int,
    reached: int,
) -> None:
    """Enter (or correct) the result of one goal at one follow-up date."""
    existing = case(con, case_id)
    before = con.execute(
        "SELECT citizens, reached FROM investment_results "
        "WHERE case_id = ? AND outcome = ? AND follow_up = ?",
        [case_id, outcome, follow_up],
    ).fetchone()
    con.execute(
        "INSERT INTO investment_results (case_id, outcome, follow_up, citizens, reached, "
        "entered_at, entered_by) VALUES (?, ?, ?, ?, ?, current_localtimestamp(), ?) "
        "ON CONFLICT (case_id, outcome, follow_up) DO UPDATE SET citizens = excluded.citizens, "
        "reached = excluded.reached, entered_at = excluded.entered_at, "
        "entered_by = excluded.entered_by",
        [case_id, outcome, follow_up, citizens, reached, user],
    )
    field_name = f"{outcome} {follow_up.isoformat()}"
    old = None if before is None else f"{before[1]}/{before[0]}"
    _record(
        con, user, "result", case_id, existing.name, [(field_name, old, f"{reached}/{citizens}")]
    )


def delete_result(
    con: duckdb.DuckDBPyConnection, user: str, case_id: int, outcome: str, follow_up: dt.date
) -> None:
    existing = case(con, case_id)
    before = con.execute(
        "DELETE FROM investment_results WHERE case_id = ? AND outcome = ? AND follow_up = ? "
        "RETURNING citizens, reached",
        [case_id, outcome, follow_up],
    ).fetchone()
    if before is not None:
        field_name = f"{outcome} {follow_up.isoformat()}"
        _record(
            con,
            user,
            "result",
            case_id,
            existing.name,
            [(field_name, f"{before[1]}/{before[0]}", None)],
        )


def treatment_counts(
    con: duckdb.DuckDBPyConnection, intervention: str, year: int, places: tuple[str, ...]
) -> tuple[int, int]:
    """(participants, in job) of an intervention's outcome records of a year."""
    marks = ", ".join("?" for _ in places)
    row = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE employed) FROM outcomes "  # noqa: S608
        f"WHERE treatment AND intervention = ? AND year = ? AND municipality IN ({marks})",
        [intervention, year, *places],
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


# --- the pools -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pool:
    name: str
    size: float
    updated_at: dt.datetime | None
    updated_by: str | None


def pools(con: duckdb.DuckDBPyConnection) -> list[Pool]:
    rows = con.execute(
        "SELECT name, size, updated_at, updated_by FROM pools ORDER BY name"
    ).fetchall()
    return [Pool(str(n), float(s), at, by) for n, s, at, by in rows]


def set_pool(con: duckdb.DuckDBPyConnection, user: str, name: str, size: float) -> None:
    before = con.execute("SELECT size FROM pools WHERE name = ?", [name]).fetchone()
    con.execute(
        "INSERT INTO pools (name, size, updated_at, updated_by) "
        "VALUES (?, ?, current_localtimestamp(), ?) ON CONFLICT (name) DO UPDATE SET "
        "size = excluded.size, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        [name, size, user],
    )
    _record(
        con,
        user,
        "update",
        None,
        name,
        [("pool.size", None if before is None else before[0], size)],
    )


def delete_pool(con: duckdb.DuckDBPyConnection, user: str, name: str) -> None:
    before = con.execute("DELETE FROM pools WHERE name = ? RETURNING size", [name]).fetchone()
    if before is not None:
        _record(con, user, "delete", None, name, [("pool.size", before[0], None)])
