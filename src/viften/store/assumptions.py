"""A fan year's stored assumptions of the budget case, with an audit trail.

The table `assumptions` holds one JSON object per year in `Assumptions.to_dict` form; a year
without a row uses the defaults of `viften.model.assumptions`. Writes run inside the caller's
transaction (`viften.actions.assumptions` opens it and checks the role) and go to the history
like every other change: one row per changed value, `field` named `assumptions.<key>`
(`assumptions.wage`, `assumptions.benefits.dagpenge`), and the empty name, which no
intervention can have, so that no row of the trail is taken for an intervention's.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import duckdb

from viften.model.assumptions import HISTORY_PREFIX as FIELD_PREFIX
from viften.store import db

SUBJECT = ""
"""The history's `name` for a change of the assumptions (an intervention's is never empty)."""


def read(con: duckdb.DuckDBPyConnection, year: int) -> dict[str, Any] | None:
    """The stored assumptions of `year` in `Assumptions.to_dict` form, None where there are
    none (the defaults apply)."""
    row = con.execute('SELECT "values" FROM assumptions WHERE year = ?', [year]).fetchone()
    if row is None:
        return None
    stored = json.loads(row[0]) if isinstance(row[0], str) else row[0]
    return dict(stored)


def stored_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """The years with stored assumptions, newest first."""
    rows = con.execute("SELECT year FROM assumptions ORDER BY year DESC").fetchall()
    return [int(row[0]) for row in rows]


def _flat(values: Mapping[str, Any] | None, prefix: str = "") -> dict[str, Any]:
    """`{"benefits": {"dagpenge": 1}}` as `{"benefits.dagpenge": 1}`: one entry per value."""
    flat: dict[str, Any] = {}
    for key, value in (values or {}).items():
        if isinstance(value, Mapping):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def changes(
    before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> list[tuple[str, str | None, str | None]]:
    """(field, old, new) for every value that differs between two to_dict forms."""
    old, new = _flat(before), _flat(after)
    return [
        (FIELD_PREFIX + key, _text(old.get(key)), _text(new.get(key)))
        for key in sorted(old.keys() | new.keys())
        if old.get(key) != new.get(key)
    ]


def _record(
    con: duckdb.DuckDBPyConnection,
    user: str,
    year: int,
    changed: list[tuple[str, str | None, str | None]],
) -> None:
    if not changed:
        return
    now = dt.datetime.now()
    con.executemany(
        f"INSERT INTO history ({db.HISTORY_FIELDS}) "  # noqa: S608 - constant names
        "VALUES (?, nextval('history_seq'), ?, 'update', NULL, ?, ?, ?, ?, ?)",
        [(now, user, SUBJECT, year, field, old, new) for field, old, new in changed],
    )


def write(
    con: duckdb.DuckDBPyConnection,
    user: str,
    year: int,
    values: Mapping[str, Any],
    before: Mapping[str, Any],
) -> None:
    """Store `values` (to_dict form) as the assumptions of `year`, inside the caller's
    transaction; `before` is what the year used until now (its stored or the default ones),
    for the history."""
    con.execute(
        """
        INSERT INTO assumptions (year, "values", updated_at, updated_by)
        VALUES (?, ?, current_localtimestamp(), ?)
        ON CONFLICT (year) DO UPDATE SET "values" = excluded."values",
            updated_at = excluded.updated_at, updated_by = excluded.updated_by
        """,
        [year, json.dumps(dict(values), ensure_ascii=False), user],
    )
    _record(con, user, year, changes(before, values))


def remove(
    con: duckdb.DuckDBPyConnection, user: str, year: int, defaults: Mapping[str, Any]
) -> bool:
    """Drop the stored assumptions of `year` (the defaults apply again), inside the caller's
    transaction; False where there were none."""
    before = read(con, year)
    if before is None:
        return False
    con.execute("DELETE FROM assumptions WHERE year = ?", [year])
    _record(con, user, year, changes(before, defaults))
    return True
